package dev.runtimedoctor.bot.slack;

import dev.runtimedoctor.bot.cluster.Verdict;
import dev.runtimedoctor.bot.diagnosis.KnowledgeTexts;
import dev.runtimedoctor.bot.slack.render.Mrkdwn;
import dev.runtimedoctor.bot.text.Catalog;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.analysis.Truncation;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the bot says in Slack, in one language: the words come from the message {@link Catalog};
 * this class adds Slack's markup (commands as code, bold, italics, user and channel links).
 */
public final class Texts {
  private final Language lang;

  public Texts(Language lang) {
    this.lang = lang;
  }

  public Language language() {
    return lang;
  }

  private String t(Msg key, Object... args) {
    return Catalog.get(key, lang, args);
  }

  private static String command(String rest) {
    return Mrkdwn.code(SlackSurface.COMMAND + " " + rest);
  }

  public String confidence(double c) {
    return t(Msg.CONFIDENCE, String.format(Locale.ROOT, "%.2f", c));
  }

  public String basisSignature() {
    return t(Msg.BASIS_SIGNATURE);
  }

  public String basisSymptom() {
    return t(Msg.BASIS_SYMPTOM);
  }

  public String evidence(int line) {
    return t(Msg.EVIDENCE_LINE, line);
  }

  public String references() {
    return t(Msg.REFERENCES);
  }

  public String details(String id) {
    return t(Msg.DETAILS) + ": " + command("show " + id);
  }

  public String share() {
    return t(Msg.SHARE);
  }

  public String runChecks() {
    return t(Msg.RUN_CHECKS);
  }

  public String helpful() {
    return t(Msg.HELPFUL);
  }

  public String notIt() {
    return t(Msg.NOT_IT);
  }

  /** The label of the button that shows the answer in the other language, in that language. */
  public String otherLanguage() {
    return t(Msg.OTHER_LANGUAGE);
  }

  public String sharedBy(String userId) {
    return t(Msg.SHARED_BY, "<@" + userId + ">");
  }

  /** "Known issue: title (0.97)" or "Failure mode: title (0.97)", from the kind's name. */
  public String answerFallback(String kind, String title, double confidence) {
    return kind.substring(0, 1).toUpperCase(Locale.ROOT)
        + kind.substring(1)
        + ": "
        + title
        + String.format(Locale.ROOT, " (%.2f)", confidence);
  }

  /** "Very long paste: only its start and end were read.", or what else was not read. */
  public String truncatedPaste(Truncation truncation) {
    return "_" + t(Msg.TRUNCATED_PASTE, KnowledgeTexts.truncation(truncation)) + "_";
  }

  public String truncatedMessage(String id) {
    return "_" + t(Msg.TRUNCATED_MESSAGE) + "_ " + command("show " + id);
  }

  public String noMatch() {
    return t(Msg.NO_MATCH_IN_TEXT, "*" + t(Msg.NO_MATCH) + "*");
  }

  public String noMatchFallback() {
    return t(Msg.NO_MATCH);
  }

  public String closest() {
    return t(Msg.CLOSEST);
  }

  public String collectNext() {
    return "*" + t(Msg.COLLECT_NEXT) + "*";
  }

  public String emptyCommand() {
    return t(Msg.EMPTY_COMMAND);
  }

  public String help() {
    return withCommands(Msg.HELP, Msg.PASTED_ERROR);
  }

  /** {@code key} with the five commands it lists, the first naming what to paste so. */
  private String withCommands(Msg key, Msg paste) {
    return t(
        key,
        command(t(paste)),
        command("list"),
        command("show <id>"),
        command("check [<id>]"),
        command("lang it|en"));
  }

  public String helpFallback() {
    return t(Msg.HELP_FALLBACK);
  }

  public String listTitle() {
    return t(Msg.LIST_TITLE);
  }

  public String noEntry(String id, String suggestion) {
    return t(
        Msg.NO_ENTRY,
        Mrkdwn.code(id),
        suggestion == null ? "" : t(Msg.DID_YOU_MEAN_ENTRY, Mrkdwn.code(suggestion)),
        command("list"));
  }

  public String showUsage() {
    return t(Msg.SHOW_USAGE, command("show <id>"));
  }

  public String signatures() {
    return t(Msg.SIGNATURES);
  }

  public String langSet() {
    return t(Msg.LANG_SET);
  }

  public String langUsage() {
    return t(Msg.LANG_USAGE, command("lang it"), command("lang en"));
  }

  public String didYouMean(String word, String suggestion) {
    return t(Msg.DID_YOU_MEAN_COMMAND, Mrkdwn.code(word), command(suggestion), command("help"));
  }

  public String checksTitle(String context) {
    return t(Msg.CHECKS_TITLE, "*" + t(Msg.CHECKS) + "*", context);
  }

  public String checksProgress(int done, int total) {
    return t(Msg.CHECKS_PROGRESS, done, total);
  }

  public String checksDone(int total) {
    return t(Msg.CHECKS_DONE, total);
  }

  public String checkRunning() {
    return t(Msg.CHECK_RUNNING);
  }

