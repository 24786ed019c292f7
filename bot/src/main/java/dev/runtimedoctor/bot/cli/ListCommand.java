package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code list}: the knowledge base in the terminal, by area. */
@Command(name = "list", description = "List the known issues by area.")
final class ListCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin KnowledgeOption knowledge = new KnowledgeOption();

  @Option(
      names = "--lang",
      paramLabel = "it|en",
      description = "Title language (default: $BOT_LANGUAGE, else it).")
  String lang;

  ListCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Language l = Languages.choose(lang, java.util.Optional.empty(), ctx.env());
    var entries =
        knowledge.knowledge(ctx.env()).entries().stream()
            .sorted(Comparator.comparing(Entry::area).thenComparing(Entry::id))
            .toList();
    String area = null;
    for (Entry e : entries) {
      if (!e.area().equals(area)) {
        area = e.area();
        ctx.out().println(area.toUpperCase(Locale.ROOT));
      }
      ctx.out().printf(Locale.ROOT, "  %-38s %s%n", e.id(), e.title().get(l));
    }
    return 0;
  }
}
