package app.reglament.widgetapi;

import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import io.javalin.http.Context;

/** Path and query parameters of widget calls, refused with a 400 problem when malformed. */
final class Params {
  private Params() {}

  /** A positive amoCRM id in the path. */
  static long id(Context ctx, String name) {
    String text = ctx.pathParam(name);
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ProblemException(ProblemType.BAD_REQUEST, name + " must be a positive amoCRM id");
  }

  /** An optional integer query parameter within [min, max]. */
  static int intQuery(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ProblemException(
        ProblemType.BAD_REQUEST, name + " must be a whole number from " + min + " to " + max);
  }

  /** An optional positive id in the query, null when absent. */
  static Long idQuery(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(text.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ProblemException(ProblemType.BAD_REQUEST, name + " must be a positive id");
  }
}
