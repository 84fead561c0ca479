package app.reglament.sandbox.ui;

import app.reglament.sandbox.ui.Template.Include;
import app.reglament.sandbox.ui.Template.Node;
import app.reglament.sandbox.ui.Template.Section;
import app.reglament.sandbox.ui.Template.Text;
import app.reglament.sandbox.ui.Template.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The page templates under {@code ui/templates/} on the classpath, parsed once and rendered with
 * records as models. See {@link Template} for the syntax.
 */
final class Templates {
  private static final String ROOT = "ui/templates/";

  private final Map<String, Template> parsed = new ConcurrentHashMap<>();
  private final Function<String, String> sources;

  /** The templates on the classpath. */
  Templates() {
    this(Templates::classpath);
  }

  /** Templates whose source text {@code sources} gives by name (tests give them inline). */
  Templates(Function<String, String> sources) {
    this.sources = sources;
  }

  /**
   * The named template ({@code board} is {@code ui/templates/board.html}) filled from the model.
   */
  String render(String name, Object model) {
    StringBuilder out = new StringBuilder(16 * 1024);
    write(template(name).nodes(), new Scope(name, model), out);
    return out.toString();
  }

  Template template(String name) {
    return parsed.computeIfAbsent(name, n -> TemplateParser.parse(n, sources.apply(n)));
  }

  private void write(Iterable<Node> nodes, Scope scope, StringBuilder out) {
    for (Node node : nodes) {
      // Java 17 has no pattern switch yet; the node kinds are sealed, so this covers them all.
      if (node instanceof Text text) {
        out.append(text.text());
      } else if (node instanceof Value value) {
        out.append(Html.escape(text(scope.find(value.name()))));
      } else if (node instanceof Section section) {
        section(section, scope, out);
      } else if (node instanceof Include include) {
        write(template(include.template()).nodes(), scope, out);
      }
    }
  }

  private void section(Section section, Scope scope, StringBuilder out) {
    Object value = scope.find(section.name());
    if (section.inverted()) {
      if (!present(value)) {
        write(section.body(), scope, out);
      }
      return;
    }
    if (!present(value)) {
      return;
    }
    if (value instanceof Boolean) {
      write(section.body(), scope, out);
    } else if (value instanceof Collection<?> items) {
      for (Object item : items) {
        scope.push(item);
        write(section.body(), scope, out);
        scope.pop();
      }
    } else {
      scope.push(value instanceof Optional<?> optional ? optional.get() : value);
      write(section.body(), scope, out);
      scope.pop();
    }
  }

  /** Absent, false and empty values hide a section and show an inverted one. */
  private static boolean present(Object value) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof Collection<?> items) {
      return !items.isEmpty();
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent();
    }
    if (value instanceof String text) {
      return !text.isEmpty();
    }
    return value != null;
  }

  private static String text(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(String::valueOf).orElse("");
    }
    return value == null ? "" : value.toString();
  }

  private static String classpath(String name) {
    String path = ROOT + name + ".html";
    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No template " + path + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
