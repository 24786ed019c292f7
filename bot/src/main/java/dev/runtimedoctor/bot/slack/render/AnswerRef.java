package dev.runtimedoctor.bot.slack.render;

import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Basis;
import dev.runtimedoctor.knowledge.match.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the buttons under an answer stand for, carried in their value: the answer's id (its cached
 * copy, with evidence), its language, the paste's fingerprint and the entries it named — enough to
 * rebuild the answer after a restart or on another replica, and to log feedback without the text.
 *
 * @param fingerprint the answered paste's {@link dev.runtimedoctor.bot.feedback.PasteFingerprint}
 */
public record AnswerRef(String id, Language language, String fingerprint, List<Item> items) {
  /** One entry the answer named. */
  public record Item(String entry, double confidence, Basis basis) {
    public Item {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(basis, "basis");
      confidence = Math.max(0, Math.min(1, confidence));
    }
  }

  public AnswerRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(fingerprint, "fingerprint");
    items = List.copyOf(items);
    if (id.contains("|") || fingerprint.contains("|")) {
      throw new IllegalArgumentException("'|' separates the fields");
    }
  }

  /** The reference of answer {@code a} cached under {@code id}. */
  public static AnswerRef of(String id, Answer a, String fingerprint) {
    List<Item> items = new ArrayList<>();
    for (Match m : a.matches()) {
      items.add(new Item(m.entry().id(), m.confidence(), m.basis()));
    }
    return new AnswerRef(id, a.language(), fingerprint, items);
  }

  /** The ids of the entries named, best first. */
  public List<String> entryIds() {
    return items.stream().map(Item::entry).toList();
  }

  /** The same answer in {@code other} language. */
  public AnswerRef in(Language other) {
    return new AnswerRef(id, other, fingerprint, items);
  }

  /** {@code id|lang|fingerprint|entry:confidence:BASIS,…}, a button's value. */
  String encode() {
    StringBuilder sb =
        new StringBuilder(id)
            .append('|')
            .append(language.code())
            .append('|')
            .append(fingerprint)
            .append('|');
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      sb.append(i == 0 ? "" : ",")
          .append(item.entry())
          .append(':')
          .append(String.format(Locale.ROOT, "%.2f", item.confidence()))
          .append(':')
          .append(item.basis().name());
    }
    return sb.toString();
  }

  /** Reads a button's value; empty when it was not made by {@link #encode()}. */
  public static Optional<AnswerRef> decode(String value) {
    String[] parts = value == null ? new String[0] : value.split("\\|", 4);
    if (parts.length < 4) {
      return Optional.empty();
    }
    Optional<Language> language = Language.fromCode(parts[1]);
    if (language.isEmpty()) {
      return Optional.empty();
    }
    List<Item> items = new ArrayList<>();
    for (String item : parts[3].split(",")) {
      String[] f = item.split(":");
      if (f.length != 3) {
        continue;
      }
      try {
        items.add(new Item(f[0], Double.parseDouble(f[1]), Basis.valueOf(f[2])));
      } catch (IllegalArgumentException e) {
        // A value not made by this bot: skip the item.
      }
    }
    return Optional.of(new AnswerRef(parts[0], language.get(), parts[2], items));
  }
}
