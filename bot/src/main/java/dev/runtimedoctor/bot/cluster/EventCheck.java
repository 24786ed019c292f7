package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code event}: a recent event with one of the {@code reason}s, about an object of {@code kind}
 * (default {@code Pod}), whose message the knowledge engine recognises as this entry, through one
 * of its signatures, as confidently as it would answer a paste of that line. The engine tells a
 * registry's x509 from a webhook's, or a missing blob from an octet-stream media type, where a
 * substring could not. Events expire after about an hour, so finding none is {@code inconclusive},
 * never {@code not-affected}.
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
    List<String> substrings =
        spec.list("match").stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    if (entry.signatures().isEmpty() && substrings.isEmpty()) {
      return Finding.unavailable(Message.of(Msg.EV_NO_SIGNATURES, entry.source()), List.of());
    }
    List<String> reasons = spec.list("reason");
    String kind = spec.first("kind").orElse("Pod");
    ClusterView.Events events = view.events(reasons, kind);
    List<EventFacts> hits = matching(entry, substrings, events.kept(), view);
    String scope = view.scope().describe();
    if (hits.isEmpty()) {
      return Finding.inconclusive(
          Message.of(Msg.EV_NONE, scope, read(events.read(), reasons, kind)), List.of());
    }
    EventFacts latest = hits.get(0);
    Object onNode = latest.host().isEmpty() ? "" : Message.of(Msg.EV_ON_NODE, latest.host());
    return Finding.confirmed(
        hits.size() == 1
            ? Message.of(Msg.EV_SEEN_ONE, scope, latest.subject(), latest.reason(), onNode)
            : Message.of(
                Msg.EV_SEEN_MANY, hits.size(), scope, latest.subject(), latest.reason(), onNode),
        hits.stream().map(EventCheck::describe).toList());
  }

  /**
   * The events the engine recognises as {@code entry}, latest first. The entry's {@code match}
   * substrings (lower case) narrow them further; for an entry without signatures they are the only
   * test, so a team's entry can still name what its events say.
   */
  static List<EventFacts> matching(
      Entry entry, List<String> substrings, List<EventFacts> events, ClusterView view) {
    List<EventFacts> hits = new ArrayList<>();
    for (EventFacts e : events) {
      if (e.message().isEmpty()) {
        continue;
      }
      String message = e.message().toLowerCase(Locale.ROOT);
      boolean named = substrings.isEmpty() || substrings.stream().anyMatch(message::contains);
      boolean recognised =
          entry.signatures().isEmpty() || view.recognised(e.message()).contains(entry.id());
      if (named && recognised) {
        hits.add(e);
      }
    }
    hits.sort(Comparator.comparing(EventFacts::lastSeen).reversed());
    return hits;
  }

  /** "12 Failed events about Pod objects read". */
  static Message read(long n, List<String> reasons, String kind) {
    return Message.of(
        n == 1 ? Msg.EV_READ_ONE : Msg.EV_READ_MANY,
        n,
        reasons.isEmpty() ? "" : String.join("/", reasons) + " ",
        kind);
  }

  /** "shop/pod/web-1 · FailedCreatePodSandBox ×37 · node n · 2024-…: message". */
  static String describe(EventFacts e) {
    StringBuilder sb = new StringBuilder(e.subject()).append(" · ").append(e.reason());
    if (e.count() > 1) {
      sb.append(" ×").append(e.count());
    }
    if (!e.host().isEmpty()) {
      sb.append(" · node ").append(e.host());
    }
    if (!e.lastSeen().isEmpty()) {
      sb.append(" · ").append(e.lastSeen());
    }
    String message = e.message();
    if (message.length() > HEAD + TAIL + 3) {
      message = message.substring(0, HEAD) + " … " + message.substring(message.length() - TAIL);
    }
    return sb.append(": ").append(message).toString();
  }
}
