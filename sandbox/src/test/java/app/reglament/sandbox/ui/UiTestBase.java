package app.reglament.sandbox.ui;

import app.reglament.sandbox.SandboxApp;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.testing.MutableClock;
import app.reglament.sandbox.testing.Sandboxes;
import app.reglament.sandbox.testing.TinyScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A sandbox over the tiny scenario on a free port, with its default UI, and a browser on it. The
 * account's current user is the head, Ирина (500); Анна (501) and Павел (502) are managers.
 */
abstract class UiTestBase {
  final MutableClock clock = new MutableClock(Sandboxes.T0);
  SandboxApp sandbox;
  Browser browser;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandboxes.start(Sandboxes.settings(), clock, TinyScenario.build(Sandboxes.T0));
    browser = new Browser(sandbox.baseUrl());
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  Store store() {
    return sandbox.store();
  }
}
