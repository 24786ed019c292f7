package dev.runtimedoctor.knowledge.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits masked log text into lowercase words: runs of letters and digits, and placeholders such as
 * {@code <ip-range>} kept whole. {@code hcs::System::CreateProcess} gives {@code hcs}, {@code
 * system}, {@code createprocess}; {@code x509} stays one word.
 */
public final class LogTokenizer extends Tokenizer {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private String text = "";
  private int pos;

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    int[] span = next(text, pos);
    if (span == null) {
      return false;
    }
    term.setEmpty();
    for (int i = span[0]; i < span[1]; i++) {
      term.append(Character.toLowerCase(text.charAt(i)));
    }
    offset.setOffset(correctOffset(span[0]), correctOffset(span[1]));
    pos = span[1];
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    int n;
    while ((n = input.read(buf)) > 0) {
      sb.append(buf, 0, n);
    }
    text = sb.toString();
    pos = 0;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int f = correctOffset(text.length());
    offset.setOffset(f, f);
  }

  @Override
  public void close() throws IOException {
    super.close();
    text = "";
  }

  /**
   * The span {@code [start, end)} of the next word at or after {@code from}, or null. Shared by the
   * Lucene analyzer and the matcher so both see the same words.
   */
  static int[] next(String s, int from) {
    int n = s.length();
    int i = from;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '<') {
        int end = placeholderEnd(s, i);
        if (end > 0) {
          return new int[] {i, end};
        }
      } else if (isWordChar(c)) {
        int j = i + 1;
        while (j < n && isWordChar(s.charAt(j))) {
          j++;
        }
        return new int[] {i, j};
      }
      i++;
    }
    return null;
  }

  private static boolean isWordChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  private static int placeholderEnd(String s, int start) {
    int j = start + 1;
    int n = Math.min(s.length(), start + 20);
    if (j >= n || !(s.charAt(j) >= 'a' && s.charAt(j) <= 'z')) {
      return -1;
    }
    while (j < n) {
      char c = s.charAt(j);
      if (c == '>') {
        return j + 1;
      }
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return -1;
      }
      j++;
    }
    return -1;
  }
}
