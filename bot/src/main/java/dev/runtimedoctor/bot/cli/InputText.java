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

  /** How much of the input is looked at to tell text from a binary. */
  private static final int SNIFF_BYTES = 64 * 1024;

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
   * PowerShell pipes); NUL bytes read as spaces. Refuses content that is mostly not text.
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
          .toString()
          // A stray NUL (a log written while a disk filled, a truncated file) is a gap in the
          // text, as the batch command's \u0000 is.
          .replace('\0', ' ');
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UserException("input is not readable text");
    }
  }

  /**
   * Whether more than a tenth of the first {@link #SNIFF_BYTES} bytes are not text: NUL and other
   * control bytes, and bytes that are no part of a UTF-8 sequence. An executable, an archive or an
   * image is mostly such bytes (random bytes: about 60 %); a log with a stray NUL or a Latin-1
   * accent holds a few.
   */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    if (n == 0) {
      return false;
    }
    int notText = 0;
    int i = 0;
    while (i < n) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1b) || b == 0x7f) {
          notText++;
        }
        i++;
        continue;
      }
      int length = utf8Length(bytes, i, n);
      if (length == 0) {
        notText++;
        i++;
      } else {
        i += length;
      }
    }
    return notText * 10 > n;
  }

  /**
   * The length of the UTF-8 sequence starting at {@code i}, or 0 when the bytes there are none; a
   * sequence cut by {@code end} counts as one.
   */
  private static int utf8Length(byte[] bytes, int i, int end) {
    int b = bytes[i] & 0xff;
    int length =
        b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    for (int k = 1; k < length; k++) {
      if (i + k >= end) {
        return end - i;
      }
      if ((bytes[i + k] & 0xc0) != 0x80) {
        return 0;
      }
    }
    return length;
  }
}
