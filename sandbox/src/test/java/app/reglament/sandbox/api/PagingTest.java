package app.reglament.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagingTest extends ApiTestBase {

  @BeforeEach
  void fiveHundredDeals() {
    // With the scenario's two, 500 deals: two full pages of 250, then nothing.
    sandbox
        .store()
        .createLeads(
            IntStream.range(0, 498).mapToObj(i -> NewLead.named("Сделка " + i)).toList(), 0);
  }

  @Test
  void pagesAreHalWithANextLinkWhileFullAnd204AtTheEnd() {
    Http.Answer first = get("/api/v4/leads?limit=250");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("application/hal+json");
    JsonNode page1 = first.json();
    assertThat(page1.get("_page").asInt()).isEqualTo(1);
    assertThat(page1.at("/_embedded/leads")).hasSize(250);
    assertThat(page1.at("/_links/self/href").asText())
        .isEqualTo(sandbox.baseUrl() + "/api/v4/leads?page=1&limit=250");
    assertThat(page1.at("/_links/next/href").asText())
        .isEqualTo(sandbox.baseUrl() + "/api/v4/leads?page=2&limit=250");

    JsonNode page2 = get("/api/v4/leads?limit=250&page=2").json();
    assertThat(page2.at("/_embedded/leads")).hasSize(250);
    assertThat(page2.at("/_links/next").isMissingNode()).isFalse();

    Http.Answer third = get("/api/v4/leads?limit=250&page=3");
    assertThat(third.status()).isEqualTo(204);
    assertThat(third.body()).isEmpty();
  }

  @Test
  void aShortLastPageHasNoNextLink() {
    JsonNode page = get("/api/v4/leads?limit=200&page=3").json();
    assertThat(page.at("/_embedded/leads")).hasSize(100);
    assertThat(page.at("/_links/next").isMissingNode()).isTrue();
    assertThat(page.at("/_links/prev/href").asText()).endsWith("page=2&limit=200");
  }

  @Test
  void followingNextReadsEveryDealOnce() {
    List<Long> ids = new ArrayList<>();
    String next = "/api/v4/leads?limit=50&with=contacts";
    while (next != null) {
      Http.Answer answer = get(next);
      if (answer.status() == 204) {
        break;
      }
      answer.json().at("/_embedded/leads").forEach(l -> ids.add(l.get("id").asLong()));
      JsonNode href = answer.json().at("/_links/next/href");
      next = href.isMissingNode() ? null : href.asText().substring(sandbox.baseUrl().length());
    }
    assertThat(ids).hasSize(500).doesNotHaveDuplicates();
  }

  @Test
  void aLimitOver250IsRefused() {
    Http.Answer answer = get("/api/v4/leads?limit=251");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("status").asInt()).isEqualTo(400);
    assertThat(answer.json().get("detail").asText()).contains("250");
  }

  @Test
  void theDefaultPageIsFifty() {
    assertThat(get("/api/v4/leads").json().at("/_embedded/leads")).hasSize(50);
  }

  @Test
  void anEmptyListIs204() {
    Http.Answer answer = get("/api/v4/leads?filter[id][]=1");
    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
  }
}
