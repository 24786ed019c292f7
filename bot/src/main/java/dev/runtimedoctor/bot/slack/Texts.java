package dev.runtimedoctor.bot.slack;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Locale;

/**
 * What the bot says in Slack, in each language: wording kept apart from the logic that picks it.
 */
final class Texts {
  private final Language lang;

  Texts(Language lang) {
    this.lang = lang;
  }

  Language language() {
    return lang;
  }

  private String t(String it, String en) {
    return lang == Language.IT ? it : en;
  }

  String confidence(double c) {
    return t("Confidenza", "Confidence") + " " + String.format(Locale.ROOT, "%.2f", c);
  }

  String basisSignature() {
    return t("messaggio di errore riconosciuto", "error message recognised");
  }

  String basisSymptom() {
    return t("sintomo descritto", "symptom described");
  }

  String evidence(int line) {
    return t("Riga " + line + " del testo incollato", "Line " + line + " of the paste");
  }

  String affected() {
    return t("Interessati", "Affected");
  }

  String fixedIn() {
    return t("Risolto in", "Fixed in");
  }

  String references() {
    return t("Riferimenti", "References");
  }

  String details(String id) {
    return t("Dettagli: ", "Details: ") + Mrkdwn.code(SlackSurface.COMMAND + " show " + id);
  }

  String share() {
    return t("Condividi nel canale", "Share in channel");
  }

  String sharedBy(String userId) {
    return t("Condiviso da ", "Shared by ") + "<@" + userId + ">";
  }

  String knownIssueFallback(String title, double confidence) {
    return t("Problema noto: ", "Known issue: ")
        + title
        + String.format(Locale.ROOT, " (%.2f)", confidence);
  }

  String truncatedPaste() {
    return t(
        "_Testo molto lungo: ho letto solo l'inizio e la fine._",
        "_Very long paste: only its start and end were read._");
  }

  String truncatedMessage(String id) {
    return t("_Risposta accorciata: il resto con_ ", "_Answer shortened: the rest with_ ")
        + Mrkdwn.code(SlackSurface.COMMAND + " show " + id);
  }

  String noMatch() {
    return t(
        "*Nessun problema noto riconosciuto* in questo testo.",
        "*No known issue recognised* in this text.");
  }

  String noMatchFallback() {
    return t("Nessun problema noto riconosciuto", "No known issue recognised");
  }

  String closest() {
    return t("Le voci più vicine (confidenza bassa):", "Closest entries (low confidence):");
  }

  String collectNext() {
    return t("*Da raccogliere per capirne di più:*", "*What to collect next:*");
  }

  String emptyCommand() {
    return t(
        "Incolla l'errore dopo il comando, per esempio:",
        "Paste the error after the command, for example:");
  }

  String help() {
    String c = SlackSurface.COMMAND;
    return t(
        "*Runtime Doctor* riconosce i problemi noti del runtime dei container di GKE.\n"
            + "• "
            + Mrkdwn.code(c + " <errore incollato>")
            + " analizza il testo\n"
            + "• "
            + Mrkdwn.code(c + " list")
            + " elenca i problemi noti\n"
            + "• "
            + Mrkdwn.code(c + " show <id>")
            + " mostra un problema per intero\n"
            + "• "
            + Mrkdwn.code(c + " lang it|en")
            + " sceglie la lingua delle risposte\n"
            + "Nei canali in cui sono presente rispondo da solo, nel thread, quando riconosco "
            + "un errore; menzionami per chiedermi di analizzare un messaggio o il thread.",
        "*Runtime Doctor* recognises known GKE container-runtime issues.\n"
            + "• "
            + Mrkdwn.code(c + " <pasted error>")
            + " diagnoses the text\n"
            + "• "
            + Mrkdwn.code(c + " list")
            + " lists the known issues\n"
            + "• "
            + Mrkdwn.code(c + " show <id>")
            + " shows one issue in full\n"
            + "• "
            + Mrkdwn.code(c + " lang it|en")
            + " picks the language of my answers\n"
            + "In channels I am in I answer on my own, in the thread, when I recognise an "
            + "error; mention me to have a message or the thread diagnosed.");
  }

  String helpFallback() {
    return t("Come usare Runtime Doctor", "How to use Runtime Doctor");
  }

  String listTitle() {
    return t("Problemi noti", "Known issues");
  }

  String noEntry(String id, String suggestion) {
    return t("Non conosco la voce ", "There is no entry ")
        + Mrkdwn.code(id)
        + (suggestion == null
            ? ""
            : t(", forse intendevi ", ", did you mean ") + Mrkdwn.code(suggestion) + "?")
        + t(
            " (" + Mrkdwn.code(SlackSurface.COMMAND + " list") + " le elenca tutte)",
            " (" + Mrkdwn.code(SlackSurface.COMMAND + " list") + " lists them all)");
  }

  String showUsage() {
    return t("Quale voce? ", "Which entry? ") + Mrkdwn.code(SlackSurface.COMMAND + " show <id>");
  }

  String signatures() {
    return t("Messaggi di errore riconosciuti", "Error messages recognised");
  }

  String langSet() {
    return t("D'ora in poi ti rispondo in italiano.", "From now on I'll answer you in English.");
  }

  String langUsage() {
    return t("Lingue disponibili: ", "Available languages: ")
        + Mrkdwn.code(SlackSurface.COMMAND + " lang it")
        + t(" oppure ", " or ")
        + Mrkdwn.code(SlackSurface.COMMAND + " lang en");
  }

  String didYouMean(String word, String suggestion) {
    return t("Non conosco il comando ", "Unknown subcommand ")
        + Mrkdwn.code(word)
        + t(", forse intendevi ", ", did you mean ")
        + Mrkdwn.code(SlackSurface.COMMAND + " " + suggestion)
        + "? "
        + Mrkdwn.code(SlackSurface.COMMAND + " help")
        + t(" mostra cosa so fare.", " shows what I can do.");
  }

  String checksUnavailable() {
    return t(
        "I controlli sul cluster non sono ancora attivi in questa installazione.",
        "Cluster checks are not enabled in this installation yet.");
  }

  String mentionEmpty() {
    return t(
        "Menzionami insieme all'errore, oppure in risposta al messaggio da analizzare nel thread.",
        "Mention me with the error, or in reply to the message to diagnose in its thread.");
  }

  String notInChannel() {
    return t(
        "Non posso scrivere in questo canale: invitami con `/invite @Runtime Doctor`.",
        "I can't post in this channel: invite me with `/invite @Runtime Doctor`.");
  }

  /** Both languages: said on the request path, where looking up the user's would cost time. */
  static String busy() {
    return "Sono molto occupato, riprova fra un minuto. / Too busy right now, try again in a"
        + " minute.";
  }

  String failed(String ref) {
    return t("Qualcosa è andato storto (rif. ", "Something went wrong (ref ") + ref + ").";
  }
}
