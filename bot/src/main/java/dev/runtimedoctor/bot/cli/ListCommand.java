package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.diagnosis.KnowledgeTexts;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code list}: the knowledge base in the terminal, by pack, then by area. */
@Command(name = "list", description = "List the entries by pack, then by area.")
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
    Map<String, List<Entry>> byPack = new LinkedHashMap<>();
    for (Entry e : knowledge.knowledge(ctx.env()).entries()) {
      byPack.computeIfAbsent(e.pack(), p -> new ArrayList<>()).add(e);
    }
    boolean first = true;
    for (Map.Entry<String, List<Entry>> pack : byPack.entrySet()) {
      if (!first) {
        ctx.out().println();
      }
      first = false;
      ctx.out()
          .printf(
              Locale.ROOT,
              "%s · %s (%d)%n",
              pack.getKey(),
              KnowledgeTexts.pack(pack.getKey(), l),
              pack.getValue().size());
      String area = null;
      for (Entry e :
          pack.getValue().stream()
              .sorted(Comparator.comparing(Entry::area).thenComparing(Entry::id))
              .toList()) {
        if (!e.area().equals(area)) {
          area = e.area();
          ctx.out().println("  " + area.toUpperCase(Locale.ROOT));
        }
        ctx.out().printf(Locale.ROOT, "    %-38s %s%n", e.id(), e.title().get(l));
      }
    }
    return 0;
  }
}
