package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.knowledge.entry.Affected;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.version.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Which nodes an entry affects and what fixes it, in words, for the terminal and for Slack. */
public final class AffectedText {
  private AffectedText() {}

  /**
   * "Linux nodes · GKE <= 1.24.6-gke.1500 · containerd 1.5.0 - 1.6.5"; "GKE all versions" when the
   * entry says {@code all}, "GKE: the page names no affected versions" when it names none.
   */
  public static String affected(Affected a, Language lang) {
    List<String> parts = new ArrayList<>();
    parts.add(
        switch (a.platform()) {
          case WINDOWS -> t(lang, "nodi Windows", "Windows nodes");
          case LINUX -> t(lang, "nodi Linux", "Linux nodes");
          case ANY -> t(lang, "tutti i nodi", "all nodes");
        });
    // No GKE ranges means the source names none: "all versions" would claim what it does not.
    // An entry whose source says every version is affected says `all`.
    parts.add(
        a.gke().isEmpty()
            ? t(
                lang,
                "GKE: la pagina non indica versioni interessate",
                "GKE: the page names no affected versions")
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
                    ? t(lang, "tutte le versioni", "all versions")
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

  private static String t(Language lang, String it, String en) {
    return lang == Language.IT ? it : en;
  }
}
