package dev.runtimedoctor.bot.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.Objects;

/** A started Bolt app and the parser that turns raw HTTP requests into its requests. */
public record BoltEndpoint(App app, SlackRequestParser parser) {
  public BoltEndpoint {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(parser, "parser");
  }

  /** The endpoint for {@code app}. */
  public static BoltEndpoint of(App app) {
    return new BoltEndpoint(app, new SlackRequestParser(app.config()));
  }
}
