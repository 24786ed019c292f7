package dev.runtimedoctor.knowledge.match;

/** What a match rests on, strongest first. */
public enum Basis {
  /** The paste contains (most of) one of the entry's error strings, in order. */
  SIGNATURE,
  /** The paste describes the issue the way the entry's symptom phrases do. */
  SYMPTOM,
  /** The paste only shares vocabulary with the entry: a lead, not a diagnosis. */
  RELATED
}
