package app.reglament.sandbox.api;

import app.reglament.sandbox.SandboxApp;
import app.reglament.sandbox.testing.Http;
import app.reglament.sandbox.testing.MutableClock;
import app.reglament.sandbox.testing.Sandboxes;
import app.reglament.sandbox.testing.TinyScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A sandbox over the tiny scenario with the integration installed; no rate ceiling. */
abstract class ApiTestBase {
  final MutableClock clock = new MutableClock(Sandboxes.T0);
  SandboxApp sandbox;
  Http http;
  String token;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandboxes.start(Sandboxes.settings(), clock, TinyScenario.build(Sandboxes.T0));
    http = new Http(sandbox.baseUrl());
    token = Sandboxes.install(http).access();
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  Http.Answer get(String path) {
    return http.get(path, token);
  }
}
