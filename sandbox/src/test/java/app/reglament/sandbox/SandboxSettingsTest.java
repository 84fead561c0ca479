package app.reglament.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  @Test
  void unsetVariablesKeepTheDefaults() {
    SandboxSettings settings = SandboxSettings.fromEnv(Map.of());
    assertThat(settings).isEqualTo(SandboxSettings.DEFAULTS);
    assertThat(settings.port()).isEqualTo(9001);
    assertThat(settings.tokenLifetime()).isEqualTo(Duration.ofSeconds(86_400));
    assertThat(settings.requestsPerSecond()).isEqualTo(7);
    assertThat(settings.redirectUri())
        .isEqualTo(URI.create("http://localhost:8080/oauth/callback"));
  }

  @Test
  void readsEveryVariable() {
    SandboxSettings settings =
        SandboxSettings.fromEnv(
            Map.of(
                "SANDBOX_CLIENT_ID", "id-1",
                "SANDBOX_CLIENT_SECRET", "secret-1",
                "SANDBOX_REDIRECT_URI", "https://reglament.example/oauth/callback",
                "SANDBOX_PORT", "0",
                "SANDBOX_TOKEN_LIFETIME_SECONDS", "5",
                "SANDBOX_RPS", "0"));
    assertThat(settings.clientId()).isEqualTo("id-1");
    assertThat(settings.clientSecret()).isEqualTo("secret-1");
    assertThat(settings.redirectUri().getHost()).isEqualTo("reglament.example");
    assertThat(settings.port()).isZero();
    assertThat(settings.tokenLifetime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.requestsPerSecond()).isZero();
  }

  @Test
  void aMalformedValueNamesItsVariable() {
    assertThatThrownBy(() -> SandboxSettings.fromEnv(Map.of("SANDBOX_PORT", "ninety")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("SANDBOX_PORT");
    assertThatThrownBy(() -> SandboxSettings.fromEnv(Map.of("SANDBOX_TOKEN_LIFETIME_SECONDS", "0")))
        .hasMessageContaining("SANDBOX_TOKEN_LIFETIME_SECONDS");
    assertThatThrownBy(() -> SandboxSettings.fromEnv(Map.of("SANDBOX_REDIRECT_URI", "ftp://x/y")))
        .hasMessageContaining("SANDBOX_REDIRECT_URI");
    assertThatThrownBy(() -> SandboxSettings.fromEnv(Map.of("SANDBOX_RPS", "-1")))
        .hasMessageContaining("SANDBOX_RPS");
  }
}
