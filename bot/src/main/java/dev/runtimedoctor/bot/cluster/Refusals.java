package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When the API server refused every check (403 Forbidden, 404 Not Found), what to fix said once:
 * each refused resource and the grant it needs, rather than one line per check.
 */
public final class Refusals {
  private Refusals() {}

  /**
   * "the API server answered none of the checks: 403 Forbidden for nodes, pods as user: grant
   * get/list on nodes, list on pods; …"; empty unless every result is {@code unavailable} for a
   * refusal.
   */
  public static Optional<Message> ofAll(List<CheckResult> results) {
    if (results.isEmpty()
        || !results.stream()
            .allMatch(r -> r.verdict() == Verdict.UNAVAILABLE && r.refusal().isPresent())) {
      return Optional.empty();
    }
    List<Refusal> all = results.stream().map(r -> r.refusal().orElseThrow()).toList();
    List<Message> parts = new ArrayList<>();
    List<Refusal> forbidden = all.stream().filter(r -> r.code() == 403).toList();
    if (!forbidden.isEmpty()) {
      String resources = distinct(forbidden.stream().map(Refusals::where).toList());
      String grants = distinct(forbidden.stream().map(Refusal::grant).toList());
      Set<Optional<String>> users =
          forbidden.stream().map(Refusal::user).collect(Collectors.toSet());
      parts.add(
          users.size() == 1 && users.iterator().next().isPresent()
              ? Message.of(Msg.RF_FORBIDDEN_USER, resources, users.iterator().next().get(), grants)
              : Message.of(Msg.RF_FORBIDDEN, resources, grants));
    }
    List<Refusal> missing = all.stream().filter(r -> r.code() == 404).toList();
    if (!missing.isEmpty()) {
      parts.add(
          Message.of(
              Msg.CA_NOT_SERVED, distinct(missing.stream().map(Refusal::resource).toList())));
    }
    return Optional.of(Message.of(Msg.RF_NONE_ANSWERED, parts));
  }

  private static String where(Refusal r) {
    return r.resource() + r.namespace().map(n -> " in namespace " + n).orElse("");
  }

  private static String distinct(List<String> items) {
    return String.join(", ", new LinkedHashSet<>(items));
  }
}
