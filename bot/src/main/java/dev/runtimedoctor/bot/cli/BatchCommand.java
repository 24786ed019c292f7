package dev.runtimedoctor.bot.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code batch}: JSON Lines in ({@code {"id","text"}}), JSON Lines out, one JVM for all. A bad line
 * gets an {@code {"id","error"}} line of its own, with the case's id when it could be read, and the
 * rest carry on.
 */
@Command(
    name = "batch",
    description = {
      "Diagnose JSON Lines {\"id\",\"text\"} from standard input; print one JSON line per case:"
          + " {\"id\",\"matches\":[{\"id\",\"confidence\"}],\"reply\",\"micros\"}.",
      "A line that cannot be read gets {\"id\",\"error\"} (id null when unreadable) and the rest"
          + " carry on."
    },
    footer = {
      "",
      "Exit 0 when at least one case was diagnosed, 2 when no line could be read, 1 when the"
          + " output could not be written."
    })
final class BatchCommand implements Callable<Integer> {
  /** Lines between checks that the output is still being written (a check flushes). */
  private static final int WRITE_CHECK_LINES = 256;

  /** The longest line read as a case: the most {@code ask} reads from standard input. */
  static final int MAX_LINE_CHARS = InputText.MAX_BYTES;

  /** Every line carries "id", null when absent or unreadable: one shape for scripts. */
  private static final Gson LINE_GSON =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private final CliContext ctx;

  @Mixin KnowledgeOption knowledge = new KnowledgeOption();

  BatchCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    DiagnosisService service = knowledge.service(ctx.env());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8), 1 << 16);
    int lineNo = 0;
    int cases = 0;
    int bad = 0;
    try {
      Line read;
      while ((read = Line.next(in)) != null) {
        lineNo++;
        String line = read.text();
        if (!read.cut() && line.isBlank()) {
          continue;
        }
        cases++;
        JsonObject result;
        try {
          if (read.cut()) {
            throw new BadLine(
                null, "longer than " + MAX_LINE_CHARS / (1024 * 1024) + " Mi characters");
          }
          Case c = Case.parse(line);
          result = JsonOutput.batch(c.id(), service.diagnose(c.text()));
        } catch (BadLine e) {
          bad++;
          result = new JsonObject();
          result.addProperty("id", e.id);
          result.addProperty("error", "line " + lineNo + ": " + e.getMessage());
          ctx.err()
              .println(
                  "batch: line "
                      + lineNo
                      + (e.id == null ? "" : " (id " + e.id + ")")
                      + ": "
                      + e.getMessage()
                      + ", skipped");
        }
        ctx.out().println(LINE_GSON.toJson(result));
        // Nobody reads the rest when the output is gone (a full disk): stop, Main says so.
        if (cases % WRITE_CHECK_LINES == 0 && ctx.out().checkError()) {
          return ExitCodes.INTERNAL;
        }
      }
    } catch (IOException e) {
      throw new UserException("cannot read standard input: " + e.getMessage());
    }
    ctx.out().flush();
    if (cases == 0) {
      ctx.err().println("batch: no cases on standard input: one {\"id\",\"text\"} object a line");
      return ExitCodes.USAGE;
    }
    return bad == cases ? ExitCodes.USAGE : ExitCodes.OK;
  }

  /**
   * One line of input, at most {@link #MAX_LINE_CHARS} characters: a longer line is read to its end
   * and dropped, so one runaway line costs no more memory than a case may.
   */
  private record Line(String text, boolean cut) {
    /** The next line without its terminator, or null at the end of the input. */
    static Line next(BufferedReader in) throws IOException {
      StringBuilder sb = new StringBuilder();
      boolean cut = false;
      int c = in.read();
      if (c < 0) {
        return null;
      }
      while (c >= 0 && c != '\n') {
        if (sb.length() < MAX_LINE_CHARS) {
          sb.append((char) c);
        } else {
          cut = true;
        }
        c = in.read();
      }
      int end = sb.length();
      if (end > 0 && sb.charAt(end - 1) == '\r') {
        sb.setLength(end - 1);
      }
      return new Line(cut ? "" : sb.toString(), cut);
    }
  }

  /** One input line: the case's id (null when absent) and its text. */
  private record Case(String id, String text) {
    static Case parse(String line) throws BadLine {
      JsonElement el;
      try {
        // Strict: a line is JSON as scripts write it, not single quotes or a bare word.
        JsonReader reader = new JsonReader(new StringReader(line));
        reader.setStrictness(Strictness.STRICT);
        el = JsonParser.parseReader(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
          throw new JsonParseException("more than one value");
        }
      } catch (JsonParseException | IOException | IllegalStateException e) {
        throw new BadLine(null, "not JSON: expected one {\"id\",\"text\"} object a line");
      }
      if (!el.isJsonObject()) {
        throw new BadLine(null, "expected a JSON object {\"id\",\"text\"}, not " + kind(el));
      }
      JsonObject o = el.getAsJsonObject();
      JsonElement idEl = o.get("id");
      String id =
          idEl != null && idEl.isJsonPrimitive() ? idEl.getAsJsonPrimitive().getAsString() : null;
      if (idEl != null && !idEl.isJsonNull() && id == null) {
        throw new BadLine(null, "\"id\" must be a string or a number, not " + kind(idEl));
      }
      JsonElement text = o.get("text");
      if (text == null || text.isJsonNull()) {
        throw new BadLine(id, "no \"text\" to diagnose");
      }
      if (!text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
        throw new BadLine(id, "\"text\" must be a string, not " + kind(text));
      }
      return new Case(id, text.getAsString());
    }

    private static String kind(JsonElement e) {
      if (e.isJsonArray()) {
        return "an array";
      }
      if (e.isJsonObject()) {
        return "an object";
      }
      if (e.isJsonNull()) {
        return "null";
      }
      return e.getAsJsonPrimitive().isString()
          ? "a string"
          : e.getAsJsonPrimitive().isBoolean() ? "a boolean" : "a number";
    }
  }

  /** A line that is not a case; {@code id} is the case's id when it could be read. */
  private static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    private final String id;

    BadLine(String id, String message) {
      super(message);
      this.id = id;
    }
  }
}
