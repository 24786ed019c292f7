package dev.runtimedoctor.bot.slack;

import dev.runtimedoctor.bot.cluster.Verdict;
import dev.runtimedoctor.bot.slack.render.Mrkdwn;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the bot says in Slack, in each language: wording kept apart from the logic that picks it.
 */
public final class Texts {
  private final Language lang;

  public Texts(Language lang) {
    this.lang = lang;
  }

  public Language language() {
    return lang;
  }

  private String t(String it, String en) {
    return lang == Language.IT ? it : en;
  }

  public String confidence(double c) {
    return t("Confidenza", "Confidence") + " " + String.format(Locale.ROOT, "%.2f", c);
  }

  public String basisSignature() {
    return t("messaggio di errore riconosciuto", "error message recognised");
  }

  public String basisSymptom() {
    return t("sintomo descritto", "symptom described");
  }

  public String evidence(int line) {
    return t("Riga " + line + " del testo incollato", "Line " + line + " of the paste");
  }

  public String affected() {
    return t("Interessati", "Affected");
  }

  public String fixedIn() {
    return t("Risolto in", "Fixed in");
  }

  public String references() {
    return t("Riferimenti", "References");
  }

  public String details(String id) {
    return t("Dettagli: ", "Details: ") + Mrkdwn.code(SlackSurface.COMMAND + " show " + id);
  }

  public String share() {
    return t("Condividi nel canale", "Share in channel");
  }

  public String runChecks() {
    return t("Controlla il cluster", "Run cluster checks");
  }

  public String helpful() {
    return t("Utile", "Helpful");
  }

  public String notIt() {
    return t("Non è questo", "Not it");
  }

  /** The label of the button that shows the answer in the other language, in that language. */
  public String otherLanguage() {
    return t("English", "Italiano");
  }

  public String sharedBy(String userId) {
    return t("Condiviso da ", "Shared by ") + "<@" + userId + ">";
  }

  /** "Known issue: title (0.97)" or "Failure mode: title (0.97)", from the kind's name. */
  public String answerFallback(String kind, String title, double confidence) {
    return kind.substring(0, 1).toUpperCase(Locale.ROOT)
        + kind.substring(1)
        + ": "
        + title
        + String.format(Locale.ROOT, " (%.2f)", confidence);
  }

  public String truncatedPaste() {
    return t(
        "_Testo molto lungo: ho letto solo l'inizio e la fine._",
        "_Very long paste: only its start and end were read._");
  }

  public String truncatedMessage(String id) {
    return t("_Risposta accorciata: il resto con_ ", "_Answer shortened: the rest with_ ")
        + Mrkdwn.code(SlackSurface.COMMAND + " show " + id);
  }

  public String noMatch() {
    return t(
        "*Nessun problema noto riconosciuto* in questo testo.",
        "*No known issue recognised* in this text.");
  }

  public String noMatchFallback() {
    return t("Nessun problema noto riconosciuto", "No known issue recognised");
  }

  public String closest() {
    return t("Le voci più vicine (confidenza bassa):", "Closest entries (low confidence):");
  }

  public String collectNext() {
    return t("*Da raccogliere per capirne di più:*", "*What to collect next:*");
  }

  String emptyCommand() {
    return t(
        "Incolla l'errore dopo il comando, per esempio:",
        "Paste the error after the command, for example:");
  }

