package dev.runtimedoctor.bot.cluster;

import java.util.Locale;

/** What a cluster check concluded about one entry (DESIGN §6). */
public enum Verdict {
  /** The cluster shows this issue. */
  CONFIRMED,
  /** Versions or platform rule it out. */
  NOT_AFFECTED,
  /** It could be; the evidence is missing (events expire, leaks do not show in the API). */
  INCONCLUSIVE,
  /** The check could not run: no cluster, forbidden by RBAC, timeout — the summary says which. */
  UNAVAILABLE;

  /** The word used in text and JSON output: {@code confirmed}, {@code not-affected}, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
