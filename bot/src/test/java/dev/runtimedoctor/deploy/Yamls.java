package dev.runtimedoctor.deploy;

import java.util.List;
import java.util.Map;

/** Reads parsed YAML (maps, lists, scalars) by path: {@code get(doc, "spec", "template")}. */
final class Yamls {
  private Yamls() {}

  /** The value at {@code path}, or null when any step is missing; a number steps into a list. */
  static Object get(Object node, String... path) {
    Object current = node;
    for (String step : path) {
      if (current instanceof Map<?, ?> m) {
        current = m.get(step);
      } else if (current instanceof List<?> l && step.chars().allMatch(Character::isDigit)) {
        int i = Integer.parseInt(step);
        current = i < l.size() ? l.get(i) : null;
      } else {
        return null;
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String... path) {
    Object v = get(node, path);
    if (!(v instanceof Map<?, ?>)) {
      throw new AssertionError("no mapping at " + String.join(".", path) + " in " + node);
    }
    return (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, String... path) {
    Object v = get(node, path);
    if (!(v instanceof List<?>)) {
      throw new AssertionError("no list at " + String.join(".", path) + " in " + node);
    }
    return (List<Object>) v;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object node, String... path) {
    return (List<Map<String, Object>>) (List<?>) list(node, path);
  }

  static String string(Object node, String... path) {
    Object v = get(node, path);
    if (!(v instanceof String s)) {
      throw new AssertionError("no string at " + String.join(".", path) + " in " + node);
    }
    return s;
  }
}
