package dev.runtimedoctor.knowledge.version;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of versions as entries write it: {@code 1.18}, {@code 1.21 - 1.21.5-gke.1802}, {@code from
 * 1.25.0 to 1.25.15-gke.1040000}, {@code <= 1.24.6-gke.1500}, {@code < 1.6.6}, {@code all}. Short
 * bounds cover their whole line: {@code - 1.21} ends after every 1.21.x.
 */
public record VersionRange(Optional<Bound> lower, Optional<Bound> upper, String text) {

  /** One end of a range. */
  public record Bound(Version version, boolean inclusive) {
    public Bound {
      Objects.requireNonNull(version, "version");
    }
  }

  private static final String VERSION = "(v?\\d+(?:\\.\\d+){0,2}(?:-gke\\.\\d+)?)";
  private static final Pattern SINGLE = Pattern.compile(VERSION);
  private static final Pattern BETWEEN =
      Pattern.compile("(?:(?:from|da)\\s+)?" + VERSION + "\\s*(?:-|to|a|\\.\\.)\\s*" + VERSION);
  private static final Pattern OPEN = Pattern.compile("(<=|<|>=|>)\\s*(\\S+)");

  public VersionRange {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Parses a range.
   *
   * @throws IllegalArgumentException naming the form expected
   */
  public static VersionRange parse(String text) {
    String s = Objects.requireNonNull(text, "range").trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty version range");
    }
    if (s.equals("all") || s.equals("*")) {
      return new VersionRange(Optional.empty(), Optional.empty(), "all");
    }
    Matcher open = OPEN.matcher(s);
    if (open.matches()) {
      Version v = Version.parse(open.group(2));
      Bound b = new Bound(v, open.group(1).endsWith("="));
      boolean isUpper = open.group(1).startsWith("<");
      return new VersionRange(
          isUpper ? Optional.empty() : Optional.of(b),
          isUpper ? Optional.of(b) : Optional.empty(),
          open.group(1) + " " + v);
    }
    if (SINGLE.matcher(s).matches()) {
      Version v = Version.parse(s);
      Bound b = new Bound(v, true);
      return new VersionRange(Optional.of(b), Optional.of(b), v.toString());
    }
    Matcher between = BETWEEN.matcher(s);
    if (between.matches()) {
      Version from = Version.parse(between.group(1));
      Version to = Version.parse(between.group(2));
      if (from.compareToPrefix(to) > 0) {
        throw new IllegalArgumentException(
            "range '" + text + "' ends (" + to + ") before it starts (" + from + ")");
      }
      return new VersionRange(
          Optional.of(new Bound(from, true)), Optional.of(new Bound(to, true)), from + " - " + to);
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a version range (expected e.g. '1.18', '1.21 - 1.21.5-gke.1802',"
            + " '<= 1.24.6-gke.1500', 'all')");
  }

  /** Whether {@code v} falls in this range. */
  public boolean contains(Version v) {
    Objects.requireNonNull(v, "version");
    if (lower.isPresent()) {
      int c = v.compareToPrefix(lower.get().version());
      if (c < 0 || (c == 0 && !lower.get().inclusive())) {
        return false;
      }
    }
    if (upper.isPresent()) {
      int c = v.compareToPrefix(upper.get().version());
      if (c > 0 || (c == 0 && !upper.get().inclusive())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }
}
