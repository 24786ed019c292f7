package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.errors.ErrorReference;
import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import dev.runtimedoctor.knowledge.match.Matcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs entries' cluster checks against one cluster, read-only: the service the command line and the
 * Slack app share. Thread-safe; create one per cluster and close it at shutdown.
 *
 * <p>Every check of a run has a verdict within {@link ClusterSettings#checkTimeout()} of the run's
 * start; a check that fails or times out is {@code unavailable} and never stops the others. Results
 * are handed to a callback as they finish, so a chat message can be updated in place.
 */
public final class ClusterChecks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClusterChecks.class);

  /** Checks waiting for a thread, across runs: a full queue answers "busy" instead of growing. */
  private static final int QUEUE_LIMIT = 1000;

  private final ClusterReader reader;
  private final ClusterSettings settings;
  private final Map<String, ClusterCheck> checks;
  private final ExecutorService executor;

  /** The engine of the last run's entries: runs of the same entries share it. */
  private final AtomicReference<EngineFor> engine = new AtomicReference<>();

  /** A knowledge engine and the entries it was built over. */
  private record EngineFor(List<Entry> entries, Matcher matcher) {}

  /** Checks over {@code reader}, which this service closes. */
  public ClusterChecks(ClusterReader reader, ClusterSettings settings) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.checks =
        Stream.of(
                new NodeVersionCheck(),
                new EventCheck(),
                new NodeConditionCheck(),
                new PodsPerNodeCheck(),
                new WebhooksKubeSystemCheck(),
                new PrivilegedVolumeDevicesCheck(),
                new ExecProbeTimeoutCheck())
            .collect(Collectors.toUnmodifiableMap(ClusterCheck::type, Function.identity()));
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            settings.parallelism(),
            settings.parallelism(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE_LIMIT),
            r -> {
              Thread t = new Thread(r, "cluster-check-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    this.executor = pool;
  }

  /**
   * Connects to the cluster {@code location} names (a kubeconfig, {@code ~/.kube/config}, the pod's
   * service account), with {@code context} when given. Never throws: without a cluster every check
   * is {@code unavailable} with the reason.
   */
  public static ClusterChecks connect(
      ClusterLocation location, Optional<String> context, ClusterSettings settings) {
    ClusterTarget target = ClusterTarget.resolve(location, context);
    return new ClusterChecks(KubeClusterReader.open(target, settings), settings);
  }

  /** The entries among {@code entries} that have cluster checks, in order. */
  public static List<Entry> withChecks(Collection<Entry> entries) {
    return entries.stream().filter(e -> !e.checks().isEmpty()).toList();
  }

  /** The kubeconfig context (or {@code in-cluster}, {@code none}) the checks read. */
  public String context() {
    return reader.context();
  }

  /**
   * What makes {@code scope} name nothing, said once before any check runs: a {@code --node} that
   * the cluster does not have ("node 'x' does not exist, did you mean 'y'?"). Empty when the scope
   * is fine or cannot be read (the checks then say why).
   */
  public Optional<String> scopeProblem(CheckScope scope) {
    if (scope.node().isEmpty()) {
      return Optional.empty();
    }
    try {
      if (reader.getNode(scope.node().get()).isPresent()) {
        return Optional.empty();
      }
      List<String> names = new ArrayList<>();
      reader.listNodes(n -> names.add(n.getMetadata().getName()));
      return Optional.of(ClusterView.missingNode(scope.node().get(), names));
    } catch (ClusterAccessException e) {
      return Optional.empty();
    }
  }

  /** Runs every check of {@code entries} and waits for all verdicts. */
  public List<CheckResult> run(List<Entry> entries, CheckScope scope) {
    return start(entries, scope, r -> {}).join();
  }

  /** As {@link #run(List, CheckScope)}, handing each result to {@code onResult} as it finishes. */
  public List<CheckResult> run(
      List<Entry> entries, CheckScope scope, Consumer<CheckResult> onResult) {
    return start(entries, scope, onResult).join();
  }

  /**
   * Starts every check of {@code entries} and returns at once. {@code onResult} gets each result as
   * it finishes, one call at a time (never concurrently), on a checks thread; the future completes
   * with all results in entry and check order, never exceptionally.
   */
  public CompletableFuture<List<CheckResult>> start(
      List<Entry> entries, CheckScope scope, Consumer<CheckResult> onResult) {
    Objects.requireNonNull(onResult, "onResult");
    // The engine that reads pastes also reads event messages: the run's entries over the bundled
    // ones, so an event is judged against every known issue it could belong to.
    ClusterView view = new ClusterView(reader, scope, () -> matcher(entries));
    Object deliveryLock = new Object();
    List<CompletableFuture<CheckResult>> futures = new ArrayList<>();
    for (Entry entry : entries) {
      for (CheckSpec spec : entry.checks()) {
        CompletableFuture<CheckResult> f;
        try {
          f =
              CompletableFuture.supplyAsync(() -> runOne(entry, spec, view), executor)
                  .completeOnTimeout(
                      null, settings.checkTimeout().toMillis(), TimeUnit.MILLISECONDS)
                  .thenApply(r -> r != null ? r : result(entry, spec, timedOut(view)));
        } catch (RejectedExecutionException e) {
          f =
              CompletableFuture.completedFuture(
                  result(entry, spec, Finding.unavailable(Message.of(Msg.CC_BUSY), List.of())));
        }
        futures.add(
            f.thenApply(
                r -> {
                  deliver(r, onResult, deliveryLock);
                  return r;
                }));
      }
    }
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
  }

  private Matcher matcher(List<Entry> entries) {
    EngineFor last = engine.get();
    if (last != null && last.entries().equals(entries)) {
      return last.matcher();
    }
    Matcher m = new Matcher(KnowledgeIndex.build(KnowledgeBase.bundledWith(entries)));
    engine.set(new EngineFor(List.copyOf(entries), m));
    return m;
  }

  /** A slow list is reported as slow, with how far it got; silence as silence. */
  private Finding timedOut(ClusterView view) {
    Message within =
        Message.of(Msg.CC_NO_VERDICT, ClusterSettings.describe(settings.checkTimeout()));
    return view.inProgress()
        .map(p -> Finding.unavailable(Message.of(Msg.CC_SLOW, within, p), List.of()))
        .orElseGet(() -> Finding.unavailable(Message.of(Msg.CC_SILENT, within), List.of()));
  }

  private CheckResult runOne(Entry entry, CheckSpec spec, ClusterView view) {
    long start = System.nanoTime();
    ClusterCheck check = checks.get(spec.type());
    Finding finding;
    if (check == null) {
      finding =
          Finding.unavailable(Message.of(Msg.CC_NO_CHECK, spec.type(), entry.source()), List.of());
    } else {
      try {
        finding = check.run(entry, spec, view);
      } catch (ClusterAccessException e) {
        // The reader's words: what was refused or unreachable, with the grant or address to fix.
        finding = Finding.unavailable(e, e.detail().map(List::of).orElse(List.of()));
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          // close() stopped a check that had outlived its run: nothing went wrong.
          log.debug("cluster check stopped entry={} check={}", entry.id(), spec.type());
          return result(entry, spec, Finding.unavailable(Message.of(Msg.CC_STOPPED), List.of()));
        }
        String ref = ErrorReference.next();
        log.error("cluster check failed ref={} entry={} check={}", ref, entry.id(), spec.type(), e);
        finding = Finding.unavailable(Message.of(Msg.CC_FAILED, ref), List.of());
      }
    }
    CheckResult r = result(entry, spec, finding);
    log.info(
        "cluster check entry={} check={} verdict={} millis={}",
        r.entry(),
        r.check(),
        r.verdict().code(),
        (System.nanoTime() - start) / 1_000_000);
    return r;
  }

  private static CheckResult result(Entry entry, CheckSpec spec, Finding f) {
    return new CheckResult(
        entry.id(), spec.type(), f.verdict(), f.message(), f.evidence(), f.refusal());
  }

  private static void deliver(CheckResult r, Consumer<CheckResult> onResult, Object lock) {
    synchronized (lock) {
      try {
        onResult.accept(r);
      } catch (RuntimeException e) {
        log.warn("cluster check callback failed entry={} check={}", r.entry(), r.check(), e);
      }
    }
  }

  /** Stops the check threads and closes the cluster connection. */
  @Override
  public void close() {
    executor.shutdownNow();
    reader.close();
  }
}
