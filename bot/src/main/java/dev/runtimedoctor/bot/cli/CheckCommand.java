package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.cluster.CheckResult;
import dev.runtimedoctor.bot.cluster.CheckScope;
import dev.runtimedoctor.bot.cluster.ClusterChecks;
import dev.runtimedoctor.bot.cluster.Refusals;
import dev.runtimedoctor.bot.cluster.Verdict;
import dev.runtimedoctor.bot.text.Catalog;
import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code check}: read-only cluster checks for the given entries, or every entry that has some. */
@Command(
    name = "check",
    description =
        "Run read-only cluster checks: confirmed, not-affected, inconclusive or unavailable.",
    footer = {
      "",
      "The cluster: KUBECONFIG, else ~/.kube/config, else the pod's service account.",
      "Exit 0 when checks ran, 3 when none could (no cluster, unreadable kubeconfig, API server"
          + " unreachable or forbidden), 2 bad usage."
    })
final class CheckCommand implements Callable<Integer> {
  /** Shorter shared endings ("denied") are not a reason worth saying alone. */
  private static final int MIN_REASON = 12;

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

  @Option(
      names = "--lang",
      paramLabel = "it|en",
      description = "Language of the summaries (default: $BOT_LANGUAGE, else en; --json: en).")
  String lang;

  CheckCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    // English when nothing says otherwise: what this command printed before it spoke Italian.
    Language language = Languages.choose(lang, Optional.empty(), ctx.env(), Language.EN);
    KnowledgeBase kb = knowledge.knowledge(ctx.env());
    List<Entry> selected = select(kb);
    Optional<Message> unusable = cluster.unusable(ctx.env());
    if (unusable.isPresent()) {
      throw new UserException(
          Catalog.get(Msg.NOTHING_CHECKED, language, unusable.get()), ExitCodes.NOTHING_CHECKED);
    }
    try (ClusterChecks checks = cluster.connect(ctx.env())) {
      checks
          .scopeProblem(CheckScope.of(namespace, pod, node))
          .ifPresent(
              problem -> {
                throw new UserException(problem);
              });
      List<CheckResult> results = checks.run(selected, CheckScope.of(namespace, pod, node));
      boolean nothingChecked =
          !results.isEmpty() && results.stream().allMatch(r -> r.verdict() == Verdict.UNAVAILABLE);
      Optional<String> reason = nothingChecked ? oneReason(results, language) : Optional.empty();
      if (json) {
        ctx.out().println(JsonOutput.GSON.toJson(JsonOutput.checks(checks.context(), results)));
      } else if (reason.isPresent()) {
        // One reason for every check (API server down, RBAC): say it once, not once per check.
        ctx.err()
            .println(Catalog.get(Msg.NOTHING_CHECKED_ON, language, checks.context(), reason.get()));
      } else {
        CheckReport.print(checks.context(), results, language, ctx.out());
      }
      return nothingChecked ? ExitCodes.NOTHING_CHECKED : ExitCodes.OK;
    }
  }

  /**
   * Why no check ran, said once: the grants every refused check lacks, or the cause all summaries
   * share (an unreachable API server).
   */
  private static Optional<String> oneReason(List<CheckResult> results, Language language) {
    return Refusals.ofAll(results)
        .map(m -> m.in(language))
        .or(() -> commonReason(results.stream().map(r -> r.summary(language)).toList()));
  }

  /**
   * What every summary ends with after a ": " ("cannot list nodes …: cannot reach the API server at
   * …"), when they share it: one cause for all, to say once rather than once per check.
   */
  static Optional<String> commonReason(List<String> summaries) {
    List<String> firsts = summaries.stream().map(x -> x.lines().findFirst().orElse("")).toList();
    String first = firsts.get(0);
    int common = first.length();
    for (String other : firsts) {
      int n = 0;
      while (n < Math.min(common, other.length())
          && first.charAt(first.length() - 1 - n) == other.charAt(other.length() - 1 - n)) {
        n++;
      }
      common = n;
    }
    int start = first.length() - common;
    if (start > 0 && !first.startsWith(": ", start - 2)) {
      int next = first.indexOf(": ", start);
      start = next < 0 ? first.length() : next + 2;
    }
    String reason = first.substring(start).strip();
    return reason.length() < MIN_REASON ? Optional.empty() : Optional.of(reason);
  }

  private List<Entry> select(KnowledgeBase kb) {
    if (entries == null || entries.isEmpty()) {
      return ClusterChecks.withChecks(kb.entries());
    }
    List<Entry> out = new ArrayList<>();
    for (String id : entries) {
      Entry e = kb.get(id).orElseThrow(() -> UnknownEntry.of(id, kb.ids()));
      if (e.checks().isEmpty()) {
        throw new UserException("entry '" + id + "' has no cluster checks");
      }
      out.add(e);
    }
    return out;
  }
}
