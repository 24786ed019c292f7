package dev.runtimedoctor.knowledge.entry;

import java.util.Locale;

/** The node operating system an issue affects. */
public enum Platform {
  WINDOWS,
  LINUX,
  ANY;

  /**
   * Whether a node reporting {@code operatingSystem} (as in {@code status.nodeInfo}) is affected.
   */
  public boolean includes(String operatingSystem) {
    return this == ANY || name().equalsIgnoreCase(operatingSystem);
  }

  /** The value written in front matter. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
