package dev.runtimedoctor.bot.feedback;

import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The feedback log ({@code FEEDBACK_LOG}): one JSON object per line, read back by the {@code
 * feedback} command. Either a file, appended with one write of one line per record (for a single
 * host), or — {@code FEEDBACK_LOG=-} — standard output, where a cluster's log pipeline keeps it
 * across restarts and replicas; there each line carries {@code "record":"runtime_doctor_feedback"}
 * so that {@code feedback -} can pick the records out of the pod's other log lines.
 */
public final class FeedbackLog {
  /** The {@code FEEDBACK_LOG} value that means standard output. */
  public static final Path STDOUT = Path.of("-");

  /** The field and value that mark a record among other log lines. */
  static final String MARK_FIELD = "record";

  static final String MARK = "runtime_doctor_feedback";

  private final Path path;
  private final PrintWriter stdout;

  /**
   * @param path the file, or {@link #STDOUT}
   * @param stdout the process's standard output, written when {@code path} is {@link #STDOUT}
   */
  public FeedbackLog(Path path, PrintWriter stdout) {
    this.path = Objects.requireNonNull(path, "path");
    this.stdout = Objects.requireNonNull(stdout, "stdout");
  }

  public Path path() {
    return path;
  }

  /**
   * Appends {@code record} as one line: to the file, creating it when it does not exist yet, or to
   * standard output, marked.
   */
  public synchronized void append(FeedbackRecord record) throws IOException {
    if (path.equals(STDOUT)) {
      JsonObject line = new JsonObject();
      line.addProperty(MARK_FIELD, MARK);
      record.toJson().entrySet().forEach(e -> line.add(e.getKey(), e.getValue()));
      synchronized (stdout) {
        stdout.println(line);
        stdout.flush();
        if (stdout.checkError()) {
          throw new IOException("standard output is closed");
        }
      }
      return;
    }
    Files.writeString(
        path,
        record.toJson() + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }

  /**
   * What the log holds.
   *
   * @param malformed lines that are not records this version knows (skipped)
   */
  public record Contents(List<FeedbackRecord> records, int malformed) {
    public Contents {
      records = List.copyOf(records);
    }
  }

  /** Reads every record of the log at {@code path}. */
  public static Contents read(Path path) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(in);
    }
  }

  /** Reads every record of a log file's lines; lines that are not records count as malformed. */
  public static Contents read(BufferedReader in) throws IOException {
    List<FeedbackRecord> records = new ArrayList<>();
    int malformed = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      Optional<FeedbackRecord> r = FeedbackRecord.parse(line);
      if (r.isPresent()) {
        records.add(r.get());
      } else {
        malformed++;
      }
    }
    return new Contents(records, malformed);
  }

  /**
   * Picks the records out of mixed log lines ({@code kubectl logs}, with or without {@code
   * --prefix} or {@code --timestamps}): each line marked as a record, from its first {@code {}.
   * Other lines are the bot's other output and are skipped; a marked line that does not parse
   * counts as malformed.
   */
  public static Contents readMixed(BufferedReader in) throws IOException {
    List<FeedbackRecord> records = new ArrayList<>();
    int malformed = 0;
    String line;
    while ((line = in.readLine()) != null) {
      int start = line.indexOf('{');
      if (start < 0 || !line.contains(MARK)) {
        continue;
      }
      Optional<FeedbackRecord> r = FeedbackRecord.parse(line.substring(start));
      if (r.isPresent()) {
        records.add(r.get());
      } else {
        malformed++;
      }
    }
    return new Contents(records, malformed);
  }
}
