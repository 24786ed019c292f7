package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.bot.text.Catalog;
import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.analysis.Truncation;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Kind;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Section;
import java.util.List;

/**
 * How an entry is presented according to its kind, in words shared by the terminal and Slack: a
 * known issue answers with its fix (and its affected versions, elsewhere); a failure mode answers
 * with what the message means, how to tell its causes apart and what to do.
 */
public final class KnowledgeTexts {
  private KnowledgeTexts() {}

  /** "known issue" / "failure mode", lower case, in {@code lang}. */
  public static String kind(Kind kind, Language lang) {
    return switch (kind) {
      case KNOWN_ISSUE -> Catalog.get(Msg.KIND_KNOWN_ISSUE, lang);
      case FAILURE_MODE -> Catalog.get(Msg.KIND_FAILURE_MODE, lang);
    };
  }

  /**
   * What part of a paste was read, for "input too long: …": the start and end of a long paste, the
   * first MiB of a long line, or both.
   */
  public static Message truncation(Truncation truncation) {
    return Message.of(
        switch (truncation) {
          case ENDS -> Msg.CUT_ENDS;
          case LINE_STARTS -> Msg.CUT_LINE_STARTS;
          case ENDS_AND_LINE_STARTS -> Msg.CUT_ENDS_AND_LINE_STARTS;
          case SOME, NONE -> Msg.CUT_SOME;
        });
  }

  /** The sections of the body an answer shows, in order. */
  public static List<Section> answerSections(Kind kind) {
    return kind == Kind.FAILURE_MODE
        ? List.of(Section.SYMPTOM, Section.CAUSE, Section.RESOLUTION, Section.WORKAROUND)
        : List.of(Section.RESOLUTION, Section.WORKAROUND);
  }

  /**
   * The heading a section is shown under: the entry file's own heading for a known issue; for a
   * failure mode, what the section answers ("What it means", "How to tell the causes apart", "What
   * to do").
   */
  public static String heading(Section section, Kind kind, Language lang) {
    if (kind != Kind.FAILURE_MODE) {
      return section.heading(lang);
    }
    return switch (section) {
      case SYMPTOM -> Catalog.get(Msg.HEADING_SYMPTOM, lang);
      case CAUSE -> Catalog.get(Msg.HEADING_CAUSE, lang);
      case RESOLUTION -> Catalog.get(Msg.HEADING_RESOLUTION, lang);
      case WORKAROUND -> section.heading(lang);
    };
  }

  /** Whether to show affected and fixed versions: only a known issue has them. */
  public static boolean showsVersions(Entry e) {
    return e.kind() == Kind.KNOWN_ISSUE;
  }

  /**
   * The title of a pack in lists: what the bundled packs hold, or "extra entries" with the name of
   * a team's folder.
   */
  public static String pack(String pack, Language lang) {
    return Catalog.get(
        switch (pack) {
          case "gke-runtime" -> Msg.PACK_GKE_RUNTIME;
          case "everyday" -> Msg.PACK_EVERYDAY;
          default -> Msg.PACK_EXTRA;
        },
        lang);
  }
}
