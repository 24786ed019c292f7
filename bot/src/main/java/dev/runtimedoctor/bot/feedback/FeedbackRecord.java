package dev.runtimedoctor.bot.feedback;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the feedback log: a person's verdict on an answer, or a paste the bot could not
 * match. Neither holds text from Slack or who clicked: entry ids, a surface name and the paste's
 * {@link PasteFingerprint}.
 */
public sealed interface FeedbackRecord {
  /** When it happened. */
  Instant at();

  /** The JSON object written as one line of the log. */
  JsonObject toJson();

  /** What a person said about an answer. */
  enum Verdict {
    /** "Helpful". */
    HELPFUL,
    /** "Not it". */
    NOT_IT,
    /** Which entry it really was, or none of them, chosen after "Not it". */
    ACTUAL;

    /** The word in the log and in {@code /metrics}: {@code helpful}, {@code not_it}, … */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Verdict> fromCode(String code) {
      for (Verdict v : values()) {
        if (v.code().equals(code)) {
          return Optional.of(v);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A verdict on an answer.
   *
   * @param entries the entries the answer named, best first
   * @param actual for {@link Verdict#ACTUAL}: the entry it really was; empty means none of the
   *     known ones (a candidate for a new entry)
   * @param surface where the answer was shown: thread, command, shortcut, mention, …
   * @param fingerprint the answered paste's fingerprint; empty when unknown
   */
  record Vote(
      Instant at,
      Verdict verdict,
      List<String> entries,
      Optional<String> actual,
      String surface,
      String fingerprint)
      implements FeedbackRecord {
    public Vote {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(actual, "actual");
      Objects.requireNonNull(surface, "surface");
      Objects.requireNonNull(fingerprint, "fingerprint");
      entries = List.copyOf(entries);
    }

    @Override
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("at", at.toString());
      o.addProperty("kind", verdict.code());
      JsonArray e = new JsonArray();
      entries.forEach(e::add);
      o.add("entries", e);
      if (verdict == Verdict.ACTUAL) {
        o.add("actual", actual.<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
      }
      o.addProperty("surface", surface);
      o.addProperty("fingerprint", fingerprint);
      return o;
    }
  }

  /**
   * A paste someone asked about that matched no known issue.
   *
   * @param lines its non-blank lines
   * @param closest the closest entry, however weak, when there was one
   */
  record Unmatched(
      Instant at, String fingerprint, String surface, int lines, Optional<String> closest)
      implements FeedbackRecord {
    public Unmatched {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(surface, "surface");
      Objects.requireNonNull(closest, "closest");
    }

    @Override
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("at", at.toString());
      o.addProperty("kind", "unmatched");
      o.addProperty("surface", surface);
      o.addProperty("fingerprint", fingerprint);
      o.addProperty("lines", lines);
      closest.ifPresent(c -> o.addProperty("closest", c));
      return o;
    }
  }

  /** Parses one line of the log; empty when it is not a record this version knows. */
  static Optional<FeedbackRecord> parse(String line) {
    JsonObject o;
    try {
      if (!(JsonParser.parseString(line) instanceof JsonObject obj)) {
        return Optional.empty();
      }
      o = obj;
    } catch (JsonParseException e) {
      return Optional.empty();
    }
    Optional<String> kind = string(o, "kind");
    Optional<Instant> at = string(o, "at").flatMap(FeedbackRecord::instant);
    if (kind.isEmpty() || at.isEmpty()) {
      return Optional.empty();
    }
    String surface = string(o, "surface").orElse("unknown");
    String fingerprint = string(o, "fingerprint").orElse("");
    if (kind.get().equals("unmatched")) {
      int lines = string(o, "lines").map(FeedbackRecord::count).orElse(0);
      return Optional.of(
          new Unmatched(at.get(), fingerprint, surface, lines, string(o, "closest")));
    }
    Optional<Verdict> verdict = Verdict.fromCode(kind.get());
    if (verdict.isEmpty()) {
      return Optional.empty();
    }
    List<String> entries = new ArrayList<>();
    if (o.get("entries") instanceof JsonArray array) {
      for (JsonElement e : array) {
        if (e.isJsonPrimitive()) {
          entries.add(e.getAsString());
        }
      }
    }
    return Optional.of(
        new Vote(at.get(), verdict.get(), entries, string(o, "actual"), surface, fingerprint));
  }

  private static Optional<String> string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
  }

  private static Optional<Instant> instant(String s) {
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static int count(String s) {
    try {
      return Math.max(0, Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
