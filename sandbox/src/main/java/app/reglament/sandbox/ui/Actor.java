package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.User;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;

/**
 * Who is working in the UI: the amoCRM user every change made here is attributed to. The sandbox
 * has no login; by default it is the account's current user (the admin who installed the
 * integration). {@code ?as=USER_ID} on any page switches to another user and is remembered in the
 * {@code sandbox_as} cookie, so a browser test can act as a manager and Reglament sees that
 * manager's hand in the events and webhooks.
 */
final class Actor {
  static final String PARAM = "as";
  static final String COOKIE = "sandbox_as";

  private Actor() {}

  /** The acting user; an {@code as} naming nobody is a 400. */
  static User of(Context ctx, Store store) {
    String asked = ctx.queryParam(PARAM);
    if (asked == null || asked.isBlank()) {
      return remembered(ctx, store);
    }
    User user =
        parse(asked)
            .flatMap(store::user)
            .orElseThrow(
                () -> UiProblem.badRequest("В аккаунте нет пользователя «" + asked.strip() + "»"));
    ctx.cookie(
        new Cookie(COOKIE, Long.toString(user.id()), "/", -1, false, true, null, SameSite.LAX));
    return user;
  }

  /** The user the cookie names, or the account's current user; never fails. */
  static User remembered(Context ctx, Store store) {
    return parse(ctx.cookie(COOKIE))
        .flatMap(store::user)
        .or(() -> store.user(store.account().currentUserId()))
        .orElseGet(() -> store.users().get(0));
  }

  private static Optional<Long> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
