package dev.runtimedoctor.knowledge.analysis;

import dev.runtimedoctor.knowledge.entry.Placeholder;

/**
 * Replaces the variable parts of a log line with the placeholders signatures use, so that {@code no
 * IP addresses available in range set: 10.48.131.1-10.48.131.62} and the signature's {@code
 * <ip-range>} read the same: URLs, digests, UUIDs, long hex ids, IP addresses, ranges and CIDRs
 * (also redacted ones such as {@code xx.xx.xx.xxx}), quoted and Windows paths, durations, versions
 * and numbers.
 *
 * <p>One pass over the line, by hand rather than a dozen regular expressions: a 1 MB log is masked
 * in a few milliseconds.
 */
public final class Masker {
  private static final String[] SCHEMES = {"https://", "http://", "unix://", "tcp://", "npipe://"};

  /** A quoted path keeps its quotes: {@code "<path>"}, as signatures quote it. */
  private static final String QUOTED_PATH = '"' + Placeholder.PATH.token() + '"';

  /** kubectl's event counts keep their {@code x}: {@code (x<n> over <duration>)}. */
  private static final String COUNT = "x" + Placeholder.N.token();

  /** A variable part found at some position: where it ends, and what it is. */
  private record Span(int end, Placeholder kind) {}

  private Masker() {}

