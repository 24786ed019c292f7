package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import java.util.List;
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

  @Option(names = "--json", description = "Print JSON: {\"matches\":[…],\"reply\":…}.")
  boolean json;

  @Option(names = "--lang", paramLabel = "it|en", description = "Answer language (default: the paste's, else $BOT_LANGUAGE, else it).")
  String lang;

  @Parameters(arity = "0..*", paramLabel = "TEXT", description = "The paste; standard input when absent.")
  List<String> text;

  AskCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    String paste = text == null || text.isEmpty() ? InputText.read(ctx.in()) : String.join(" ", text);
    if (paste.isBlank()) {
      throw new UserException("nothing to diagnose: give the error text as arguments or on standard input");
    }
    DiagnosisService service = knowledge.service(ctx.env());
    Diagnosis d = service.diagnose(paste);
    Language language = Languages.choose(lang, d.language(), ctx.env());
    if (json) {
      ctx.out().println(JsonOutput.GSON.toJson(JsonOutput.ask(d, language)));
    } else {
      new TerminalReport(language).print(d, ctx.out());
    }
    return 0;
  }
}
