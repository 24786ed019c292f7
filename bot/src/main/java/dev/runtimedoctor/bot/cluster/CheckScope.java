package dev.runtimedoctor.bot.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * What part of the cluster to look at: {@code --namespace}, {@code --pod}, {@code --node}. Empty
 * means the whole cluster. Node checks honour {@code node}; event and pod checks honour all three.
 */
public record CheckScope(Optional<String> namespace, Optional<String> pod, Optional<String> node) {

  /** The whole cluster. */
  public static final CheckScope CLUSTER =
      new CheckScope(Optional.empty(), Optional.empty(), Optional.empty());

  public CheckScope {
    namespace = blankToEmpty(namespace);
    pod = blankToEmpty(pod);
    node = blankToEmpty(node);
  }

  /** A scope from nullable flag values. */
  public static CheckScope of(String namespace, String pod, String node) {
    return new CheckScope(
        Optional.ofNullable(namespace), Optional.ofNullable(pod), Optional.ofNullable(node));
  }

  /** " in namespace shop, pod web-1" — empty for the whole cluster. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    namespace.ifPresent(
        n -> sb.append(sb.length() == 0 ? "" : ", ").append("namespace ").append(n));
    pod.ifPresent(p -> sb.append(sb.length() == 0 ? "" : ", ").append("pod ").append(p));
    node.ifPresent(n -> sb.append(sb.length() == 0 ? "" : ", ").append("node ").append(n));
    return sb.length() == 0 ? "" : " in " + sb;
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    Objects.requireNonNull(value, "scope value");
    return value.map(String::trim).filter(s -> !s.isEmpty());
  }
}
