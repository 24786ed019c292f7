package dev.runtimedoctor.knowledge.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster check bound to an entry by its {@code checks} front matter: the check's type and its
 * parameters, each a list of strings (a scalar is a one-element list).
 */
public record CheckSpec(String type, Map<String, List<String>> params) {
  public CheckSpec {
    Objects.requireNonNull(type, "type");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    params = java.util.Collections.unmodifiableMap(copy);
  }

  /** The values of a parameter, empty when absent. */
  public List<String> list(String key) {
    return params.getOrDefault(key, List.of());
  }

  /** The first value of a parameter. */
  public Optional<String> first(String key) {
    return list(key).stream().findFirst();
  }
}
