package dev.runtimedoctor.bot.slack.pipeline;

import java.util.Optional;
import java.util.Set;

/**
 * Who may run cluster checks from Slack: the users of {@code CHECKS_ALLOWED_USERS}, and anyone in
 * the channels of {@code CHECKS_ALLOWED_CHANNELS}. Nobody when both are empty.
 */
public record CheckPermissions(Set<String> users, Set<String> channels) {
  public CheckPermissions {
    users = Set.copyOf(users);
    channels = Set.copyOf(channels);
  }

  /** Whether {@code user} may run checks from {@code channel}. */
  public boolean allows(String user, String channel) {
    return users.contains(user) || channels.contains(channel);
  }

  /**
   * Whether an answer in {@code channel} offers the "Run cluster checks" button: to a known viewer
   * only when they may run them; to everyone in a channel when someone there may.
   *
   * @param viewer the one person who sees the answer (an ephemeral one), if only one does
   */
  boolean offer(Optional<String> viewer, String channel) {
    return viewer
        .map(u -> allows(u, channel))
        .orElse(channels.contains(channel) || !users.isEmpty());
  }
}
