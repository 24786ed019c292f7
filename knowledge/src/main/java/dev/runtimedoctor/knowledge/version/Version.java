package dev.runtimedoctor.knowledge.version;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes, GKE or containerd version such as {@code 1.24.6-gke.1500}, compared by
 * major.minor.patch and then by the GKE build number.
 *
 * <p>A version may be a prefix ({@code 1.18} has precision 2): as a range bound it stands for every
 * version that starts with it. {@code build} is -1 when the version has no GKE build.
 */
public record Version(int major, int minor, int patch, long build, int precision)
    implements Comparable<Version> {

  private static final Pattern STRICT =
      Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-gke\\.(\\d+))?");
  private static final Pattern LENIENT =
      Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-gke\\.(\\d+))?.*");

  public Version {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version component");
    }
    if (precision < 1 || precision > 4) {
      throw new IllegalArgumentException("precision must be 1 to 4: " + precision);
    }
  }

  /**
   * Parses a version as written in an entry: {@code 1.18}, {@code 1.24.6-gke.1500}; a leading
   * {@code v} or {@code containerd://} is accepted.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static Version parse(String text) {
    String s = stripPrefixes(Objects.requireNonNull(text, "version").trim());
    Matcher m = STRICT.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a version (expected e.g. 1.24.6-gke.1500 or 1.18)");
    }
    return fromGroups(m);
  }

  /**
   * Reads a version as a cluster reports it ({@code v1.21.5-gke.1802}, {@code
   * containerd://1.5.7-gke.0}, {@code containerd://1.6.18-0ubuntu1}), ignoring any suffix that is
   * not a GKE build.
   *
   * @throws IllegalArgumentException when no major.minor can be read
   */
  public static Version parseReported(String text) {
    String s = stripPrefixes(Objects.requireNonNull(text, "version").trim());
    Matcher m = LENIENT.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' carries no version");
    }
    return fromGroups(m);
  }

  private static String stripPrefixes(String s) {
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    if (s.startsWith("v") || s.startsWith("V")) {
      s = s.substring(1);
    }
    return s;
  }

  private static Version fromGroups(Matcher m) {
    int precision = 1;
    int minor = 0;
    int patch = 0;
    long build = -1;
    if (m.group(2) != null) {
      minor = Integer.parseInt(m.group(2));
      precision = 2;
    }
    if (m.group(3) != null) {
      patch = Integer.parseInt(m.group(3));
      precision = 3;
    }
    if (m.group(4) != null) {
      if (precision < 3) {
        throw new IllegalArgumentException(
            "'" + m.group() + "' has a GKE build but no patch version");
      }
      build = Long.parseLong(m.group(4));
      precision = 4;
    }
    return new Version(Integer.parseInt(m.group(1)), minor, patch, build, precision);
  }

  /** Compares all four components; a missing build sorts before every build. */
  @Override
  public int compareTo(Version o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    if (c == 0) {
      c = Long.compare(build, o.build);
    }
    return c;
  }

  /**
   * Compares this version with {@code bound} on the components the bound gives only: 0 means this
   * version starts with the bound.
   */
  public int compareToPrefix(Version bound) {
    int c = Integer.compare(major, bound.major);
    if (c != 0 || bound.precision == 1) {
      return c;
    }
    c = Integer.compare(minor, bound.minor);
    if (c != 0 || bound.precision == 2) {
      return c;
    }
    c = Integer.compare(patch, bound.patch);
    if (c != 0 || bound.precision == 3) {
      return c;
    }
    return Long.compare(build, bound.build);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(major);
    if (precision >= 2) {
      sb.append('.').append(minor);
    }
    if (precision >= 3) {
      sb.append('.').append(patch);
    }
    if (precision == 4) {
      sb.append("-gke.").append(build);
    }
    return sb.toString();
  }
}
