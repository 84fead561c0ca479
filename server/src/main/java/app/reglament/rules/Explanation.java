package app.reglament.rules;

import java.util.Objects;

/**
 * What a violation means and what the manager should do about it, in Russian and English. The
 * Russian text is what managers of an amoCRM account see by default.
 */
public record Explanation(String russian, String english) {
  public Explanation {
    Objects.requireNonNull(russian, "russian");
    Objects.requireNonNull(english, "english");
  }

  public String in(String language) {
    return "en".equals(language) ? english : russian;
  }
}
