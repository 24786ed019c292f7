package dev.runtimedoctor.bot.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one list asks the API server for: a namespace (or all) and field selectors such as {@code
 * reason=Failed} or {@code spec.nodeName=gke-…}, so the server sends only what a check needs.
 *
 * @param namespace the namespace to list in; empty lists across every namespace
 * @param fields field selector terms, {@code field → value}, all of which must hold
 */
public record ListSelection(Optional<String> namespace, Map<String, String> fields) {

  /** Everything, in every namespace. */
  public static final ListSelection ALL = new ListSelection(Optional.empty(), Map.of());

  public ListSelection {
    Objects.requireNonNull(namespace, "namespace");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** In {@code namespace} when given, else everywhere. */
  public static ListSelection in(Optional<String> namespace) {
    return new ListSelection(namespace, Map.of());
  }

  /** The same selection with one more field term. */
  public ListSelection with(String field, String value) {
    Map<String, String> more = new LinkedHashMap<>(fields);
    more.put(field, value);
    return new ListSelection(namespace, more);
  }

  /** The {@code fieldSelector} query value, e.g. {@code reason=Failed,involvedObject.kind=Pod}. */
  public Optional<String> fieldSelector() {
    return fields.isEmpty()
        ? Optional.empty()
        : Optional.of(
            fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
  }
}
