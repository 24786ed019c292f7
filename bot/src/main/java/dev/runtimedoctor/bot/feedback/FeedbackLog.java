package dev.runtimedoctor.bot.feedback;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The feedback log ({@code FEEDBACK_LOG}): one JSON object per line, appended as feedback arrives
 * and read back by the {@code feedback} command. Each record is written with one append of one
 * line, so replicas sharing a volume interleave whole lines.
 */
public final class FeedbackLog {
  private final Path path;

  public FeedbackLog(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public Path path() {
    return path;
  }

  /** Appends {@code record}, creating the file when it does not exist yet. */
  public synchronized void append(FeedbackRecord record) throws IOException {
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
    List<FeedbackRecord> records = new ArrayList<>();
    int malformed = 0;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
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
    }
    return new Contents(records, malformed);
  }
}
