package dev.runtimedoctor.bot.slack.handler;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageMeEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.pipeline.IncomingMessage;
import dev.runtimedoctor.bot.slack.pipeline.PasteReader;
import dev.runtimedoctor.bot.slack.pipeline.ThreadAnswerer;
import dev.runtimedoctor.bot.slack.state.RecentKeys;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message and mention events, registered by type and subtype so each is read the way it is
 * shaped, and every one acknowledged at once: Bolt answers an event no listener takes with 404,
 * which makes Slack retry it (and in Socket Mode leaves it unacknowledged). Retries and double
 * deliveries are recognised by {@code event_id} before any work is queued.
 */
public final class MessageEvents {
  private static final Logger log = LoggerFactory.getLogger(MessageEvents.class);

  private final ThreadAnswerer answerer;
  private final RecentKeys seenEvents;
  private final Workers workers;
  private final SlackMetrics metrics;

  public MessageEvents(
      ThreadAnswerer answerer, RecentKeys seenEvents, Workers workers, SlackMetrics metrics) {
    this.answerer = answerer;
    this.seenEvents = seenEvents;
    this.workers = workers;
    this.metrics = metrics;
  }

  /** Registers the listeners on {@code app}. */
  public void register(App app) {
    app.event(MessageEvent.class, (p, ctx) -> handle(p, ctx, plain(p), answerer::onMessage));
    app.event(
        MessageFileShareEvent.class, (p, ctx) -> handle(p, ctx, fileShare(p), answerer::onMessage));
    app.event(
        MessageThreadBroadcastEvent.class,
        (p, ctx) -> handle(p, ctx, broadcast(p), answerer::onMessage));
    app.event(MessageChangedEvent.class, (p, ctx) -> handle(p, ctx, changed(p), answerer::onEdit));
    app.event(MessageMeEvent.class, (p, ctx) -> handle(p, ctx, me(p), answerer::onMessage));
    app.event(MessageBotEvent.class, (p, ctx) -> ignore(p, ctx));
    app.event(AppMentionEvent.class, (p, ctx) -> handle(p, ctx, mention(p), answerer::onMention));
  }

  private interface Action {
    void run(IncomingMessage m, long startNanos);
  }

  private Response handle(
      EventsApiPayload<?> payload, EventContext ctx, IncomingMessage m, Action action) {
    long start = System.nanoTime();
    metrics.request("event");
    String type = payload.getEvent().getType();
    if (!seenEvents.firstTime("event:" + m.eventId())) {
      metrics.dropped("duplicate");
      log.info("event duplicate id={} retry={}", m.eventId(), ctx.getRetryNum());
    } else if (!answerer.fromPerson(m)) {
      metrics.dropped("bot");
    } else {
      log.info(
          "event id={} type={} subtype={} channel={} user={} chars={} retry={}",
          m.eventId(),
          type,
          m.subtype().orElse("-"),
          m.channel(),
          m.user(),
          m.text().length(),
          ctx.getRetryNum());
      if (!workers.submit("event", () -> action.run(m, start))) {
        // Not done, so not remembered: Slack's retry of this event may find a free worker.
        seenEvents.forget("event:" + m.eventId());
        throw new Workers.Busy();
      }
    }
    metrics.acked(start);
    return ctx.ack();
  }

  private Response ignore(EventsApiPayload<?> payload, EventContext ctx) {
    metrics.request("event");
    metrics.dropped("bot");
    return ctx.ack();
  }

  private static IncomingMessage plain(EventsApiPayload<MessageEvent> p) {
    MessageEvent e = p.getEvent();
    return new IncomingMessage(
        p.getEventId(),
        e.getChannel(),
        e.getChannelType(),
        e.getUser(),
        Optional.ofNullable(e.getBotId()),
        Optional.empty(),
        e.getText(),
        e.getTs(),
        Optional.ofNullable(e.getThreadTs()),
        PasteReader.files(e.getFiles()),
        Optional.empty());
  }

  private static IncomingMessage fileShare(EventsApiPayload<MessageFileShareEvent> p) {
    MessageFileShareEvent e = p.getEvent();
    return new IncomingMessage(
        p.getEventId(),
        e.getChannel(),
        e.getChannelType(),
        e.getUser(),
        Optional.empty(),
        Optional.of(MessageFileShareEvent.SUBTYPE_NAME),
        e.getText(),
        e.getTs(),
        Optional.ofNullable(e.getThreadTs()),
        PasteReader.files(e.getFiles()),
        Optional.empty());
  }

  /** {@code /me …}: a person's message in the third person, read like any other. */
  private static IncomingMessage me(EventsApiPayload<MessageMeEvent> p) {
    MessageMeEvent e = p.getEvent();
    return new IncomingMessage(
        p.getEventId(),
        e.getChannel(),
        e.getChannelType(),
        e.getUser(),
        Optional.ofNullable(e.getBotId()),
        Optional.of(MessageMeEvent.SUBTYPE_NAME),
        e.getText(),
        e.getTs(),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  private static IncomingMessage broadcast(EventsApiPayload<MessageThreadBroadcastEvent> p) {
    MessageThreadBroadcastEvent e = p.getEvent();
    return new IncomingMessage(
        p.getEventId(),
        e.getChannel(),
        e.getChannelType(),
        e.getUser(),
        Optional.empty(),
        Optional.of(MessageThreadBroadcastEvent.SUBTYPE_NAME),
        e.getText(),
        e.getTs(),
        Optional.ofNullable(e.getThreadTs()),
        List.of(),
        Optional.empty());
  }

  private static IncomingMessage changed(EventsApiPayload<MessageChangedEvent> p) {
    MessageChangedEvent e = p.getEvent();
    MessageChangedEvent.Message m = e.getMessage();
    Optional<String> previous =
        Optional.ofNullable(e.getPreviousMessage())
            .map(MessageChangedEvent.PreviousMessage::getMessage)
            .map(MessageChangedEvent.Message::getText);
    if (m == null) {
      return new IncomingMessage(
          p.getEventId(),
          e.getChannel(),
          e.getChannelType(),
          "",
          Optional.empty(),
          Optional.of(MessageChangedEvent.SUBTYPE_NAME),
          "",
          e.getTs(),
          Optional.empty(),
          List.of(),
          previous);
    }
    return new IncomingMessage(
        p.getEventId(),
        e.getChannel(),
        e.getChannelType(),
        m.getUser(),
        Optional.ofNullable(m.getBotId()),
        Optional.ofNullable(m.getSubtype()),
        m.getText(),
        m.getTs(),
        Optional.ofNullable(m.getThreadTs()),
        PasteReader.files(m.getFiles()),
        previous);
  }

  private static IncomingMessage mention(EventsApiPayload<AppMentionEvent> p) {
    AppMentionEvent e = p.getEvent();
    return new IncomingMessage(
        p.getEventId(),
        e.getChannel(),
        "",
        e.getUser(),
        Optional.ofNullable(e.getBotId()),
        Optional.ofNullable(e.getSubtype()),
        e.getText(),
        e.getTs(),
        Optional.ofNullable(e.getThreadTs()),
        PasteReader.files(e.getFiles()),
        Optional.empty());
  }
}
