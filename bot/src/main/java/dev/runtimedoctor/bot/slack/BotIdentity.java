package dev.runtimedoctor.bot.slack;

import com.slack.api.model.Message;
import java.util.Objects;

/**
 * Who the bot is in its workspace, from {@code auth.test} at boot: how it recognises itself.
 *
 * @param url the workspace's address ({@code https://acme.slack.com/}), empty when unknown
 */
public record BotIdentity(String userId, String botId, String teamId, String url) {
  /** Slackbot's user id: its messages are never pastes. */
  public static final String SLACKBOT = "USLACKBOT";

  public BotIdentity {
    Objects.requireNonNull(userId, "userId");
    botId = botId == null ? "" : botId;
    teamId = teamId == null ? "" : teamId;
    url = url == null ? "" : url;
  }

  /** Whether the Web API message {@code m} was posted by this bot. */
  public boolean posted(Message m) {
    return (!botId.isEmpty() && botId.equals(m.getBotId())) || userId.equals(m.getUser());
  }
}
