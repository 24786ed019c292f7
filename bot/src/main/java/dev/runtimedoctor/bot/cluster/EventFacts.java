package dev.runtimedoctor.bot.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Locale;

/**
 * The little the checks need of an event, kept instead of the event.
 *
 * @param kind the involved object's kind, e.g. {@code Pod}, {@code DaemonSet}
 * @param host the node whose kubelet reported it ({@code source.host} or {@code
 *     reportingInstance}); empty when another component did
 * @param message the message, cut to {@link #MAX_MESSAGE} characters
 * @param lastSeen the last time it was seen, RFC 3339 as the API server wrote it (sorts as text)
 */
record EventFacts(
    String namespace,
    String kind,
    String name,
    String reason,
    String message,
    int count,
    String host,
    String lastSeen) {

  /** Long enough for any runtime error the entries know; a 1 MB message is not kept whole. */
  static final int MAX_MESSAGE = 4096;

  static EventFacts of(Event e) {
    ObjectReference o = e.getInvolvedObject();
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE);
    }
    String host =
        e.getSource() != null && e.getSource().getHost() != null
            ? e.getSource().getHost()
            : e.getReportingInstance() == null ? "" : e.getReportingInstance();
    return new EventFacts(
        o == null || o.getNamespace() == null ? "" : o.getNamespace(),
        o == null || o.getKind() == null ? "" : o.getKind(),
        o == null || o.getName() == null ? "?" : o.getName(),
        e.getReason() == null ? "" : e.getReason(),
        message,
        e.getCount() == null ? 1 : e.getCount(),
        host.isBlank() ? "" : host,
        lastSeen(e));
  }

  /** "shop/pod/web-1". */
  String subject() {
    String k = kind.isEmpty() ? "object" : kind.toLowerCase(Locale.ROOT);
    return (namespace.isEmpty() ? "" : namespace + "/") + k + "/" + name;
  }

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
