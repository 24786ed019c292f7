package dev.runtimedoctor.bot.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.cluster.CheckResult;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Evidence;
import dev.runtimedoctor.knowledge.match.Match;
import java.util.List;

/** The JSON shapes of {@code ask --json} and {@code batch} (DESIGN §4). */
final class JsonOutput {
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private JsonOutput() {}

  /**
   * {@code {"matches":[{"id","title","kind","confidence","basis","evidence":[…]}],"reply":…,
   * "truncated":…}}: {@code truncated} when only the start and end of a paste over 4 MiB, or the
   * first 1 MiB of a line over 1 MiB, were read.
   */
  static JsonObject ask(Diagnosis d, Language lang) {
    JsonObject o = new JsonObject();
    JsonArray matches = new JsonArray();
    for (Match m : d.matches()) {
      JsonObject j = new JsonObject();
      j.addProperty("id", m.entry().id());
      j.addProperty("title", m.entry().title().get(lang));
      j.addProperty("kind", m.entry().kind().code());
      j.addProperty("confidence", m.confidence());
      j.addProperty("basis", m.basis().name().toLowerCase(java.util.Locale.ROOT));
      JsonArray ev = new JsonArray();
      for (Evidence e : m.evidence()) {
        ev.add(e.text());
      }
      j.add("evidence", ev);
      matches.add(j);
    }
    o.add("matches", matches);
    o.addProperty("reply", d.reply());
    o.addProperty("truncated", d.truncated());
    return o;
  }

  /** {@code {"context":"…","results":[{"entry","check","verdict","summary","evidence":[…]}]}}. */
  static JsonObject checks(String context, List<CheckResult> results) {
    JsonObject o = new JsonObject();
    o.addProperty("context", context);
    JsonArray list = new JsonArray();
    for (CheckResult r : results) {
      JsonObject j = new JsonObject();
      j.addProperty("entry", r.entry());
      j.addProperty("check", r.check());
      j.addProperty("verdict", r.verdict().code());
      j.addProperty("summary", r.summary());
      JsonArray ev = new JsonArray();
      r.evidence().forEach(ev::add);
      j.add("evidence", ev);
      list.add(j);
    }
    o.add("results", list);
    return o;
  }

  /** {@code {"id","matches":[{"id","confidence"}],"reply","micros"}}. */
  static JsonObject batch(String id, Diagnosis d) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    JsonArray matches = new JsonArray();
    for (Match m : d.matches()) {
      JsonObject j = new JsonObject();
      j.addProperty("id", m.entry().id());
      j.addProperty("confidence", m.confidence());
      matches.add(j);
    }
    o.add("matches", matches);
    o.addProperty("reply", d.reply());
    o.addProperty("micros", d.micros());
    return o;
  }
}
