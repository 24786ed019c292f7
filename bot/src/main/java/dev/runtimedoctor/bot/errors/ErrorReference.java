package dev.runtimedoctor.bot.errors;

import java.util.UUID;

/**
 * The short reference an unexpected error is shown with ("something went wrong (ref 7f3a01bc)") and
 * logged under with its stack trace, so that a person can quote it and an operator find it.
 */
public final class ErrorReference {
  private ErrorReference() {}

  /** A new reference: 8 hexadecimal characters, random. */
  public static String next() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
