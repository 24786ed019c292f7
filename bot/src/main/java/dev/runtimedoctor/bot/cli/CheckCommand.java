package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.cluster.CheckResult;
import dev.runtimedoctor.bot.cluster.CheckScope;
import dev.runtimedoctor.bot.cluster.ClusterChecks;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code check}: read-only cluster checks for the given entries, or every entry that has some. */
@Command(
    name = "check",
    description =
        "Run read-only cluster checks: confirmed, not-affected, inconclusive or unavailable.")
final class CheckCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin KnowledgeOption knowledge = new KnowledgeOption();

  @Mixin ContextOption cluster = new ContextOption();

  @Option(names = "--entry", paramLabel = "ID", description = "Entry to check (repeatable).")
  List<String> entries;

  @Option(names = "--node", paramLabel = "NODE", description = "Only this node.")
  String node;

  @Option(names = "--namespace", paramLabel = "NS", description = "Only events and pods here.")
  String namespace;

  @Option(names = "--pod", paramLabel = "POD", description = "Only events and pods of this pod.")
  String pod;

  @Option(names = "--json", description = "Print JSON: {\"context\":…,\"results\":[…]}.")
  boolean json;

  CheckCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    KnowledgeBase kb = knowledge.knowledge(ctx.env());
    List<Entry> selected = select(kb);
    try (ClusterChecks checks = cluster.connect(ctx.env())) {
      checks
          .scopeProblem(CheckScope.of(namespace, pod, node))
          .ifPresent(
              problem -> {
                throw new UserException(problem);
              });
      List<CheckResult> results = checks.run(selected, CheckScope.of(namespace, pod, node));
      if (json) {
        ctx.out().println(JsonOutput.GSON.toJson(JsonOutput.checks(checks.context(), results)));
      } else {
        CheckReport.print(checks.context(), results, ctx.out());
      }
    }
    return 0;
  }

  private List<Entry> select(KnowledgeBase kb) {
    if (entries == null || entries.isEmpty()) {
      return ClusterChecks.withChecks(kb.entries());
    }
    List<Entry> out = new ArrayList<>();
    for (String id : entries) {
      Entry e =
          kb.get(id)
              .orElseThrow(
                  () ->
                      new UserException(
                          "no entry '"
                              + id
                              + "'"
                              + Suggestions.didYouMean(id, kb.ids())
                              + " (runtime-doctor list shows them all)"));
      if (e.checks().isEmpty()) {
        throw new UserException("entry '" + id + "' has no cluster checks");
      }
      out.add(e);
    }
    return out;
  }
}
