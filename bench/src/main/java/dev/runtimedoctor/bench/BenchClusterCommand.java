package dev.runtimedoctor.bench;

import dev.runtimedoctor.bot.cluster.CheckResult;
import dev.runtimedoctor.bot.cluster.CheckScope;
import dev.runtimedoctor.bot.cluster.ClusterChecks;
import dev.runtimedoctor.bot.cluster.ClusterLocation;
import dev.runtimedoctor.bot.cluster.ClusterSettings;
import dev.runtimedoctor.bot.cluster.Verdict;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-cluster}: every cluster check of the bundled entries against a fake API server on
 * loopback that serves a large GKE cluster page by page (5,000 nodes and 150,000 pods by default),
 * with the Deployment's time bounds; prints the run's time, what was read, the verdicts, and the
 * heap: the most used at any sample and the most still live after a collection.
 */
@Command(
    name = "bench-cluster",
    description =
        "Scale benchmark: all cluster checks on a fake 5,000-node, 150,000-pod API server on"
            + " loopback; run it with the Deployment's heap, e.g. java -Xmx333m -jar ….")
public final class BenchClusterCommand implements Callable<Integer> {
  private final PrintWriter out;

  @Option(names = "--nodes", description = "Nodes of the fake cluster (default 5000).")
  int nodes = 5000;

  @Option(names = "--pods-per-node", description = "Pods on each node (default 30).")
  int podsPerNode = 30;

  @Option(names = "--events", description = "Events of the fake cluster (default 50000).")
  int events = 50_000;

  /** Reports to {@code out}. */
  public BenchClusterCommand(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    Runtime rt = Runtime.getRuntime();
    out.printf(
        "runtime-doctor bench-cluster: %d cores, java %s, max heap %d MiB%n",
        rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20);
    List<Entry> entries = ClusterChecks.withChecks(KnowledgeBase.bundledWith(List.of()).entries());
    Path dir = Files.createTempDirectory("bench-cluster");
    try (FakeKubeApi api = FakeKubeApi.start(nodes, podsPerNode, events);
        HeapSampler heap = new HeapSampler()) {
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, kubeconfig(api.url()), StandardCharsets.UTF_8);
      out.printf(
          "fake API server %s: %,d nodes, %,d pods, %,d events%n",
          api.url(), nodes, nodes * podsPerNode, events);
      out.flush();
      System.gc();
      heap.start();
      long start = System.nanoTime();
      List<CheckResult> results;
      try (ClusterChecks checks =
          ClusterChecks.connect(
              ClusterLocation.kubeconfig(kubeconfig), Optional.empty(), ClusterSettings.DEFAULT)) {
        results = checks.run(entries, CheckScope.CLUSTER);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      heap.stop();
      Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
      results.forEach(r -> verdicts.merge(r.verdict(), 1L, Long::sum));
      out.printf(
          "all %d checks of %d entries: %,d ms (run time bound %s)%n",
          results.size(),
          entries.size(),
          millis,
          ClusterSettings.DEFAULT.checkTimeout().toSeconds() + " s");
      out.printf(
          "read: %,d requests, %,d MiB of JSON%n", api.requestsServed(), api.bytesServed() >> 20);
      out.println(
          "verdicts: "
              + verdicts.entrySet().stream()
                  .map(e -> e.getKey().code() + " " + e.getValue())
                  .collect(Collectors.joining(", ")));
      out.printf(
          "heap: peak used %d MiB, peak live after GC %d MiB, of max %d MiB%n",
          heap.peakUsed() >> 20, heap.peakLive() >> 20, rt.maxMemory() >> 20);
      for (CheckResult r : results) {
        if (r.verdict() == Verdict.UNAVAILABLE || r.verdict() == Verdict.CONFIRMED) {
          out.println(
              "  " + r.verdict().code() + " " + r.entry() + " " + r.check() + ": " + r.summary());
        }
      }
      return 0;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static String kubeconfig(String server) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters: [{name: bench, cluster: {server: '" + server + "'}}]",
        "contexts: [{name: bench, context: {cluster: bench, user: bench}}]",
        "current-context: bench",
        "users: [{name: bench, user: {token: bench}}]",
        "");
  }

  /**
   * Samples the heap every 20 ms: the most used at once, and the most still in use after the last
   * collection of each pool (what a run keeps alive, garbage aside).
   */
  private static final class HeapSampler implements AutoCloseable {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    void start() {
      List<MemoryPoolMXBean> pools =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .toList();
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      running = true;
      thread =
          new Thread(
              () -> {
                while (running) {
                  sample(pools);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "bench-heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private void sample(List<MemoryPoolMXBean> pools) {
      long used = 0;
      long live = 0;
      for (MemoryPoolMXBean p : pools) {
        used += p.getUsage().getUsed();
        if (p.getCollectionUsage() != null) {
          live += p.getCollectionUsage().getUsed();
        }
      }
      peakUsed.accumulateAndGet(used, Math::max);
      peakLive.accumulateAndGet(live, Math::max);
    }

    void stop() throws InterruptedException {
      running = false;
      if (thread != null) {
        thread.join();
      }
    }

    long peakUsed() {
      return peakUsed.get();
    }

    long peakLive() {
      return peakLive.get();
    }

    @Override
    public void close() {
      running = false;
    }
  }
}
