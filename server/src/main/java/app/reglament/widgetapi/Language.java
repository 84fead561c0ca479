package app.reglament.widgetapi;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * The language of the texts a widget answer leads with: {@code ?lang=} when it names one we speak,
 * else the first of ours in Accept-Language, else Russian (amoCRM's own). Answers carry both texts
 * anyway, so the choice only decides which one comes first.
 */
final class Language {
  static final String RUSSIAN = "ru";
  static final String ENGLISH = "en";
  private static final List<String> SPOKEN = List.of(RUSSIAN, ENGLISH);

  private Language() {}

  static String of(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null && SPOKEN.contains(asked.strip().toLowerCase(Locale.ROOT))) {
      return asked.strip().toLowerCase(Locale.ROOT);
    }
    return fromAcceptLanguage(ctx.header("Accept-Language"));
  }

  static String fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return RUSSIAN;
    }
    try {
      String best = Locale.lookupTag(Locale.LanguageRange.parse(header), SPOKEN);
      return best == null ? RUSSIAN : best;
    } catch (IllegalArgumentException malformed) {
      return RUSSIAN;
    }
  }

  /** The text in the language, or the other one when that is missing. */
  static String pick(String language, String russian, String english) {
    if (ENGLISH.equals(language)) {
      return english != null ? english : russian;
    }
    return russian != null ? russian : english;
  }
}
