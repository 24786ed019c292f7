package dev.runtimedoctor.knowledge.entry;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The placeholders a signature may contain for the variable parts of an error ({@code <ip-range>},
 * {@code <sha256>}, …): the parser accepts these and only these, and the masker writes the same
 * ones into a paste, so both read alike. The matcher takes any placeholder as "anything here".
 */
public enum Placeholder {
  // Written by the masker too: it recognises these in a paste.
  IP("ip"),
  IP_RANGE("ip-range"),
  CIDR("cidr"),
  SHA256("sha256"),
  ID("id"),
  UUID("uuid"),
  PATH("path"),
  URL("url"),
  N("n"),
  DURATION("duration"),
  VERSION("version"),
  // Written by entry authors only: a name or an image looks like any other word, so the masker
  // leaves it in the paste, and the placeholder simply matches whatever words stand there.
  POD_UID("pod-uid"),
  IMAGE("image"),
  NAME("name"),
  POD_NAME("pod-name"),
  NAMESPACE("namespace"),
  CONTAINER_NAME("container-name"),
  JSON("json"),
  HOST("host");

  private static final Set<String> NAMES =
      Arrays.stream(values()).map(Placeholder::label).collect(Collectors.toUnmodifiableSet());

  private final String label;
  private final String token;

  Placeholder(String label) {
    this.label = label;
    this.token = "<" + label + ">";
  }

  /** The name between the brackets, as entry authors write it: {@code ip-range}. */
  public String label() {
    return label;
  }

  /** The placeholder as it stands in a signature or a masked line: {@code <ip-range>}. */
  public String token() {
    return token;
  }

  /** The placeholder called {@code label} (without brackets), if there is one. */
  public static Optional<Placeholder> byLabel(String label) {
    return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
  }

  /** Every label, for "did you mean" suggestions. */
  public static Set<String> labels() {
    return NAMES;
  }

  /**
   * Whether the word of masked text that starts at {@code start} is a placeholder: the log
   * tokenizer keeps a bracketed name whole and starts no other word with {@code <}. Unknown names
   * count too: a paste's {@code <redacted>} stands for a value as much as {@code <ip>} does.
   */
  public static boolean startsAt(CharSequence text, int start) {
    return text.charAt(start) == '<';
  }
}
