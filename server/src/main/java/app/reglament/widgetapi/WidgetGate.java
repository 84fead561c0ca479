package app.reglament.widgetapi;

import app.reglament.account.Account;
import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * The one check in front of every widget call (preflights aside): the disposable token names the
 * account and the user, the account must be connected, and a browser caller must come from that
 * account's own origin. The token itself is never logged nor echoed.
 */
final class WidgetGate {
  static final String TOKEN_HEADER = "X-Auth-Token";
  private static final String CALLER = "reglament.widget.caller";

  private final DisposableTokens tokens;
  private final AccountRepository accounts;
  private final WidgetCors cors;

  WidgetGate(DisposableTokens tokens, AccountRepository accounts, WidgetCors cors) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.cors = cors;
  }

  void check(Context ctx) {
    if (ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    String origin = ctx.header("Origin");
    WidgetIdentity identity;
    try {
      identity = tokens.verify(ctx.header(TOKEN_HEADER));
    } catch (InvalidTokenException e) {
      refuse(
          ctx, origin, ProblemType.UNAUTHORIZED, "The widget token is refused: " + e.getMessage());
      return;
    }
    Account account = accounts.find(identity.accountId()).orElse(null);
    if (account == null || account.state() == AccountState.INACTIVE) {
      refuse(
          ctx,
          origin,
          ProblemType.ACCOUNT_NOT_CONNECTED,
          "Reglament is not installed in this amoCRM account; an administrator can install it"
              + " from the widget's settings");
      return;
    }
    if (origin != null) {
      if (!cors.allowedFor(account, origin)) {
        throw new ProblemException(
            ProblemType.FORBIDDEN, "Calls for this account are accepted only from its own amoCRM");
      }
      WidgetCors.allow(ctx, origin);
    }
    ctx.attribute(CALLER, new Caller(identity, account));
  }

  /**
   * Refuses the call; a page of a known origin may still read why (so the widget can say it), which
   * tells that page nothing it did not already have.
   */
  private void refuse(Context ctx, String origin, ProblemType type, String detail) {
    if (origin != null && cors.isKnown(origin)) {
      WidgetCors.allow(ctx, origin);
    }
    throw new ProblemException(type, detail);
  }

  /** The caller the gate let through. */
  static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) {
      throw new IllegalStateException("A widget handler ran without the gate in front of it");
    }
    return caller;
  }
}
