package dev.runtimedoctor.bot.slack;

import java.util.Objects;

/** Who the bot is in its workspace, from {@code auth.test} at boot: how it recognises itself. */
public record BotIdentity(String userId, String botId, String teamId) {
  public BotIdentity {
    Objects.requireNonNull(userId, "userId");
    botId = botId == null ? "" : botId;
    teamId = teamId == null ? "" : teamId;
  }
}
