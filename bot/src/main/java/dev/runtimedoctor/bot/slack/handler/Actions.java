package dev.runtimedoctor.bot.slack.handler;

import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How every button and menu of the bot is handled: acknowledged at once, acted on by a worker. */
public final class Actions {
  private static final Logger log = LoggerFactory.getLogger(Actions.class);

  private Actions() {}

  /** A handler that hands the press to {@code work} on a worker. */
  public static BlockActionHandler async(
      String name, Workers workers, SlackMetrics metrics, Consumer<ButtonPress> work) {
    return (req, ctx) -> {
      long start = System.nanoTime();
      metrics.request("action");
      ButtonPress press = ButtonPress.of(req.getPayload());
      log.info(
          "action {} user={} channel={} ephemeral={}",
          name,
          press.user(),
          press.channel(),
          press.ephemeral());
      if (!workers.submit(name, () -> work.accept(press))) {
        log.warn("action dropped, workers busy action={}", name);
      }
      metrics.acked(start);
      return ctx.ack();
    };
  }
}
