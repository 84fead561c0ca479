package app.reglament.sandbox.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough reading of the sandbox's HTML for tests: elements found by a piece of their opening
 * tag (an id, a class, a data attribute), cut out whole by counting their nested tags.
 */
final class Dom {
  private static final Pattern COLUMN =
      Pattern.compile("class=\"pipeline_status [^\"]*\" data-status-id=\"(\\d+)\"");
  private static final Pattern ITEM =
      Pattern.compile("class=\"pipeline_leads__item\" data-id=\"(\\d+)\"");

  private Dom() {}

  /** The board's stage ids, left to right. */
  static List<Long> columnIds(String html) {
    return all(COLUMN, html);
  }

  /** One stage's column. */
  static String column(String html, long statusId) {
    return element(html, "id=\"status_id_" + statusId + "\"");
  }

  /** The deal ids of the board cards in some markup, top to bottom. */
  static List<Long> itemIds(String html) {
    return all(ITEM, html);
  }

  /** The whole element whose opening tag contains {@code marker}; fails when there is none. */
  static String element(String html, String marker) {
    int at = html.indexOf(marker);
    if (at < 0) {
      throw new AssertionError("No element with " + marker + " in the page");
    }
    int start = html.lastIndexOf('<', at);
    Matcher name = Pattern.compile("<([a-z0-9]+)").matcher(html).region(start, html.length());
    if (!name.lookingAt()) {
      throw new AssertionError("Cannot read the tag around " + marker);
    }
    String tag = name.group(1);
    Matcher tags = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(html);
    int depth = 0;
    tags.region(start, html.length());
    while (tags.find()) {
      depth += tags.group(1).isEmpty() ? 1 : -1;
      if (depth == 0) {
        return html.substring(start, html.indexOf('>', tags.start()) + 1);
      }
    }
    throw new AssertionError("The element with " + marker + " is never closed");
  }

  private static List<Long> all(Pattern pattern, String html) {
    List<Long> ids = new ArrayList<>();
    Matcher m = pattern.matcher(html);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }
}
