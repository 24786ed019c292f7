package dev.runtimedoctor.bot.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.feedback.FeedbackLog;
import dev.runtimedoctor.bot.feedback.FeedbackRecord.Verdict;
import dev.runtimedoctor.bot.feedback.FeedbackSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code feedback}: what people said about the Slack answers, from the feedback log — per entry
 * helpful / not it, the entries wrong answers really were, and the unmatched pastes seen most often
 * (by fingerprint) as candidates for new entries.
 */
@Command(
    name = "feedback",
    description = {
      "Summarise the Slack feedback log: helpful / not it per entry, what wrong answers really"
          + " were, and the unmatched pastes seen most often (candidates for new entries).",
      "The log is SOURCE, --log FILE, or FEEDBACK_LOG (default feedback.jsonl in the working"
          + " directory). SOURCE - reads standard input and picks the records out of mixed log"
          + " lines: kubectl logs -l app.kubernetes.io/name=runtime-doctor --tail=-1 | … feedback -"
    })
final class FeedbackCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SOURCE",
      description = "A feedback log file, or - for records among log lines on standard input.")
  String source;

  @Option(names = "--log", paramLabel = "FILE", description = "The feedback log to read.")
  String log;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Unmatched pastes to list (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--json", description = "Print JSON: {\"records\",\"entries\",…}.")
  boolean json;

  FeedbackCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (top < 0) {
      throw new UserException("--top must be 0 or more, not " + top);
    }
    Path path = path();
    FeedbackLog.Contents contents;
    if (path.equals(FeedbackLog.STDOUT)) {
      // The records a replica printed on standard output, among its other log lines.
      try {
        contents =
            FeedbackLog.readMixed(
                new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)));
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new UserException(
            "standard input is not a feedback log: it is not UTF-8 text (JSON Lines, one record a"
                + " line)");
      } catch (IOException e) {
        throw new UserException("cannot read standard input: " + e.getMessage());
      }
      path = Path.of("standard input");
    } else {
      if (Files.isDirectory(path)) {
        throw new UserException(
            path
                + " is a directory: --log (or FEEDBACK_LOG) names the log file, e.g. "
                + path.resolve(Config.DEFAULT_FEEDBACK_LOG.getFileName()));
      }
      if (!Files.isRegularFile(path)) {
        throw new UserException(
            "no feedback log at " + path + " (set FEEDBACK_LOG, or pass FILE, or - for stdin)");
      }
      try {
        contents = FeedbackLog.read(path);
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new UserException(
            path + " is not a feedback log: it is not UTF-8 text (JSON Lines, one record a line)");
      } catch (IOException e) {
        throw new UserException("cannot read " + path + ": " + e.getMessage());
      }
    }
    FeedbackSummary s = FeedbackSummary.of(contents.records(), top);
    if (contents.malformed() > 0) {
      ctx.err().println(path + ": skipped " + contents.malformed() + " lines that are not records");
    }
    if (json) {
      ctx.out().println(JsonOutput.GSON.toJson(json(s)));
    } else {
      print(path, s, top, ctx.out());
    }
    return 0;
  }

  private Path path() {
    String p = source != null ? source : log;
    if (p == null) {
      try {
        return ctx.env().feedbackLog().orElse(Config.DEFAULT_FEEDBACK_LOG);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }
    if (p.isBlank()) {
      return Config.DEFAULT_FEEDBACK_LOG;
    }
    try {
      return Path.of(p.strip());
    } catch (InvalidPathException e) {
      throw new UserException("'" + p + "' is not a path");
    }
  }

  private static void print(Path path, FeedbackSummary s, int top, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "feedback in %s: %d records, %d helpful, %d not it%n",
        path,
        s.records(),
        s.total(Verdict.HELPFUL),
        s.total(Verdict.NOT_IT));
    if (!s.entries().isEmpty()) {
      out.println();
      out.printf(Locale.ROOT, "%-40s %7s %7s %9s%n", "entry", "helpful", "not it", "really it");
      for (FeedbackSummary.EntryFeedback e : s.entries()) {
        out.printf(
            Locale.ROOT, "%-40s %7d %7d %9d%n", e.entry(), e.helpful(), e.notIt(), e.reallyIt());
      }
    }
    if (!s.confusions().isEmpty()) {
      out.println();
      out.println("answered → really");
      for (FeedbackSummary.Confusion c : s.confusions()) {
        out.printf(Locale.ROOT, "%5d  %s → %s%n", c.count(), c.answered(), c.actual());
      }
    }
    if (top == 0) {
      // Asked for none: "no unmatched pastes recorded" would claim there are none.
      return;
    }
    out.println();
    if (s.candidates().isEmpty()) {
      out.println("no unmatched pastes recorded");
      return;
    }
    out.println("unmatched pastes seen most often (candidates for new entries)");
    out.printf(Locale.ROOT, "%-16s %5s  %-20s  %s%n", "fingerprint", "seen", "last", "closest");
    for (FeedbackSummary.Candidate c : s.candidates()) {
      out.printf(
          Locale.ROOT,
          "%-16s %5d  %-20s  %s%n",
          c.fingerprint(),
          c.count(),
          c.last(),
          c.closest().orElse("-"));
    }
  }

  private static JsonObject json(FeedbackSummary s) {
    JsonObject o = new JsonObject();
    o.addProperty("records", s.records());
    JsonArray entries = new JsonArray();
    for (FeedbackSummary.EntryFeedback e : s.entries()) {
      JsonObject j = new JsonObject();
      j.addProperty("entry", e.entry());
      j.addProperty("helpful", e.helpful());
      j.addProperty("not_it", e.notIt());
      j.addProperty("really_it", e.reallyIt());
      entries.add(j);
    }
    o.add("entries", entries);
    JsonArray confusions = new JsonArray();
    for (FeedbackSummary.Confusion c : s.confusions()) {
      JsonObject j = new JsonObject();
      j.addProperty("answered", c.answered());
      j.addProperty("actual", c.actual());
      j.addProperty("count", c.count());
      confusions.add(j);
    }
    o.add("confusions", confusions);
    JsonArray candidates = new JsonArray();
    for (FeedbackSummary.Candidate c : s.candidates()) {
      JsonObject j = new JsonObject();
      j.addProperty("fingerprint", c.fingerprint());
      j.addProperty("count", c.count());
      j.addProperty("first", c.first().toString());
      j.addProperty("last", c.last().toString());
      c.closest().ifPresent(x -> j.addProperty("closest", x));
      candidates.add(j);
    }
    o.add("candidates", candidates);
    return o;
  }
}
