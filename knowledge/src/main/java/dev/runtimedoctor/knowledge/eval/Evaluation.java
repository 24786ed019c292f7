package dev.runtimedoctor.knowledge.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import dev.runtimedoctor.knowledge.match.Matcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs labelled cases through a matcher and scores the result. */
public final class Evaluation {
  private Evaluation() {}

  /**
   * Reads JSON Lines of {@code {"id","expected","text"}} ({@code expected} null for negatives).
   *
   * @throws IOException when the file cannot be read or a line is not such an object
   */
  public static List<LabelledCase> read(Path file) throws IOException {
    List<LabelledCase> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        JsonElement exp = o.get("expected");
        out.add(
            new LabelledCase(
                o.get("id").getAsString(),
                exp == null || exp.isJsonNull() ? Optional.empty() : Optional.of(exp.getAsString()),
                o.get("text").getAsString()));
      } catch (RuntimeException e) {
        throw new IOException(file + ":" + n + ": not a labelled case: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Scores {@code matcher} on {@code cases}. */
  public static EvalReport run(Matcher matcher, List<LabelledCase> cases) {
    int pos = 0;
    int neg = 0;
    int top1 = 0;
    int top3 = 0;
    int replyRight = 0;
    int negReplies = 0;
    double rr = 0;
    List<String> misses = new ArrayList<>();
    for (LabelledCase c : cases) {
      Diagnosis d = matcher.diagnose(c.text());
      List<String> ids = d.matches().stream().map(Match::entry).map(e -> e.id()).toList();
      if (c.expected().isEmpty()) {
        neg++;
        if (d.reply()) {
          negReplies++;
          misses.add(c.id() + " expected=none replied=" + ids.get(0));
        }
        continue;
      }
      pos++;
      int rank = ids.indexOf(c.expected().get()) + 1;
      if (rank == 1) {
        top1++;
        if (d.reply()) {
          replyRight++;
        }
      } else {
        misses.add(
            c.id()
                + " expected="
                + c.expected().get()
                + " got="
                + ids.subList(0, Math.min(3, ids.size())));
      }
      if (rank >= 1 && rank <= 3) {
        top3++;
      }
      if (rank >= 1) {
        rr += 1.0 / rank;
      }
    }
    return new EvalReport(
        pos,
        neg,
        pos == 0 ? 0 : (double) top1 / pos,
        pos == 0 ? 0 : (double) top3 / pos,
        pos == 0 ? 0 : rr / pos,
        pos == 0 ? 0 : (double) replyRight / pos,
        neg == 0 ? 0 : (double) negReplies / neg,
        misses);
  }
}
