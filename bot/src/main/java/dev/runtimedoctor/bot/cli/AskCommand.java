package dev.runtimedoctor.bot.cli;

import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.cluster.CheckResult;
import dev.runtimedoctor.bot.cluster.CheckScope;
import dev.runtimedoctor.bot.cluster.ClusterChecks;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.text.Catalog;
import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ask}: diagnose a paste given as arguments or on standard input. */
@Command(name = "ask", description = "Diagnose TEXT, or standard input when no TEXT is given.")
final class AskCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin KnowledgeOption knowledge = new KnowledgeOption();

  @Mixin ContextOption cluster = new ContextOption();

  @Option(names = "--json", description = "Print JSON: {\"matches\":[…],\"reply\":…}.")
  boolean json;

  @Option(
      names = "--check",
      description = "Also run the top match's read-only cluster checks (see 'check').")
  boolean check;

  @Option(
      names = "--lang",
      paramLabel = "it|en",
      description = "Answer language (default: the paste's, else $BOT_LANGUAGE, else it).")
  String lang;

  @Parameters(
      arity = "0..*",
      paramLabel = "TEXT",
      description = "The paste; standard input when absent.")
  List<String> text;

  AskCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    boolean fromStdin = text == null || text.isEmpty();
    if (fromStdin && ctx.terminal()) {
      // Without this a person who typed only "ask" sees a command that seems to hang.
      ctx.err()
          .println(
              "reading the paste from standard input: paste it, then press Ctrl-D"
                  + " (or give it as arguments: runtime-doctor ask \"…\")");
      ctx.err().flush();
    }
    String paste = fromStdin ? InputText.read(ctx.in()) : String.join(" ", text);
    if (paste.isBlank()) {
      throw new UserException(
          "nothing to diagnose: give the error text as arguments or on standard input");
    }
    DiagnosisService service = knowledge.service(ctx.env());
    Diagnosis d = service.diagnose(paste);
    Language language = Languages.choose(lang, d.language(), ctx.env());
    if (json) {
      JsonObject o = JsonOutput.ask(d, language);
      if (check) {
        ClusterRun run = runChecks(d);
        JsonObject checks = JsonOutput.checks(run.context(), run.results());
        run.note().ifPresent(n -> checks.addProperty("note", n.in(Language.EN)));
        o.add("checks", checks);
      }
      ctx.out().println(JsonOutput.GSON.toJson(o));
    } else {
      new TerminalReport(language).print(d, paste, ctx.out());
      // The answer is printed before the checks start: a slow or absent cluster never holds it.
      ctx.out().flush();
      if (check) {
        ClusterRun run = runChecks(d);
        ctx.out().println();
        if (run.note().isPresent()) {
          ctx.out().println(Catalog.get(Msg.NO_CLUSTER_CHECKS, language, run.note().get()));
        } else {
          CheckReport.print(run.context(), run.results(), language, ctx.out());
        }
      }
    }
    return 0;
  }

  /** The checks of the top confident match; without one, a note says why nothing ran. */
  private ClusterRun runChecks(Diagnosis d) {
    Optional<Entry> top = d.confident().stream().findFirst().map(Match::entry);
    if (top.isEmpty()) {
      return new ClusterRun("none", List.of(), Optional.of(Message.of(Msg.NOTE_NO_MATCH)));
    }
    if (top.get().checks().isEmpty()) {
      return new ClusterRun(
          "none", List.of(), Optional.of(Message.of(Msg.NOTE_NO_CHECKS, top.get().id())));
    }
    Optional<Message> unusable = cluster.unusable(ctx.env());
    if (unusable.isPresent()) {
      return new ClusterRun("none", List.of(), unusable);
    }
    try (ClusterChecks checks = cluster.connect(ctx.env())) {
      return new ClusterRun(
          checks.context(), checks.run(List.of(top.get()), CheckScope.CLUSTER), Optional.empty());
    }
  }

  /** What {@code --check} found, or why it ran nothing. */
  private record ClusterRun(String context, List<CheckResult> results, Optional<Message> note) {}
}