  public String verdict(Verdict v) {
    return switch (v) {
      case CONFIRMED -> t(Msg.VERDICT_CONFIRMED);
      case NOT_AFFECTED -> t(Msg.VERDICT_NOT_AFFECTED);
      case INCONCLUSIVE -> t(Msg.VERDICT_INCONCLUSIVE);
      case UNAVAILABLE -> t(Msg.VERDICT_UNAVAILABLE);
    };
  }

  public String checksLegend() {
    return t(Msg.CHECKS_LEGEND);
  }

  public String checksFallback(int done, int total, int confirmed) {
    return t(Msg.CHECKS_FALLBACK, done, total, confirmed);
  }

  public String checksUnavailable(String reason) {
    return t(Msg.CHECKS_UNAVAILABLE, reason);
  }

  public String checksRefused(Set<String> users, Set<String> channels) {
    if (users.isEmpty() && channels.isEmpty()) {
      return t(Msg.CHECKS_REFUSED_NOBODY);
    }
    List<String> who = new ArrayList<>();
    users.stream().sorted().forEach(u -> who.add("<@" + u + ">"));
    String people = String.join(", ", who);
    String places = String.join(", ", channels.stream().sorted().map(c -> "<#" + c + ">").toList());
    StringBuilder sb = new StringBuilder(t(Msg.CHECKS_REFUSED)).append(' ');
    if (!people.isEmpty()) {
      sb.append(t(Msg.CHECKS_REFUSED_PEOPLE, people));
      sb.append(places.isEmpty() ? "." : t(Msg.CHECKS_REFUSED_OR_PLACES, places) + ".");
    } else {
      sb.append(t(Msg.CHECKS_REFUSED_PLACES, places)).append('.');
    }
    return sb.append(' ').append(t(Msg.CHECKS_REFUSED_ASK)).toString();
  }

  public String noChecks(String ids) {
    return t(Msg.NO_CHECKS, ids);
  }

  public String noCheckEntry(String id) {
    return t(Msg.NO_CHECK_ENTRY, Mrkdwn.code(id));
  }

  public String thanks() {
    return t(Msg.THANKS);
  }

  public String alreadyNoted() {
    return t(Msg.ALREADY_NOTED);
  }

  public String whichWasIt() {
    return t(Msg.WHICH_WAS_IT);
  }

  public String whichWasItFallback() {
    return t(Msg.WHICH_WAS_IT_FALLBACK);
  }

  public String pickEntry() {
    return t(Msg.PICK_ENTRY);
  }

  public String noneOfThese() {
    return t(Msg.NONE_OF_THESE);
  }

  public String notedActual(String title, String id) {
    return t(Msg.NOTED_ACTUAL, title, Mrkdwn.code(id));
  }

  public String notedNewIssue() {
    return t(Msg.NOTED_NEW_ISSUE);
  }

  public String homeHowTo() {
    return withCommands(Msg.HOME_HOW_TO, Msg.ERROR_PLACEHOLDER);
  }

  public String searchLabel() {
    return t(Msg.SEARCH_LABEL);
  }

  public String searchPlaceholder() {
    return t(Msg.SEARCH_PLACEHOLDER);
  }

  public String searchHint() {
    return t(Msg.SEARCH_HINT);
  }

  public String searchButton() {
    return t(Msg.SEARCH_BUTTON);
  }

  public String resultsFor(String query) {
    return t(Msg.RESULTS_FOR, query);
  }

  public String nothingFound(String query) {
    return t(Msg.NOTHING_FOUND, query);
  }

  public String knownIssuesTitle() {
    return t(Msg.LIST_TITLE);
  }

  public String homeFooter(int entries) {
    return t(Msg.HOME_FOOTER, entries, command("show <id>"));
  }

  public String homeTruncated() {
    return t(Msg.HOME_TRUNCATED, command("list"));
  }

  public String digestTitle() {
    return t(Msg.DIGEST_TITLE);
  }

  public String digestIntro() {
    return t(Msg.DIGEST_INTRO);
  }

  public String digestPaste() {
    return t(Msg.DIGEST_PASTE);
  }

  public String digestSeen(String pasteLink, String date) {
    return t(Msg.DIGEST_SEEN, pasteLink, date);
  }

  public String digestFallback(int issues) {
    return t(Msg.DIGEST_FALLBACK, issues);
  }

  public String filesUnreadable(List<String> files) {
    return t(Msg.FILES_UNREADABLE, String.join(", ", files.stream().map(Mrkdwn::code).toList()));
  }

  public String mentionEmpty() {
    return t(Msg.MENTION_EMPTY);
  }

  public String notInChannel() {
    return t(Msg.NOT_IN_CHANNEL);
  }

  /** Both languages: said on the request path, where looking up the user's would cost time. */
  public static String busy() {
    return Catalog.get(Msg.BUSY, Language.IT) + " / " + Catalog.get(Msg.BUSY, Language.EN);
  }

  public String failed(String ref) {
    return t(Msg.FAILED, ref);
  }
}
