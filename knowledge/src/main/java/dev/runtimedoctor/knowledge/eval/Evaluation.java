package dev.runtimedoctor.knowledge.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.knowledge.analysis.ErrorLine;
import dev.runtimedoctor.knowledge.analysis.LogNormalizer;
import dev.runtimedoctor.knowledge.analysis.PasteLine;
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
   * @throws IOException when the file cannot be read (the message names the file and why: missing,
   *     a directory, not UTF-8) or a line is not such an object ({@code FILE:LINE: why})
   */
  public static List<LabelledCase> read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(file + ": no such file", e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IOException(file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new IOException(
          file + ": " + (Files.isDirectory(file) ? "a directory, not a file" : "unreadable"), e);
    }
    List<LabelledCase> out = new ArrayList<>();
    int n = 0;
    for (String line : lines) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String where = file + ":" + n + ": ";
      JsonObject o;
      try {
        JsonElement e = JsonParser.parseString(line);
        if (!e.isJsonObject()) {
          throw new IOException(where + "not a JSON object");
        }
        o = e.getAsJsonObject();
      } catch (com.google.gson.JsonParseException e) {
        throw new IOException(where + "not valid JSON", e);
      }
      out.add(
          new LabelledCase(
              string(o, "id", where),
              expected(o.get("expected"), where),
              string(o, "text", where)));
    }
    return out;
  }

  private static String string(JsonObject o, String key, String where) throws IOException {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new IOException(where + "\"" + key + "\" is missing or not a string");
    }
    return e.getAsString();
  }

  private static Optional<String> expected(JsonElement e, String where) throws IOException {
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new IOException(where + "\"expected\" is neither an entry id nor null");
    }
    return Optional.of(e.getAsString());
  }

  /**
   * The lower bounds of the calibration buckets; the last one runs to 1.0 inclusive. One starts at
   * the reply threshold, so the table shows the answers apart from the leads just below them.
   */
  private static final double[] BUCKETS = {
    0.0, 0.2, 0.4, 0.5, Matcher.REPLY_THRESHOLD, 0.7, 0.8, 0.9
  };

  /**
   * Whether a case carries an error line: a line that, without its log prefix, holds an error chain
   * the way programs print them ({@link ErrorLine}). Decided from the text alone, so it applies to
   * any labelled set, with or without a {@code kind}: a question quoting "x509: certificate signed
   * by unknown authority" counts, "our GPU metrics are gone" does not.
   */
  public static boolean carriesErrorLine(String text) {
    for (PasteLine l : LogNormalizer.normalize(text).lines()) {
      if (ErrorLine.is(l.cleaned())) {
        return true;
      }
    }
    return false;
  }

  /** Scores {@code matcher} on {@code cases}. */
  public static EvalReport run(Matcher matcher, List<LabelledCase> cases) {
    int pos = 0;
    int neg = 0;
    int top1 = 0;
    int top3 = 0;
    int replyRight = 0;
    int errorPos = 0;
    int errorReplyRight = 0;
    int negReplies = 0;
    double rr = 0;
    int[] bucketCases = new int[BUCKETS.length];
    int[] bucketRight = new int[BUCKETS.length];
    List<String> misses = new ArrayList<>();
    for (LabelledCase c : cases) {
      Diagnosis d = matcher.diagnose(c.text());
      List<String> ids = d.matches().stream().map(Match::entry).map(e -> e.id()).toList();
      if (!ids.isEmpty()) {
        int b = bucket(d.matches().get(0).confidence());
        bucketCases[b]++;
        if (c.expected().isPresent() && c.expected().get().equals(ids.get(0))) {
          bucketRight[b]++;
        }
      }
      if (c.expected().isEmpty()) {
        neg++;
        if (d.reply()) {
          negReplies++;
          misses.add(c.id() + " expected=none replied=" + ids.get(0));
        }
        continue;
      }
      pos++;
      boolean errorLine = carriesErrorLine(c.text());
      if (errorLine) {
        errorPos++;
      }
      int rank = ids.indexOf(c.expected().get()) + 1;
      if (rank == 1) {
        top1++;
        if (d.reply()) {
          replyRight++;
          if (errorLine) {
            errorReplyRight++;
          }
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
    List<EvalReport.Bucket> calibration = new ArrayList<>();
    for (int b = 0; b < BUCKETS.length; b++) {
      double high = b + 1 < BUCKETS.length ? BUCKETS[b + 1] : 1.0;
      calibration.add(new EvalReport.Bucket(BUCKETS[b], high, bucketCases[b], bucketRight[b]));
    }
    int prosePos = pos - errorPos;
    return new EvalReport(
        pos,
        neg,
        ratio(top1, pos),
        ratio(top3, pos),
        pos == 0 ? 0 : rr / pos,
        ratio(replyRight, pos),
        ratio(negReplies, neg),
        errorPos,
        ratio(errorReplyRight, errorPos),
        ratio(replyRight - errorReplyRight, prosePos),
        calibration,
        misses);
  }

  private static double ratio(int n, int of) {
    return of == 0 ? 0 : (double) n / of;
  }

  private static int bucket(double confidence) {
    int b = 0;
    while (b + 1 < BUCKETS.length && confidence >= BUCKETS[b + 1]) {
      b++;
    }
    return b;
  }
}
