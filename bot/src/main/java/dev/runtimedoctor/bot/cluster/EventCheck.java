package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code event}: a recent event whose message carries one of the {@code match} substrings
 * (case-insensitive), with the given {@code reason} when there is one. Events expire after about an
 * hour, so finding none is {@code inconclusive}, never {@code not-affected}.
 */
final class EventCheck implements ClusterCheck {
  /** Message characters kept from each end: runtimes put the cause last, the context first. */
  private static final int HEAD = 100;

  private static final int TAIL = 260;

  @Override
  public String type() {
    return "event";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    List<String> needles =
        spec.list("match").stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    if (needles.isEmpty()) {
      return Finding.unavailable(
          "the entry's event check has no 'match' strings (" + entry.source() + ")", List.of());
    }
    Optional<String> reason = spec.first("reason");
    List<Event> events = view.events();
    List<Event> hits =
        events.stream()
            .filter(e -> reason.isEmpty() || reason.get().equalsIgnoreCase(e.getReason()))
            .filter(e -> carries(e, needles))
            .sorted(Comparator.comparing(EventCheck::lastSeen).reversed())
            .toList();
    String scope = view.scope().describe();
    if (hits.isEmpty()) {
      return Finding.inconclusive(
          "no recent event"
              + scope
              + " carries the error ("
              + events.size()
              + " events read);"
              + " events expire after about an hour, so check again while it happens",
          List.of());
    }
    Event latest = hits.get(0);
    List<String> evidence = new ArrayList<>();
    for (Event e : hits) {
      evidence.add(describe(e));
    }
    return Finding.confirmed(
        (hits.size() == 1
                ? "a recent event" + scope + " carries"
                : hits.size() + " recent events" + scope + " carry")
            + " the error, latest "
            + subject(latest)
            + " ("
            + latest.getReason()
            + ")"
            + host(latest).map(h -> " on node " + h).orElse(""),
        evidence);
  }

  private static boolean carries(Event e, List<String> needles) {
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return needles.stream().anyMatch(message::contains);
  }

  /** "shop/pod/web-1 · FailedCreatePodSandBox ×37 · node n · 2024-…: message". */
  private static String describe(Event e) {
    StringBuilder sb = new StringBuilder(subject(e)).append(" · ").append(e.getReason());
    if (e.getCount() != null && e.getCount() > 1) {
      sb.append(" ×").append(e.getCount());
    }
    host(e).ifPresent(h -> sb.append(" · node ").append(h));
    String seen = lastSeen(e);
    if (!seen.isEmpty()) {
      sb.append(" · ").append(seen);
    }
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    if (message.length() > HEAD + TAIL + 3) {
      message = message.substring(0, HEAD) + " … " + message.substring(message.length() - TAIL);
    }
    return sb.append(": ").append(message).toString();
  }

  private static String subject(Event e) {
    ObjectReference o = e.getInvolvedObject();
    if (o == null) {
      return "?";
    }
    String kind = o.getKind() == null ? "object" : o.getKind().toLowerCase(Locale.ROOT);
    return (o.getNamespace() == null ? "" : o.getNamespace() + "/") + kind + "/" + o.getName();
  }

  private static Optional<String> host(Event e) {
    return Optional.ofNullable(e.getSource())
        .map(s -> s.getHost())
        .or(() -> Optional.ofNullable(e.getReportingInstance()))
        .filter(h -> !h.isBlank());
  }

  /** The last time the event was seen, as the API server wrote it (RFC 3339 sorts as text). */
  private static String lastSeen(Event e) {
    if (e.getLastTimestamp() != null) {
      return e.getLastTimestamp();
    }
    if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
      return e.getEventTime().getTime();
    }
    return e.getMetadata() == null || e.getMetadata().getCreationTimestamp() == null
        ? ""
        : e.getMetadata().getCreationTimestamp();
  }
}
