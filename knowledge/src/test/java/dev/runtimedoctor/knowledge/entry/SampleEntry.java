package dev.runtimedoctor.knowledge.entry;

/** A minimal valid entry, and helpers that break it one defect at a time. */
final class SampleEntry {
  static final String TEXT =
      """
      ---
      id: sample-issue
      area: networking
      title:
        it: "Titolo di prova"
        en: "Sample title"
      signatures:
        - "failed to allocate for range 0: no IP addresses available in range set: <ip-range>"
      symptoms:
        it: ["pod bloccati in ContainerCreating"]
        en: ["pods stuck in ContainerCreating"]
      affected:
        platform: linux
        gke:
          - "<= 1.24.6-gke.1500"
          - "1.23 - 1.23.14-gke.1800"
        containerd: ["1.5"]
      fixed_in:
        gke: ["1.24.6-gke.1501"]
        containerd: ["1.6.6"]
      references:
        - https://github.com/containerd/containerd/issues/5438
      checks:
        - type: node-version
        - type: event
          match: "failed to allocate for range"
      ---
      # Italiano
      ## Sintomo
      I pod restano in ContainerCreating.
      ## Causa
      Gli indirizzi del nodo sono finiti.
      ## Risoluzione
      Aggiornare il node pool.

      # English
      ## Symptom
      Pods stay in ContainerCreating.
      ## Cause
      The node ran out of addresses.
      ## Resolution
      Upgrade the node pool.
      ## Workaround
      Drain and recreate the node.
      """;

  private SampleEntry() {}

  /** The sample with another id. */
  static String withId(String id) {
    return replace(TEXT, "id: sample-issue", "id: " + id);
  }

  /**
   * {@code text} with {@code from} replaced once; fails if {@code from} is not there exactly once.
   */
  static String replace(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("expected exactly one '" + from + "' in the sample");
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  /** The 1-based number of the only line of {@code text} that contains {@code needle}. */
  static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    int found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        if (found > 0) {
          throw new IllegalArgumentException("'" + needle + "' is on more than one line");
        }
        found = i + 1;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("'" + needle + "' is on no line");
    }
    return found;
  }
}