  /** The line with its variable parts replaced by placeholders. */
  public static String mask(String s) {
    int n = s.length();
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      boolean boundary = i == 0 || !isWordChar(s.charAt(i - 1));
      int end = -1;
      String placeholder = null;
      if (boundary && (c == 'h' || c == 'H' || c == 'u' || c == 't' || c == 'n')) {
        end = url(s, i);
        placeholder = Placeholder.URL.token();
      } else if (boundary && (c == 's' || c == 'S') && s.regionMatches(true, i, "sha256:", 0, 7)) {
        end = hexRun(s, i + 7);
        if (end - (i + 7) < 6) {
          end = -1;
        }
        placeholder = Placeholder.SHA256.token();
      } else if (c == '"' && i + 1 < n && (s.charAt(i + 1) == '/' || isDrive(s, i + 1))) {
        int close = s.indexOf('"', i + 1);
        if (close > 0) {
          end = close + 1;
          placeholder = QUOTED_PATH;
        }
      } else if (boundary && isDrive(s, i)) {
        end = i + 3;
        while (end < n
            && !Character.isWhitespace(s.charAt(end))
            && "\"':".indexOf(s.charAt(end)) < 0) {
          end++;
        }
        placeholder = Placeholder.PATH.token();
      } else if (boundary && (c == 'v' || c == 'V') && i + 1 < n && isDigit(s.charAt(i + 1))) {
        // v1.21.5-gke.1802, as kubelets report their version.
        Span num = number(s, i + 1);
        if (num.end() > 0 && num.kind() == Placeholder.VERSION) {
          end = num.end();
          placeholder = Placeholder.VERSION.token();
        }
      } else if (c == 'x'
          && i > 0
          && s.charAt(i - 1) == '('
          && i + 1 < n
          && isDigit(s.charAt(i + 1))) {
        // kubectl's event counts: (x281 over 58m).
        end = i + 1;
        while (end < n && isDigit(s.charAt(end))) {
          end++;
        }
        placeholder = COUNT;
      } else if ((c == ':' || (boundary && isHex(c))) && ipv6(s, i) > 0) {
        end = ipv6(s, i);
        placeholder = Placeholder.IP.token();
      } else if (boundary && (isDigit(c) || c == 'x' || c == 'X')) {
        Span span = ip(s, i);
        if (span == null && isHex(c)) {
          span = hexId(s, i);
        }
        if (span == null && isDigit(c)) {
          span = number(s, i);
        }
        if (span != null) {
          end = span.end();
          placeholder = span.kind().token();
        }
      } else if (boundary && isHex(c)) {
        Span hex = hexId(s, i);
        if (hex != null) {
          end = hex.end();
          placeholder = hex.kind().token();
        }
      }
      if (end > i) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(s, copied, i).append(placeholder);
        copied = end;
        i = end;
      } else if (isWordChar(c)) {
        // Skip the rest of a word: nothing is masked from its middle ("x509" stays).
        i++;
        while (i < n && isWordChar(s.charAt(i))) {
          i++;
        }
      } else {
        i++;
      }
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }

  private static int url(String s, int i) {
    for (String scheme : SCHEMES) {
      if (s.regionMatches(true, i, scheme, 0, scheme.length())) {
        int j = i + scheme.length();
        while (j < s.length()) {
          char c = s.charAt(j);
          if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>') {
            break;
          }
          j++;
        }
        return j;
      }
    }
    return -1;
  }

  /**
   * The end of an IPv6 address starting at {@code i} ({@code ::1}, {@code fe80::1ff:fe23:4567}), or
   * -1: hex groups of at most four digits joined by colons, with a "::" or seven colons.
   */
  private static int ipv6(String s, int i) {
    if (i > 0 && (isWordChar(s.charAt(i - 1)) || s.charAt(i - 1) == ':')) {
      return -1;
    }
    int n = s.length();
    int j = i;
    int colons = 0;
    int group = 0;
    boolean doubleColon = false;
    boolean digitGroup = false;
    while (j < n) {
      char c = s.charAt(j);
      if (c == ':') {
        if (j + 1 < n && s.charAt(j + 1) == ':') {
          if (doubleColon) {
            return -1;
          }
          doubleColon = true;
          colons++;
          j++;
        }
        colons++;
        group = 0;
      } else if (isHex(c)) {
        if (++group > 4) {
          return -1;
        }
        digitGroup = true;
      } else {
        break;
      }
      j++;
    }
    if (!digitGroup || followedByWord(s, j) || !(doubleColon || colons == 7)) {
      return -1;
    }
    return s.charAt(j - 1) == ':' && !doubleColon ? -1 : j;
  }

  /** An address, a range of addresses or a CIDR block at {@code i}; null when none. */
  private static Span ip(String s, int i) {
    int end = dottedQuad(s, i);
    if (end < 0) {
      return null;
    }
    if (end + 1 < s.length() && s.charAt(end) == '-') {
      int second = dottedQuad(s, end + 1);
      if (second > 0 && !followedByWord(s, second)) {
        return new Span(second, Placeholder.IP_RANGE);
      }
    }
    if (end + 1 < s.length() && s.charAt(end) == '/' && isDigit(s.charAt(end + 1))) {
      int j = end + 1;
      while (j < s.length() && j < end + 3 && isDigit(s.charAt(j))) {
        j++;
      }
      if (!followedByWord(s, j)) {
        return new Span(j, Placeholder.CIDR);
      }
    }
    return followedByWord(s, end) ? null : new Span(end, Placeholder.IP);
  }

  private static int dottedQuad(String s, int i) {
    int j = i;
    for (int part = 0; part < 4; part++) {
      int start = j;
      while (j < s.length()
          && j - start < 3
          && (isDigit(s.charAt(j)) || s.charAt(j) == 'x' || s.charAt(j) == 'X')) {
        j++;
      }
      if (j == start) {
        return -1;
      }
      if (part < 3) {
        if (j >= s.length() || s.charAt(j) != '.') {
          return -1;
        }
        j++;
      }
    }
    // "xx.xx.xx.xxx" is a redacted address, but a run of x alone with dots is not a number.
    boolean digits = false;
    boolean xs = false;
    for (int k = i; k < j; k++) {
      digits |= isDigit(s.charAt(k));
      xs |= s.charAt(k) == 'x' || s.charAt(k) == 'X';
    }
    if (digits && xs) {
      return -1;
    }
    return j;
  }

  /** A UUID or a long hex id at {@code i}; null when neither. */
  private static Span hexId(String s, int i) {
    int a = hexRun(s, i);
    if (a - i == 8 && a < s.length() && s.charAt(a) == '-') {
      int b = hexRun(s, a + 1);
      if (b - a == 5 && b < s.length() && s.charAt(b) == '-') {
        int c = hexRun(s, b + 1);
        if (c - b == 5 && c < s.length() && s.charAt(c) == '-') {
          int d = hexRun(s, c + 1);
          if (d - c == 5 && d < s.length() && s.charAt(d) == '-') {
            int e = hexRun(s, d + 1);
            if (e - d == 13 && !followedByWord(s, e)) {
              return new Span(e, Placeholder.UUID);
            }
          }
        }
      }
    }
    if (a - i >= 16 && !followedByWord(s, a)) {
      for (int k = i; k < a; k++) {
        if (isDigit(s.charAt(k))) {
          return new Span(a, Placeholder.ID);
        }
      }
    }
    return null;
  }

  /**
   * A number, a version or a duration at {@code i}; its end is -1 when a word goes on after it
   * ("10x", "1.2.3rc").
   */
  private static Span number(String s, int i) {
    int n = s.length();
    int j = i;
    while (j < n && isDigit(s.charAt(j))) {
      j++;
    }
    int dots = 0;
    int k = j;
    while (k + 1 < n && s.charAt(k) == '.' && isDigit(s.charAt(k + 1)) && dots < 3) {
      k++;
      while (k < n && isDigit(s.charAt(k))) {
        k++;
      }
      dots++;
    }
    if (dots >= 1) {
      if (s.regionMatches(k, "-gke.", 0, 5) && k + 5 < n && isDigit(s.charAt(k + 5))) {
        k += 5;
        while (k < n && isDigit(s.charAt(k))) {
          k++;
        }
      }
      if (dots >= 2 || !durationAt(s, k)) {
        return new Span(followedByWord(s, k) ? -1 : k, Placeholder.VERSION);
      }
      j = k;
    }
    int d = durationEnd(s, j);
    if (d > 0) {
      return new Span(d, Placeholder.DURATION);
    }
    return new Span(followedByWord(s, j) ? -1 : j, Placeholder.N);
  }

  private static boolean durationAt(String s, int j) {
    return durationEnd(s, j) > 0;
  }

  /** The end of a duration unit run such as "s", "ms", "m30s" starting at {@code j}, or -1. */
  private static int durationEnd(String s, int j) {
    int n = s.length();
    int k = j;
    boolean any = false;
    while (k < n) {
      int u = unit(s, k);
      if (u < 0) {
        break;
      }
      any = true;
      k = u;
      int digits = k;
      while (digits < n && (isDigit(s.charAt(digits)) || s.charAt(digits) == '.')) {
        digits++;
      }
      if (digits == k || unit(s, digits) < 0) {
        break;
      }
      k = digits;
    }
    return any && !followedByWord(s, k) ? k : -1;
  }

  private static int unit(String s, int k) {
    if (s.regionMatches(k, "ms", 0, 2)
        || s.regionMatches(k, "us", 0, 2)
        || s.regionMatches(k, "ns", 0, 2)
        || s.regionMatches(k, "µs", 0, 2)) {
      return k + 2;
    }
    if (k < s.length() && "smh".indexOf(s.charAt(k)) >= 0) {
      return k + 1;
    }
    return -1;
  }

  private static int hexRun(String s, int i) {
    int j = i;
    while (j < s.length() && isHex(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean followedByWord(String s, int j) {
    return j < s.length() && isWordChar(s.charAt(j));
  }

  private static boolean isDrive(String s, int i) {
    return i + 2 < s.length()
        && Character.isLetter(s.charAt(i))
        && s.charAt(i + 1) == ':'
        && s.charAt(i + 2) == '\\'
        && (i == 0 || !isWordChar(s.charAt(i - 1)));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isWordChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return Character.isLetterOrDigit(c);
  }
}
