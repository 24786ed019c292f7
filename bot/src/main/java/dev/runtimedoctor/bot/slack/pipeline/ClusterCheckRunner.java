package dev.runtimedoctor.bot.slack.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.cluster.CheckResult;
import dev.runtimedoctor.bot.cluster.CheckScope;
import dev.runtimedoctor.bot.cluster.ClusterAccess;
import dev.runtimedoctor.bot.cluster.ClusterChecks;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.ResponseMode;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.render.Blocks;
import dev.runtimedoctor.bot.slack.render.CheckRenderer;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cluster checks asked for in Slack — the "Run cluster checks" button, {@code /troubleshoot
 * check} — for those {@link CheckPermissions} allows, and shows them as they finish: a message
 * posted when the run starts and updated in place, at most once per {@code updateEvery} and once at
 * the end. Slack I/O happens on the calling worker, never on the checks' threads.
 */
public final class ClusterCheckRunner {
  private static final Logger log = LoggerFactory.getLogger(ClusterCheckRunner.class);

  /** Posts a {@code response_url} takes (Slack allows five within 30 minutes). */
  private static final int RESPONSE_URL_POSTS = 5;

  private static final long POLL_MILLIS = 50;

  private final ClusterAccess access;
  private final CheckPermissions permissions;
  private final CheckRenderer renderer;
  private final SlackMetrics metrics;
  private final Duration updateEvery;

  public ClusterCheckRunner(
      ClusterAccess access,
      CheckPermissions permissions,
      CheckRenderer renderer,
      SlackMetrics metrics,
      Duration updateEvery) {
    this.access = access;
    this.permissions = permissions;
    this.renderer = renderer;
    this.metrics = metrics;
    this.updateEvery = updateEvery;
  }

  /** Where a run's message goes: shown once, then replaced by each later call. */
  public interface Progress {
    /**
     * @param last the final state; intermediate ones may be skipped
     */
    void show(SlackMessage m, boolean last) throws SlackCallException;
  }

  /** Whether {@code user} may run checks from {@code channel}. */
  public boolean allowed(String user, String channel) {
    return permissions.allows(user, channel);
  }

  /** Counts a refusal and returns the polite message for it, naming who may run checks. */
  public SlackMessage refuse(Language l) {
    metrics.clusterChecks("refused");
    String text = new Texts(l).checksRefused(permissions.users(), permissions.channels());
    return new Blocks().section(text).build(text, "…");
  }

  /**
   * Runs the checks of {@code entries}, showing them through {@code progress}; returns when done.
   */
  public void run(List<Entry> entries, Language l, Progress progress) {
    try {
      ClusterAccess.Connection c = access.get();
      if (c instanceof ClusterAccess.Unavailable u) {
        metrics.clusterChecks("unavailable");
        progress.show(renderer.unavailable(u.said().in(l), l), true);
        return;
      }
      ClusterChecks checks = ((ClusterAccess.Ready) c).checks();
      metrics.clusterChecks("run");
      String context = checks.context();
      progress.show(renderer.results(context, entries, List.of(), l, false), false);
      BlockingQueue<CheckResult> arrived = new LinkedBlockingQueue<>();
      CompletableFuture<List<CheckResult>> all =
          checks.start(entries, CheckScope.CLUSTER, arrived::add);
      List<CheckResult> done = new ArrayList<>();
      long shown = System.nanoTime();
      while (!all.isDone()) {
        CheckResult r = arrived.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (r != null) {
          done.add(r);
          if (System.nanoTime() - shown >= updateEvery.toNanos()) {
            progress.show(renderer.results(context, entries, done, l, false), false);
            shown = System.nanoTime();
          }
        }
      }
      // The engine completes every run within its time bound, never exceptionally.
      progress.show(renderer.results(context, entries, all.join(), l, true), true);
      log.info("cluster checks shown context={} checks={}", context, all.join().size());
    } catch (SlackCallException e) {
      log.error("cluster checks not shown error={}", e.error());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Progress as a message in a channel's thread, posted then updated with {@code chat.update}. */
  public static final class InThread implements Progress {
    private final SlackGateway gateway;
    private final String channel;
    private final String threadTs;
    private String ts;

    public InThread(SlackGateway gateway, String channel, String threadTs) {
      this.gateway = gateway;
      this.channel = channel;
      this.threadTs = threadTs;
    }

    @Override
    public void show(SlackMessage m, boolean last) throws SlackCallException {
      if (ts == null) {
        ts = gateway.postMessage(channel, Optional.of(threadTs), m);
      } else {
        gateway.updateMessage(channel, ts, m);
      }
    }
  }

  /**
   * Progress through a {@code response_url}, within its five posts: the first replaces the original
   * message or not, the later ones replace the first; {@code wrap} turns the results into the
   * message posted.
   */
  public static final class ViaResponseUrl implements Progress {
    private final SlackGateway gateway;
    private final String url;
    private final UnaryOperator<SlackMessage> wrap;
    private final boolean replaceFirst;
    private int posts;

    public ViaResponseUrl(
        SlackGateway gateway, String url, UnaryOperator<SlackMessage> wrap, boolean replaceFirst) {
      this.gateway = gateway;
      this.url = url;
      this.wrap = wrap;
      this.replaceFirst = replaceFirst;
    }

    @Override
    public void show(SlackMessage m, boolean last) throws SlackCallException {
      // Keep the last post for the final state.
      if (!last && posts >= RESPONSE_URL_POSTS - 1) {
        return;
      }
      boolean replace = posts > 0 || replaceFirst;
      posts++;
      gateway.respond(url, wrap.apply(m), ResponseMode.ephemeral(replace));
    }
  }

  /**
   * {@code results} under {@code answer}, keeping the answer's buttons last; the results alone when
   * both do not fit in one message.
   */
  public static SlackMessage under(SlackMessage answer, SlackMessage results) {
    JsonArray blocks = answer.blocks();
    JsonElement actions = null;
    if (!blocks.isEmpty()
        && "actions"
            .equals(blocks.get(blocks.size() - 1).getAsJsonObject().get("type").getAsString())) {
      actions = blocks.remove(blocks.size() - 1);
    }
    JsonArray more = results.blocks();
    if (blocks.size() + more.size() + 2 > Blocks.MAX_BLOCKS) {
      return results;
    }
    JsonArray all = new JsonArray();
    blocks.forEach(all::add);
    all.add(divider());
    more.forEach(all::add);
    if (actions != null) {
      all.add(actions);
    }
    return new SlackMessage(results.text(), all);
  }

  private static JsonElement divider() {
    JsonObject d = new JsonObject();
    d.addProperty("type", "divider");
    return d;
  }
}
