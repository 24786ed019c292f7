package dev.runtimedoctor.bot.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.runtimedoctor.bot.slack.BotIdentity;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import java.io.IOException;

/**
 * The Slack app as the HTTP side sees it: something to authenticate, start and close, and its
 * metrics to serve. Built elsewhere (the composition root), so that this package adapts Jetty to
 * Bolt and knows nothing of diagnosis or clusters.
 */
public interface SlackBackend extends AutoCloseable {
  /** The counters {@code /metrics} serves. */
  SlackMetrics metrics();

  /** Who the bot is, by {@code auth.test}; fails when the token or the Web API is not right. */
  BotIdentity authenticate() throws SlackCallException;

  /** Builds and starts the Bolt app for {@code self}. */
  App startApp(BotIdentity self);

  /** Connects {@code app} to Slack over Socket Mode. */
  SocketModeApp startSocketMode(App app) throws IOException;

  @Override
  void close();
}
