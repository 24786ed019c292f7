package dev.runtimedoctor.knowledge.entry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the knowledge base, a known issue or a failure mode: what machines match on
 * (signatures, symptoms), which nodes it affects, how to confirm it on a cluster, and the Markdown
 * an engineer reads.
 *
 * @param source where the entry was read from, for messages
 *     ("entries/gke-runtime/pod-ip-exhaustion.md")
 * @param kind how an answer presents it ({@code kind:} in front matter, default known issue)
 * @param pack the pack it was loaded from: the folder it sits in ("gke-runtime", "everyday", or the
 *     name of a directory of extra entries)
 */
public record Entry(
    String id,
    String area,
    LocalizedText title,
    List<String> signatures,
    Map<Language, List<String>> symptoms,
    Affected affected,
    List<String> references,
    List<CheckSpec> checks,
    List<String> causedBy,
    Map<Language, EntryBody> body,
    String source,
    Kind kind,
    String pack) {

  /** What an id may look like: it is also the file name. */
  public static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  public Entry {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id '" + id + "' must be lowercase words joined by '-'");
    }
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(affected, "affected");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pack, "pack");
    if (pack.isBlank()) {
      throw new IllegalArgumentException("pack is blank");
    }
    signatures = List.copyOf(signatures);
    references = List.copyOf(references);
    checks = List.copyOf(checks);
    causedBy = List.copyOf(causedBy);
    EnumMap<Language, List<String>> sym = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      sym.put(l, List.copyOf(symptoms.getOrDefault(l, List.of())));
    }
    symptoms = Collections.unmodifiableMap(sym);
    EnumMap<Language, EntryBody> b = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      b.put(l, body.getOrDefault(l, new EntryBody(Map.of())));
    }
    body = Collections.unmodifiableMap(b);
  }

  /** The symptom phrases in {@code language}. */
  public List<String> symptoms(Language language) {
    return symptoms.get(language);
  }

  /** The body in {@code language}. */
  public EntryBody body(Language language) {
    return body.get(language);
  }
}
