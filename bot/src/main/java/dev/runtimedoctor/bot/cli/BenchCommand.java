package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.eval.SyntheticKnowledge;
import dev.runtimedoctor.knowledge.eval.SyntheticLogs;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import dev.runtimedoctor.knowledge.match.Matcher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: diagnosis latency (p50/p99) for one-line pastes, 60-line pastes and a 1 MB log,
 * index build time, and the same on a synthetic 10,000-entry knowledge base. Measures after a
 * warm-up in this JVM; prints what the machine is.
 */
@Command(name = "bench", description = "Measure diagnosis latency and index build time.")
final class BenchCommand implements Callable<Integer> {
  private static final long WARMUP_NANOS = 3_000_000_000L;

  private final CliContext ctx;

  @Option(
      names = "--entries",
      description = "Size of the synthetic knowledge base (default 10000).")
  int syntheticEntries = 10_000;

  @Option(names = "--quick", description = "Fewer iterations (a smoke run, not figures to quote).")
  boolean quick;

  BenchCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    PrintWriter out = ctx.out();
    int scale = quick ? 10 : 1;
    out.printf(
        Locale.ROOT,
        "runtime-doctor bench: %d cores, java %s, max heap %d MiB%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    List<Entry> bundled = EntryLoader.bundled();
    long t0 = System.nanoTime();
    KnowledgeIndex index = KnowledgeIndex.build(new KnowledgeBase(bundled));
    out.printf(
        Locale.ROOT,
        "index build, %d entries: %.1f ms (cold)%n",
        bundled.size(),
        (System.nanoTime() - t0) / 1e6);
    t0 = System.nanoTime();
    index = KnowledgeIndex.build(new KnowledgeBase(bundled));
    out.printf(
        Locale.ROOT,
        "index build, %d entries: %.1f ms (warm)%n",
        bundled.size(),
        (System.nanoTime() - t0) / 1e6);
    Workload w = new Workload(bundled, 42);
    Matcher matcher = new Matcher(index);
    run(out, "bundled", matcher, w, scale);
    badInput(out, matcher);

    List<Entry> big = SyntheticKnowledge.generate(bundled, syntheticEntries, 7);
    t0 = System.nanoTime();
    KnowledgeIndex bigIndex = KnowledgeIndex.build(new KnowledgeBase(big));
    out.printf(
        Locale.ROOT,
        "index build, %d entries: %.1f ms (cold)%n",
        big.size(),
        (System.nanoTime() - t0) / 1e6);
    t0 = System.nanoTime();
    bigIndex = KnowledgeIndex.build(new KnowledgeBase(big));
    out.printf(
        Locale.ROOT,
        "index build, %d entries: %.1f ms (warm)%n",
        big.size(),
        (System.nanoTime() - t0) / 1e6);
    run(out, big.size() + " entries", new Matcher(bigIndex), w, scale);
    out.flush();
    return 0;
  }

  private record Workload(List<String> oneLine, List<String> sixtyLines, List<String> megabyte) {
    Workload(List<Entry> entries, long seed) {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      SyntheticLogs logs = new SyntheticLogs(seed);
      for (Entry e : entries) {
        for (String s : e.signatures()) {
          String line = logs.instantiate(s);
          oneLine.add(line);
          sixtyLines.add(logs.buried(line, 59));
        }
      }
      for (int i = 0; i < 4; i++) {
        String noise = logs.noiseOfSize(512 * 1024);
        megabyte.add(
            noise + oneLine.get(i * 7 % oneLine.size()) + "\n" + logs.noiseOfSize(512 * 1024));
      }
    }
  }

  /** Each hostile input once, timed: the bound DESIGN §8 sets is a second. */
  private static void badInput(PrintWriter out, Matcher matcher) {
    StringBuilder tenMb = new StringBuilder();
    SyntheticLogs logs = new SyntheticLogs(3);
    tenMb.append(logs.noiseOfSize(10 * 1024 * 1024));
    StringBuilder oneLine = new StringBuilder();
    while (oneLine.length() < 1024 * 1024) {
      oneLine.append("abcdefghij klmnopqrst uvwxyz0123 ");
    }
    StringBuilder distinct = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      distinct.append("term").append(Integer.toString(i, 36)).append("x ");
    }
    String[][] cases = {
      {"empty", ""},
      {"10 MB log", tenMb.toString()},
      {"one 1 MB line", oneLine.toString()},
      {"Lucene query syntax", "AND OR (( \"* ~ \\ [ { title:x^3 }"},
      {"5,000 distinct terms", distinct.toString()},
      {"control characters", "\u0007\u0008cni\u001b[31m config\u0000 uninitialized"},
      {"right-to-left text", "\u202Eخطأ في الشبكة\u202C failed to allocate for range 0 שגיאה"},
    };
    for (String[] c : cases) {
      matcher.diagnose(c[1]);
      long t = System.nanoTime();
      matcher.diagnose(c[1]);
      out.printf(Locale.ROOT, "bad input: %-23s %9.1f ms%n", c[0], (System.nanoTime() - t) / 1e6);
    }
    out.flush();
  }

  private static void run(PrintWriter out, String label, Matcher matcher, Workload w, int scale) {
    measure(out, label + ": one-line paste", matcher, w.oneLine(), 3000 / scale, 5000 / scale);
    measure(out, label + ": 60-line paste", matcher, w.sixtyLines(), 1000 / scale, 2000 / scale);
    measure(out, label + ": 1 MB log", matcher, w.megabyte(), 20 / scale + 2, 60 / scale + 4);
  }

  private static void measure(
      PrintWriter out, String label, Matcher matcher, List<String> inputs, int warmup, int runs) {
    // Warm up for a count and for a time: the JIT compiles the matcher's larger methods only
    // after a while, and a short warm-up would measure compilation, not diagnosis.
    long warmEnd = System.nanoTime() + WARMUP_NANOS;
    for (int i = 0; i < warmup || System.nanoTime() < warmEnd; i++) {
      matcher.diagnose(inputs.get(i % inputs.size()));
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      String in = inputs.get(i % inputs.size());
      long t = System.nanoTime();
      matcher.diagnose(in);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    out.printf(
        Locale.ROOT,
        "%-34s n=%-5d p50=%9.1f µs  p99=%9.1f µs  max=%9.1f µs%n",
        label,
        runs,
        nanos[runs / 2] / 1e3,
        nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e3,
        nanos[runs - 1] / 1e3);
    out.flush();
  }
}
