package app.reglament.widgetapi;

import app.reglament.account.Account;

/** An authenticated widget call: who (from the token) and the account, as Reglament knows it. */
record Caller(WidgetIdentity identity, Account account) {
  long accountId() {
    return identity.accountId();
  }

  long userId() {
    return identity.userId();
  }

  /** An administrator of the amoCRM account, as the signed token says. */
  boolean admin() {
    return identity.admin();
  }
}
