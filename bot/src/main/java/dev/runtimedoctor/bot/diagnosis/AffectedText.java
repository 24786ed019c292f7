package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.bot.text.Catalog;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Affected;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.version.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which nodes an entry affects and what fixes it, in words, for the terminal and for Slack: the one
 * place that decides which of those lines an answer shows and what they say.
 */
public final class AffectedText {
  private AffectedText() {}

  /**
   * One labelled line, "Affected: Linux nodes · GKE …" once a renderer has put its markup around
   * the label.
   *
   * @param label "Affected" or "Fixed in", capitalised, in the reader's language
   * @param value the versions, plain text
   */
  public record Line(String label, String value) {
    public Line {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The version lines of {@code e}'s answer: none for a failure mode; for a known issue what it
   * affects, then what fixes it when something does.
   */
  public static List<Line> lines(Entry e, Language lang) {
    if (!KnowledgeTexts.showsVersions(e)) {
      return List.of();
    }
    List<Line> out = new ArrayList<>();
    out.add(new Line(Catalog.get(Msg.AFFECTED, lang), affected(e.affected(), lang)));
    String fixed = fixed(e.affected());
    if (!fixed.isEmpty()) {
      out.add(new Line(Catalog.get(Msg.FIXED_IN, lang), fixed));
    }
    return List.copyOf(out);
  }

  /**
   * "Linux nodes · GKE <= 1.24.6-gke.1500 · containerd 1.5.0 - 1.6.5"; "GKE all versions" when the
   * entry says {@code all}, "GKE: the page names no affected versions" when it names none.
   */
  public static String affected(Affected a, Language lang) {
    List<String> parts = new ArrayList<>();
    parts.add(
        Catalog.get(
            switch (a.platform()) {
              case WINDOWS -> Msg.NODES_WINDOWS;
              case LINUX -> Msg.NODES_LINUX;
              case ANY -> Msg.NODES_ALL;
            },
            lang));
    // No GKE ranges means the source names none: "all versions" would claim what it does not.
    // An entry whose source says every version is affected says `all`.
    parts.add(
        a.gke().isEmpty()
            ? Catalog.get(Msg.GKE_NO_VERSIONS, lang)
            : "GKE " + ranges(a.gke(), lang));
    if (!a.containerd().isEmpty()) {
      parts.add("containerd " + ranges(a.containerd(), lang));
    }
    return String.join(" · ", parts);
  }

  private static String ranges(List<VersionRange> ranges, Language lang) {
    return ranges.stream()
        .map(
            r ->
                r.lower().isEmpty() && r.upper().isEmpty()
                    ? Catalog.get(Msg.ALL_VERSIONS, lang)
                    : r.toString())
        .collect(Collectors.joining(", "));
  }

  /** "GKE 1.24.6-gke.1500 · containerd 1.6.6", or an empty string when nothing fixes it. */
  public static String fixed(Affected a) {
    List<String> parts = new ArrayList<>();
    if (!a.fixedGke().isEmpty()) {
      parts.add(
          "GKE " + a.fixedGke().stream().map(Object::toString).collect(Collectors.joining(", ")));
    }
    if (!a.fixedContainerd().isEmpty()) {
      parts.add(
          "containerd "
              + a.fixedContainerd().stream()
                  .map(Object::toString)
                  .collect(Collectors.joining(", ")));
    }
    return String.join(" · ", parts);
  }
}
