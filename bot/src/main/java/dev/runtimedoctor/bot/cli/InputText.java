package dev.runtimedoctor.bot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads a paste from standard input: bounded in size, tolerant of bad UTF-8, wary of binaries. */
final class InputText {
  /** The most standard input read for one paste. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private InputText() {}

  static String read(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UserException("cannot read standard input: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new UserException(
          "input is larger than "
              + MAX_BYTES / (1024 * 1024)
              + " MB: paste the part around the error");
    }
    return decode(bytes);
  }

  /**
   * UTF-8 with bad sequences replaced, or UTF-16 when a byte-order mark says so (what Windows
   * PowerShell pipes); refuses content that is mostly not text.
   */
  static String decode(byte[] bytes) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xff && bytes[1] == (byte) 0xfe)
            || (bytes[0] == (byte) 0xfe && bytes[1] == (byte) 0xff))) {
      // The UTF_16 decoder reads the mark, picks the byte order and drops the mark.
      return new String(bytes, StandardCharsets.UTF_16);
    }
    if (looksBinary(bytes)) {
      throw new UserException("input looks binary, not a log: paste text");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UserException("input is not readable text");
    }
  }

  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 64 * 1024);
    if (n == 0) {
      return false;
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1b) {
        control++;
      }
    }
    return control * 10 > n;
  }
}
