package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.diagnosis.AffectedText;
import dev.runtimedoctor.bot.diagnosis.KnowledgeTexts;
import dev.runtimedoctor.bot.diagnosis.NextSteps;
import dev.runtimedoctor.bot.text.Catalog;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Section;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Evidence;
import dev.runtimedoctor.knowledge.match.Match;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/** What {@code ask} prints for a person in a terminal. */
final class TerminalReport {
  private final Language lang;

  TerminalReport(Language lang) {
    this.lang = lang;
  }

  /**
   * Prints the answer to {@code paste} (or what to collect next when nothing explains it), every
   * echoed text stripped of terminal control sequences.
   */
  void print(Diagnosis d, String paste, PrintWriter terminal) {
    StringWriter report = new StringWriter();
    printTo(d, paste, new PrintWriter(report));
    terminal.print(TerminalText.safe(report.toString()));
    terminal.flush();
  }

  private void printTo(Diagnosis d, String paste, PrintWriter out) {
    List<Match> confident = d.confident();
    if (confident.isEmpty()) {
      printNoMatch(d, paste, out);
    }
    boolean first = true;
    for (Match m : confident) {
      if (!first) {
        out.println();
      }
      first = false;
      printMatch(m, out);
    }
    // Said with no answer too: the part not read may hold the error.
    if (d.truncated()) {
      out.println();
      out.println(
          "(" + t(Msg.TRUNCATED_INPUT, KnowledgeTexts.truncation(d.paste().truncation())) + ")");
    }
  }

  private void printMatch(Match m, PrintWriter out) {
    Entry e = m.entry();
    out.printf(
        Locale.ROOT,
        "%s  %s · %s%n",
        e.id(),
        label(Msg.CONFIDENCE, String.format(Locale.ROOT, "%.2f", m.confidence())),
        KnowledgeTexts.kind(e.kind(), lang));
    out.println("  " + e.title().get(lang));
    for (Evidence ev : m.evidence()) {
      out.printf(Locale.ROOT, "  %s: %s%n", label(Msg.LINE, ev.line()), ev.text());
    }
    for (String v : versionLines(e, lang)) {
      out.println("  " + v);
    }
    for (Section s : sections(e)) {
      out.println();
      out.println("  " + KnowledgeTexts.heading(s, e.kind(), lang).toUpperCase(Locale.ROOT));
      for (String line : e.body(lang).section(s).orElse("").split("\n")) {
        out.println("    " + line);
      }
    }
    if (!e.references().isEmpty()) {
      out.println();
      out.println("  " + label(Msg.REFERENCES) + ":");
      for (String r : e.references()) {
        out.println("    " + r);
      }
    }
    out.println();
    out.println(
        "  " + label(Msg.DETAILS) + ": runtime-doctor show " + e.id() + " --lang " + lang.code());
  }

  /** The sections to print: a known issue's fix; a failure mode's meaning, causes and fix. */
  private List<Section> sections(Entry e) {
    if (KnowledgeTexts.showsVersions(e)) {
      return List.of(Section.RESOLUTION);
    }
    return KnowledgeTexts.answerSections(e.kind()).stream()
        .filter(s -> e.body(lang).section(s).isPresent())
        .toList();
  }

  private void printNoMatch(Diagnosis d, String paste, PrintWriter out) {
    out.println(t(Msg.NO_MATCH) + ".");
    if (!d.matches().isEmpty()) {
      out.println();
      out.println(t(Msg.CLOSEST));
      for (Match m : d.matches()) {
        out.printf(
            Locale.ROOT,
            "  %.2f  %-38s %s%n",
            m.confidence(),
            m.entry().id(),
            m.entry().title().get(lang));
      }
    }
    out.println();
    out.println(t(Msg.COLLECT_NEXT));
    for (String s : NextSteps.forPaste(paste, lang)) {
      out.println("  - " + s.replace("`", ""));
    }
  }

  /**
   * A known issue's version lines as the terminal prints them, "affected: …" then "fixed in: …";
   * none for a failure mode.
   */
  static List<String> versionLines(Entry e, Language lang) {
    return AffectedText.lines(e, lang).stream()
        .map(l -> l.label().toLowerCase(Locale.ROOT) + ": " + l.value())
        .toList();
  }

  private String t(Msg key, Object... args) {
    return Catalog.get(key, lang, args);
  }

  /** A label as the terminal prints it: lower case ("affected: …", "line 3: …"). */
  private String label(Msg key, Object... args) {
    return t(key, args).toLowerCase(Locale.ROOT);
  }
}
