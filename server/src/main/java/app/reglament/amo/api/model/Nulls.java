package app.reglament.amo.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** amoCRM omits empty lists or sends null; records hold an immutable, possibly empty list. */
final class Nulls {
  private Nulls() {}

  static <T> List<T> list(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(list.size());
    list.stream().filter(Objects::nonNull).forEach(copy::add);
    return Collections.unmodifiableList(copy);
  }
}
