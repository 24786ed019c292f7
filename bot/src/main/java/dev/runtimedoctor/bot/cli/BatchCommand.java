package dev.runtimedoctor.bot.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code batch}: JSON Lines in ({@code {"id","text"}}), JSON Lines out, one JVM for all. A bad line
 * gets an {@code error} line of its own and the rest carry on.
 */
@Command(name = "batch", description = "Diagnose JSON Lines {\"id\",\"text\"} from standard input.")
final class BatchCommand implements Callable<Integer> {
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
    int bad = 0;
    try {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonObject result;
        try {
          JsonElement el = JsonParser.parseString(line);
          if (!el.isJsonObject()
              || !el.getAsJsonObject().has("text")
              || !el.getAsJsonObject().get("text").isJsonPrimitive()) {
            throw new JsonParseException("expected an object with a \"text\" string");
          }
          JsonObject o = el.getAsJsonObject();
          String id = o.has("id") && !o.get("id").isJsonNull() ? o.get("id").getAsString() : null;
          result = JsonOutput.batch(id, service.diagnose(o.get("text").getAsString()));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
          bad++;
          result = new JsonObject();
          result.add("id", null);
          result.addProperty("error", "line " + lineNo + ": " + e.getMessage());
          ctx.err()
              .println("batch: line " + lineNo + ": not a {\"id\",\"text\"} JSON object, skipped");
        }
        ctx.out().println(JsonOutput.GSON.toJson(result));
      }
    } catch (IOException e) {
      throw new UserException("cannot read standard input: " + e.getMessage());
    }
    ctx.out().flush();
    return bad > 0 && bad == lineNo ? 2 : 0;
  }
}
