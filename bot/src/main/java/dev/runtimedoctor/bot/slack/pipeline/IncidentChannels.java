package dev.runtimedoctor.bot.slack.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which channels are incident channels ({@code INCIDENT_CHANNEL_PATTERN} found in their name), and
 * joining them: a public channel created with a matching name is joined at once; a channel the bot
 * is invited to is one already. Message events carry no channel name, so names are looked up with
 * {@code conversations.info} once and cached; a lookup that fails treats the channel as ordinary
 * (an answer in a thread is the safe side) and is tried again next time.
 */
public final class IncidentChannels {
  private static final Logger log = LoggerFactory.getLogger(IncidentChannels.class);

  private final Optional<Pattern> pattern;
  private final SlackGateway gateway;
  private final Cache<String, String> names;

  public IncidentChannels(
      Optional<Pattern> pattern, SlackGateway gateway, Cache<String, String> names) {
    this.pattern = pattern;
    this.gateway = gateway;
    this.names = names;
  }

  /** Whether messages in {@code channel} (of Slack's {@code channelType}) go to its digest. */
  boolean isIncident(String channel, String channelType) {
    if (pattern.isEmpty()
        || "im".equals(channelType)
        || "mpim".equals(channelType)
        || channel.startsWith("D")) {
      return false;
    }
    return name(channel).map(this::matches).orElse(false);
  }

  /** {@code channel_created}: joins the channel when its name matches. */
  public void created(String channel, String name) {
    if (pattern.isEmpty() || name == null) {
      return;
    }
    names.put(channel, name);
    if (!matches(name)) {
      return;
    }
    try {
      gateway.joinChannel(channel);
      log.info("joined incident channel channel={}", channel);
    } catch (SlackCallException e) {
      log.warn("incident channel not joined channel={} error={}", channel, e.error());
    }
  }

  /** The bot was added to {@code channel}: learn its name now rather than at the first paste. */
  public void joined(String channel) {
    if (pattern.isEmpty()) {
      return;
    }
    Optional<String> name = name(channel);
    log.info(
        "added to channel channel={} incident={}", channel, name.map(this::matches).orElse(false));
  }

  private Optional<String> name(String channel) {
    Optional<String> cached = Optional.ofNullable(names.getIfPresent(channel));
    if (cached.isPresent()) {
      return cached;
    }
    try {
      Optional<String> name = gateway.channelName(channel);
      name.ifPresent(n -> names.put(channel, n));
      return name;
    } catch (SlackCallException e) {
      log.warn("channel name unavailable channel={} error={}", channel, e.error());
      return Optional.empty();
    }
  }

  private boolean matches(String name) {
    return pattern.map(p -> p.matcher(name).find()).orElse(false);
  }
}
