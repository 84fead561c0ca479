package app.reglament.widgetapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Origins compare as plain strings once spelled one way. */
class OriginsTest {
  @Test
  void case_and_default_ports_do_not_make_another_origin() {
    assertThat(Origins.parse("HTTPS://Sales.AmoCRM.ru")).contains("https://sales.amocrm.ru");
    assertThat(Origins.parse("https://sales.amocrm.ru:443")).contains("https://sales.amocrm.ru");
    assertThat(Origins.parse("http://localhost:80")).contains("http://localhost");
    assertThat(Origins.parse("http://localhost:9001")).contains("http://localhost:9001");
    assertThat(Origins.ofBaseDomain("sales.kommo.com")).contains("https://sales.kommo.com");
    assertThat(Origins.of(URI.create("http://localhost:9001/some/path?x=1")))
        .contains("http://localhost:9001");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "null",
        "",
        "sales.amocrm.ru",
        "https://sales.amocrm.ru/",
        "https://sales.amocrm.ru/path",
        "https://user@sales.amocrm.ru",
        "ftp://sales.amocrm.ru",
        "https://sales.amocrm.ru?x",
        "https://%zz"
      })
  void anything_but_a_bare_http_origin_is_none(String header) {
    assertThat(Origins.parse(header)).isEmpty();
  }
}