  public String help() {
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
            + Mrkdwn.code(c + " check [<id>]")
            + " controlla il cluster (in sola lettura), se sei autorizzato\n"
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
            + Mrkdwn.code(c + " check [<id>]")
            + " checks the cluster (read-only), if you are allowed\n"
            + "• "
            + Mrkdwn.code(c + " lang it|en")
            + " picks the language of my answers\n"
            + "In channels I am in I answer on my own, in the thread, when I recognise an "
            + "error; mention me to have a message or the thread diagnosed.");
  }

  public String helpFallback() {
    return t("Come usare Runtime Doctor", "How to use Runtime Doctor");
  }

  public String listTitle() {
    return t("Cosa conosco", "What I know");
  }

  public String noEntry(String id, String suggestion) {
    return t("Non conosco la voce ", "There is no entry ")
        + Mrkdwn.code(id)
        + (suggestion == null
            ? ""
            : t(", forse intendevi ", ", did you mean ") + Mrkdwn.code(suggestion) + "?")
        + t(
            " (" + Mrkdwn.code(SlackSurface.COMMAND + " list") + " le elenca tutte)",
            " (" + Mrkdwn.code(SlackSurface.COMMAND + " list") + " lists them all)");
  }

  public String showUsage() {
    return t("Quale voce? ", "Which entry? ") + Mrkdwn.code(SlackSurface.COMMAND + " show <id>");
  }

  public String signatures() {
    return t("Messaggi di errore riconosciuti", "Error messages recognised");
  }

  public String langSet() {
    return t("D'ora in poi ti rispondo in italiano.", "From now on I'll answer you in English.");
  }

  public String langUsage() {
    return t("Lingue disponibili: ", "Available languages: ")
        + Mrkdwn.code(SlackSurface.COMMAND + " lang it")
        + t(" oppure ", " or ")
        + Mrkdwn.code(SlackSurface.COMMAND + " lang en");
  }

  public String didYouMean(String word, String suggestion) {
    return t("Non conosco il comando ", "Unknown subcommand ")
        + Mrkdwn.code(word)
        + t(", forse intendevi ", ", did you mean ")
        + Mrkdwn.code(SlackSurface.COMMAND + " " + suggestion)
        + "? "
        + Mrkdwn.code(SlackSurface.COMMAND + " help")
        + t(" mostra cosa so fare.", " shows what I can do.");
  }

  public String checksTitle(String context) {
    return t("*Controlli sul cluster* ", "*Cluster checks* on ")
        + context
        + t(" (sola lettura)", " (read-only)");
  }

  public String checksProgress(int done, int total) {
    return t(done + " di " + total + " completati", done + " of " + total + " done");
  }

  public String checksDone(int total) {
    return t("completati tutti e " + total, "all " + total + " done");
  }

  public String checkRunning() {
    return t("in corso…", "running…");
  }

  public String verdict(Verdict v) {
    return switch (v) {
      case CONFIRMED -> t("confermato", "confirmed");
      case NOT_AFFECTED -> t("non interessato", "not affected");
      case INCONCLUSIVE -> t("non concludente", "inconclusive");
      case UNAVAILABLE -> t("non disponibile", "unavailable");
    };
  }

  public String checksLegend() {
    return t(
        "confermato: il cluster mostra il problema · non interessato: versioni o piattaforma lo"
            + " escludono · non concludente: mancano prove (gli eventi scadono dopo circa un'ora)",
        "confirmed: the cluster shows the issue · not affected: versions or platform rule it out"
            + " · inconclusive: evidence missing (events expire after about an hour)");
  }

  public String checksFallback(int done, int total, int confirmed) {
    return t(
        "Controlli sul cluster: " + done + "/" + total + ", " + confirmed + " confermati",
        "Cluster checks: " + done + "/" + total + ", " + confirmed + " confirmed");
  }

  public String checksUnavailable(String reason) {
    return t("Controlli sul cluster non disponibili: ", "Cluster checks unavailable: ") + reason;
  }

  public String checksRefused(Set<String> users, Set<String> channels) {
    if (users.isEmpty() && channels.isEmpty()) {
      return t(
          "I controlli sul cluster non sono abilitati per nessuno in questa installazione: chi"
              + " gestisce il bot può indicare chi può eseguirli con `CHECKS_ALLOWED_USERS` o"
              + " `CHECKS_ALLOWED_CHANNELS`.",
          "Cluster checks are not enabled for anyone in this installation: whoever runs the bot"
              + " can name who may run them with `CHECKS_ALLOWED_USERS` or"
              + " `CHECKS_ALLOWED_CHANNELS`.");
    }
    List<String> who = new ArrayList<>();
    users.stream().sorted().forEach(u -> who.add("<@" + u + ">"));
    String people = String.join(", ", who);
    String places = String.join(", ", channels.stream().sorted().map(c -> "<#" + c + ">").toList());
    StringBuilder sb =
        new StringBuilder(
            t(
                "Mi dispiace, non posso eseguire i controlli sul cluster per te qui. ",
                "Sorry, I can't run cluster checks for you here. "));
    if (!people.isEmpty()) {
      sb.append(t("Possono eseguirli ", "They may be run by ")).append(people);
      sb.append(
          places.isEmpty() ? "." : t(", oppure chiunque in ", ", or by anyone in ") + places + ".");
    } else {
      sb.append(t("Chiunque può eseguirli in ", "Anyone may run them in "))
          .append(places)
          .append('.');
    }
    sb.append(
        t(
            " Chiedi a loro, o a chi gestisce il bot di aggiungerti.",
            " Ask one of them, or ask whoever runs the bot to add you."));
    return sb.toString();
  }

  public String noChecks(String ids) {
    return t("Nessun controllo sul cluster per ", "There are no cluster checks for ") + ids + ".";
  }

  public String noCheckEntry(String id) {
    return t("La voce ", "The entry ")
        + Mrkdwn.code(id)
        + t(" non ha controlli sul cluster.", " has no cluster checks.");
  }

  public String thanks() {
    return t("Grazie, ne terrò conto.", "Thanks, noted.");
  }

  public String alreadyNoted() {
    return t("L'avevo già annotato, grazie.", "Already noted, thanks.");
  }

  public String whichWasIt() {
    return t(
        "Grazie. Quale problema noto era? Scegli *nessuno di questi* se è un problema nuovo: ne"
            + " conservo l'impronta (non il testo) come candidato per una nuova voce.",
        "Thanks. Which known issue was it? Pick *none of these* if it is a new one: I keep the"
            + " paste's fingerprint (not its text) as a candidate for a new entry.");
  }

  public String whichWasItFallback() {
    return t("Quale problema noto era?", "Which known issue was it?");
  }

  public String pickEntry() {
    return t("Scegli una voce", "Pick an entry");
  }

  public String noneOfThese() {
    return t("Nessuno di questi: un problema nuovo", "None of these: a new issue");
  }

  public String notedActual(String title, String id) {
    return t("Annotato: era *", "Noted: it was *")
        + title
        + "* "
        + Mrkdwn.code(id)
        + t(". Grazie!", ". Thanks!");
  }

  public String notedNewIssue() {
    return t("Annotato come problema nuovo. Grazie!", "Noted as a new issue. Thanks!");
  }

  public String homeHowTo() {
    String c = SlackSurface.COMMAND;
    return t(
        "Riconosco negli errori incollati i problemi noti del runtime dei container di GKE e"
            + " gli errori comuni di pod e nodi.\n"
            + "• *Nei canali* in cui sono presente rispondo da solo, nel thread, quando riconosco"
            + " un errore; nei canali di incidente tengo un riepilogo aggiornato.\n"
            + "• *Menzionami* con l'errore, o in risposta al messaggio da analizzare.\n"
            + "• *Scorciatoia* _Diagnose this message_ nel menu di un messaggio: la risposta"
            + " la vedi solo tu.\n"
            + "• "
            + Mrkdwn.code(c + " <errore>")
            + ", "
            + Mrkdwn.code(c + " list")
            + ", "
            + Mrkdwn.code(c + " show <id>")
            + ", "
            + Mrkdwn.code(c + " check [<id>]")
            + ", "
            + Mrkdwn.code(c + " lang it|en")
            + ".\n"
            + "Sotto ogni risposta: _Utile_ / _Non è questo_ (mi aiutano a migliorare),"
            + " l'altra lingua e, per chi è autorizzato, i controlli sul cluster.",
        "I recognise known GKE container-runtime issues and the everyday failures of pods and"
            + " nodes in pasted errors.\n"
            + "• *In channels* I am in I answer on my own, in the thread, when I recognise an"
            + " error; in incident channels I keep one digest up to date instead.\n"
            + "• *Mention me* with the error, or in reply to the message to diagnose.\n"
            + "• The *shortcut* _Diagnose this message_ in a message's menu: only you see"
            + " the answer.\n"
            + "• "
            + Mrkdwn.code(c + " <error>")
            + ", "
            + Mrkdwn.code(c + " list")
            + ", "
            + Mrkdwn.code(c + " show <id>")
            + ", "
            + Mrkdwn.code(c + " check [<id>]")
            + ", "
            + Mrkdwn.code(c + " lang it|en")
            + ".\n"
            + "Under every answer: _Helpful_ / _Not it_ (they help me improve), the other"
            + " language and, for those allowed, cluster checks.");
  }

  public String searchLabel() {
    return t("Cerca tra le voci", "Search the entries");
  }

  public String searchPlaceholder() {
    return t("un messaggio di errore, un sintomo o un id", "an error message, a symptom or an id");
  }

  public String searchHint() {
    return t("Premi Invio nel campo, oppure", "Press Enter in the field, or");
  }

  public String searchButton() {
    return t("Cerca", "Search");
  }

  public String resultsFor(String query) {
    return t("*Risultati per* ", "*Results for* ") + query + ":";
  }

  public String nothingFound(String query) {
    return t("Nessuna voce corrisponde a ", "No entry matches ") + query + ".";
  }

  public String knownIssuesTitle() {
    return t("Cosa conosco", "What I know");
  }

  public String homeFooter(int entries) {
    return t(entries + " voci · ", entries + " entries · ")
        + Mrkdwn.code(SlackSurface.COMMAND + " show <id>")
        + t(" ne mostra uno per intero", " shows one in full");
  }

  public String homeTruncated() {
    return t("_Elenco accorciato:_ ", "_List shortened:_ ")
        + Mrkdwn.code(SlackSurface.COMMAND + " list");
  }

  public String digestTitle() {
    return t("Problemi noti visti in questo canale", "Known issues seen in this channel");
  }

  public String digestIntro() {
    return t(
        "Aggiorno questo messaggio quando riconosco un altro problema noto qui, invece di"
            + " rispondere a ogni messaggio. Menzionami in un thread per la risposta completa.",
        "I update this message when I recognise another known issue here, instead of answering"
            + " every paste. Mention me in a thread for the full answer.");
  }

  public String digestPaste() {
    return t("il messaggio", "the paste");
  }

  public String digestSeen(String pasteLink, String date) {
    return t("Visto per la prima volta in ", "First seen in ") + pasteLink + " · " + date;
  }

  public String digestFallback(int issues) {
    return t("Problemi noti in questo canale: ", "Known issues in this channel: ") + issues;
  }

  public String filesUnreadable(List<String> files) {
    String names = String.join(", ", files.stream().map(Mrkdwn::code).toList());
    return t(
        "Non riesco a leggere "
            + names
            + ": Slack mi ha mandato la sua pagina di accesso invece del file, il che succede"
            + " quando all'app manca il permesso `files:read`. Un amministratore del workspace"
            + " può aggiungerlo in *OAuth &amp; Permissions* e reinstallare l'app; nel frattempo"
            + " incolla l'errore come testo.",
        "I can't read "
            + names
            + ": Slack sent me its sign-in page instead of the file, which happens when the app"
            + " lacks the `files:read` permission. A workspace admin can add it under *OAuth &amp;"
            + " Permissions* and reinstall the app; meanwhile, paste the error as text.");
  }

  public String mentionEmpty() {
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
  public static String busy() {
    return "Sono molto occupato, riprova fra un minuto. / Too busy right now, try again in a"
        + " minute.";
  }

  public String failed(String ref) {
    return t("Qualcosa è andato storto (rif. ", "Something went wrong (ref ") + ref + ").";
  }
}
