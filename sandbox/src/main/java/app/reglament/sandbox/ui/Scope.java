package app.reglament.sandbox.ui;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The values a template sees: a stack of models, innermost first. A name is looked up from the
 * innermost model outwards, as Mustache does, so a list item's template can still reach the page's
 * values. Models are records (their components by name) or maps. A name found nowhere is an error,
 * so a typo in a template fails the tests instead of rendering an empty string.
 */
final class Scope {
  private static final Object MISSING = new Object();

  /** Each record's component accessors, by component name. */
  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> byName = new HashMap<>();
          if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
              Method accessor = component.getAccessor();
              accessor.setAccessible(true);
              byName.put(component.getName(), accessor);
            }
          }
          return byName;
        }
      };

  private final String template;
  private final Deque<Object> models = new ArrayDeque<>();

  Scope(String template, Object model) {
    this.template = template;
    models.push(model);
  }

  void push(Object model) {
    models.push(model);
  }

  void pop() {
    models.pop();
  }

  /** {@code .} is the innermost model; {@code a.b} looks up {@code a}, then {@code b} in it. */
  Object find(String name) {
    if (name.equals(".")) {
      return models.peek();
    }
    String[] parts = name.split("\\.");
    Object value = MISSING;
    for (Object model : models) {
      value = member(model, parts[0]);
      if (value != MISSING) {
        break;
      }
    }
    for (int i = 1; i < parts.length && value != MISSING && value != null; i++) {
      value = member(value, parts[i]);
    }
    if (value == MISSING) {
      throw new IllegalStateException("Template " + template + ": no value named '" + name + "'");
    }
    return value;
  }

  private static Object member(Object model, String name) {
    if (model instanceof Map<?, ?> map) {
      return map.containsKey(name) ? map.get(name) : MISSING;
    }
    if (model == null) {
      return MISSING;
    }
    Method accessor = ACCESSORS.get(model.getClass()).get(name);
    if (accessor == null) {
      return MISSING;
    }
    try {
      return accessor.invoke(model);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + model.getClass(), e);
    }
  }
}
