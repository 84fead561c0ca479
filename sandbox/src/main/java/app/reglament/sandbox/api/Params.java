package app.reglament.sandbox.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query string as amoCRM's PHP side reads it: {@code filter[id][]=1&filter[id][]=2}, {@code
 * filter[id][0]=1} and {@code filter[id]=1,2} all name the list (1, 2). Malformed numbers are a
 * 400.
 */
final class Params {
  private static final Pattern INDEXED = Pattern.compile("\\[\\d*]");

  private final Map<String, List<String>> query;

  Params(Map<String, List<String>> query) {
    this.query = query;
  }

  static Params of(Context ctx) {
    return new Params(ctx.queryParamMap());
  }

  /** Every value given for {@code base}, {@code base[]} or {@code base[N]}, commas split. */
  List<String> values(String base) {
    List<String> values = new ArrayList<>();
    query.forEach(
        (name, given) -> {
          if (name.equals(base)) {
            given.forEach(v -> Arrays.stream(v.split(",")).map(String::strip).forEach(values::add));
          } else if (name.startsWith(base)
              && INDEXED.matcher(name.substring(base.length())).matches()) {
            values.addAll(given);
          }
        });
    values.removeIf(String::isEmpty);
    return values;
  }

  Optional<String> one(String name) {
    List<String> given = query.get(name);
    return given == null || given.isEmpty() || given.get(0).isBlank()
        ? Optional.empty()
        : Optional.of(given.get(0).strip());
  }

  List<Long> longs(String base) {
    List<Long> numbers = new ArrayList<>();
    for (String value : values(base)) {
      numbers.add(parse(base, value));
    }
    return numbers;
  }

  Optional<Long> longValue(String name) {
    return one(name).map(value -> parse(name, value));
  }

  /** {@code with=contacts,loss_reason}. */
  Set<String> with() {
    return new LinkedHashSet<>(values("with"));
  }

  /**
   * A time condition: {@code base[from]} / {@code base[to]} (inclusive, Unix seconds), or {@code
   * base=T} for exactly that second.
   */
  TimeRange range(String base) {
    Optional<Long> exact = longValue(base);
    if (exact.isPresent()) {
      Instant at = Instant.ofEpochSecond(exact.get());
      return new TimeRange(at, at);
    }
    return new TimeRange(
        longValue(base + "[from]").map(Instant::ofEpochSecond).orElse(null),
        longValue(base + "[to]").map(Instant::ofEpochSecond).orElse(null));
  }

  /** {@code order[updated_at]=asc}: the field and whether ascending, if an order was asked. */
  Optional<Order> order(Set<String> allowed) {
    for (String field : allowed) {
      Optional<String> direction = one("order[" + field + "]");
      if (direction.isPresent()) {
        String value = direction.get().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("asc") && !value.equals("desc")) {
          throw ApiProblem.badRequest("order[" + field + "] must be asc or desc");
        }
        return Optional.of(new Order(field, value.equals("asc")));
      }
    }
    return Optional.empty();
  }

  record Order(String field, boolean ascending) {}

  /** A closed time range; null ends are open. */
  record TimeRange(Instant from, Instant to) {
    boolean contains(Instant at) {
      if (from == null && to == null) {
        return true;
      }
      if (at == null) {
        return false;
      }
      return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }
  }

  private static long parse(String name, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest(name + " must be a whole number, got '" + value + "'");
    }
  }
}
