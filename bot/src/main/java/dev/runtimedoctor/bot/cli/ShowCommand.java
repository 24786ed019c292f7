package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.diagnosis.KnowledgeTexts;
import dev.runtimedoctor.bot.text.Catalog;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Section;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code show ID}: one entry in full, in one language. */
@Command(name = "show", description = "Show one entry (known issue or failure mode) in full.")
final class ShowCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin KnowledgeOption knowledge = new KnowledgeOption();

  @Option(
      names = "--lang",
      paramLabel = "it|en",
      description = "Language of the text (default: $BOT_LANGUAGE, else it).")
  String lang;

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The entry's id, as 'runtime-doctor list' shows it.")
  String id;

  ShowCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Language l = Languages.choose(lang, java.util.Optional.empty(), ctx.env());
    KnowledgeBase kb = knowledge.knowledge(ctx.env());
    // Ids are lowercase; OOM-KILLED is what a person means by it.
    Entry e =
        kb.get(id.strip().toLowerCase(java.util.Locale.ROOT))
            .orElseThrow(() -> UnknownEntry.of(id, kb.ids()));
    var out = ctx.out();
    out.println(e.title().get(l));
    out.println(
        "id: "
            + e.id()
            + " · "
            + KnowledgeTexts.kind(e.kind(), l)
            + " · pack: "
            + e.pack()
            + " · area: "
            + e.area()
            + " · "
            + e.source());
    TerminalReport.versionLines(e, l).forEach(out::println);
    if (!e.signatures().isEmpty()) {
      out.println();
      out.println(Catalog.get(Msg.SIGNATURES, l) + ":");
      e.signatures().forEach(s -> out.println("  " + s));
    }
    for (Section s : Section.values()) {
      var text = e.body(l).section(s);
      if (text.isPresent()) {
        out.println();
        out.println("## " + KnowledgeTexts.heading(s, e.kind(), l));
        out.println(text.get());
      }
    }
    if (!e.references().isEmpty()) {
      out.println();
      e.references().forEach(r -> out.println("- " + r));
    }
    return 0;
  }
}
