package dev.runtimedoctor.knowledge.entry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One language's part of an entry body: Markdown per section. */
public record EntryBody(Map<Section, String> sections) {
  public EntryBody {
    Objects.requireNonNull(sections, "sections");
    sections = sections.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(sections));
  }

  /** The Markdown of a section, when the entry has it. */
  public Optional<String> section(Section section) {
    return Optional.ofNullable(sections.get(section));
  }

  /** Every section's Markdown joined, for full-text indexing. */
  public String text() {
    return String.join("\n\n", sections.values());
  }
}
