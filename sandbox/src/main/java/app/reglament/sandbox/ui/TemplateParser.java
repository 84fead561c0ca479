package app.reglament.sandbox.ui;

import app.reglament.sandbox.ui.Template.Include;
import app.reglament.sandbox.ui.Template.Node;
import app.reglament.sandbox.ui.Template.Section;
import app.reglament.sandbox.ui.Template.Text;
import app.reglament.sandbox.ui.Template.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads a template's source into a {@link Template}; a malformed one fails at load, not later. */
final class TemplateParser {
  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";

  private TemplateParser() {}

  static Template parse(String name, String source) {
    Deque<Frame> open = new ArrayDeque<>();
    open.push(new Frame(null, false));
    int at = 0;
    while (at < source.length()) {
      int tagStart = source.indexOf(OPEN, at);
      if (tagStart < 0) {
        open.peek().nodes.add(new Text(source.substring(at)));
        break;
      }
      if (tagStart > at) {
        open.peek().nodes.add(new Text(source.substring(at, tagStart)));
      }
      int tagEnd = source.indexOf(CLOSE, tagStart + OPEN.length());
      if (tagEnd < 0) {
        throw error(name, source, tagStart, "a tag is not closed with }}");
      }
      String tag = source.substring(tagStart + OPEN.length(), tagEnd).strip();
      at = tagEnd + CLOSE.length();
      if (tag.isEmpty() || tag.startsWith("{")) {
        throw error(
            name, source, tagStart, "empty tags and {{{unescaped}}} values are not supported");
      }
      char kind = tag.charAt(0);
      String argument = tag.substring(1).strip();
      switch (kind) {
        case '!' -> {}
        case '#', '^' -> open.push(new Frame(argument, kind == '^'));
        case '/' -> {
          Frame frame = open.pop();
          if (frame.name == null || !frame.name.equals(argument)) {
            throw error(name, source, tagStart, "{{/" + argument + "}} closes nothing open");
          }
          open.peek().nodes.add(new Section(frame.name, frame.inverted, frame.nodes));
        }
        case '>' -> open.peek().nodes.add(new Include(argument));
        default -> open.peek().nodes.add(new Value(tag));
      }
    }
    if (open.size() > 1) {
      throw new IllegalArgumentException(
          "Template " + name + ": section {{#" + open.peek().name + "}} is never closed");
    }
    return new Template(name, open.pop().nodes);
  }

  private static IllegalArgumentException error(
      String name, String source, int offset, String what) {
    long line = source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    return new IllegalArgumentException("Template " + name + ", line " + line + ": " + what);
  }

  private static final class Frame {
    final String name;
    final boolean inverted;
    final List<Node> nodes = new ArrayList<>();

    Frame(String name, boolean inverted) {
      this.name = name;
      this.inverted = inverted;
    }
  }
}
