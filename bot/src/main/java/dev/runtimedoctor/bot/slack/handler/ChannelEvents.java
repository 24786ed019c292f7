package dev.runtimedoctor.bot.slack.handler;

import com.slack.api.bolt.App;
import com.slack.api.model.event.ChannelCreatedEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import dev.runtimedoctor.bot.slack.BotIdentity;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.pipeline.IncidentChannels;
import dev.runtimedoctor.bot.slack.state.RecentKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code channel_created} and {@code member_joined_channel}: how the bot finds incident channels —
 * it joins public ones created with a matching name, and learns the name of any channel it is added
 * to. Acknowledged at once; the Web API calls happen on a worker.
 */
public final class ChannelEvents {
  private static final Logger log = LoggerFactory.getLogger(ChannelEvents.class);

  private final BotIdentity self;
  private final IncidentChannels incidents;
  private final RecentKeys seenEvents;
  private final Workers workers;
  private final SlackMetrics metrics;

  public ChannelEvents(
      BotIdentity self,
      IncidentChannels incidents,
      RecentKeys seenEvents,
      Workers workers,
      SlackMetrics metrics) {
    this.self = self;
    this.incidents = incidents;
    this.seenEvents = seenEvents;
    this.workers = workers;
    this.metrics = metrics;
  }

  public void register(App app) {
    app.event(
        ChannelCreatedEvent.class,
        (p, ctx) -> {
          long start = System.nanoTime();
          metrics.request("event");
          ChannelCreatedEvent.Channel c = p.getEvent().getChannel();
          if (c != null && seenEvents.firstTime("event:" + p.getEventId())) {
            log.info("channel created channel={}", c.getId());
            if (!workers.submit(
                "channel_created", () -> incidents.created(c.getId(), c.getName()))) {
              // Not done, so not remembered: Slack's retry may find a free worker.
              seenEvents.forget("event:" + p.getEventId());
              throw new Workers.Busy();
            }
          }
          metrics.acked(start);
          return ctx.ack();
        });
    app.event(
        MemberJoinedChannelEvent.class,
        (p, ctx) -> {
          long start = System.nanoTime();
          metrics.request("event");
          MemberJoinedChannelEvent e = p.getEvent();
          // Others joining a channel the bot is in are not its business.
          if (self.userId().equals(e.getUser())
              && seenEvents.firstTime("event:" + p.getEventId())) {
            if (!workers.submit("member_joined_channel", () -> incidents.joined(e.getChannel()))) {
              seenEvents.forget("event:" + p.getEventId());
              throw new Workers.Busy();
            }
          }
          metrics.acked(start);
          return ctx.ack();
        });
  }
}
