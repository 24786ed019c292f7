package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Placeholder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogAnalyzerTest {
  private static final Analyzer ANALYZER = new LogAnalyzer();

  /** A token as the stream gives it: its text and how far it moves the position. */
  private record Token(String term, int increment, int start, int end) {}

  private static List<Token> tokens(String text) throws IOException {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream("sig", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            new Token(
                term.toString(),
                inc.getPositionIncrement(),
                offset.startOffset(),
                offset.endOffset()));
      }
      ts.end();
    }
    return out;
  }

  private static List<String> terms(String text) throws IOException {
    return tokens(text).stream().map(Token::term).toList();
  }

  @AfterAll
  static void close() {
    ANALYZER.close();
  }

  @Test
  @DisplayName("words and word pairs come in order, lowercased, with placeholders kept whole")
  void unigramsAndBigramsInOrder() throws IOException {
    assertThat(terms("hcs::System::CreateProcess <id>: The system"))
        .containsExactly(
            "hcs",
            "hcs system",
            "system",
            "system createprocess",
            "createprocess",
            "createprocess <id>",
            "<id>",
            "<id> the",
            "the",
            "the system",
            "system");
  }

  @Test
  @DisplayName("each word opens a new position and its pair shares it")
  void positions() throws IOException {
    assertThat(tokens("range set: <ip-range>"))
        .containsExactly(
            new Token("range", 1, 0, 5),
            new Token("range set", 0, 0, 9),
            new Token("set", 1, 6, 9),
            new Token("set <ip-range>", 0, 6, 21),
            new Token("<ip-range>", 1, 11, 21));
  }

  @Test
  @DisplayName("x509 is one word")
  void x509IsOneToken() throws IOException {
    assertThat(terms("x509")).containsExactly("x509");
    assertThat(terms("x509: certificate"))
        .containsExactly("x509", "x509 certificate", "certificate");
  }

  @Test
  @DisplayName("angle brackets around prose are not a placeholder")
  void proseInBracketsIsNotAPlaceholder() throws IOException {
    assertThat(terms("<path to image>"))
        .containsExactly("path", "path to", "to", "to image", "image");
  }

  @Test
  @DisplayName("the analyzer is reusable: a second text does not see the first")
  void reusable() throws IOException {
    assertThat(terms("cni plugin not initialized")).hasSize(7);
    assertThat(terms("mkparent")).containsExactly("mkparent");
    assertThat(terms("")).isEmpty();
  }

  @Test
  @DisplayName("LogTokens splits text into the same words as the Lucene analyzer")
  void logTokensAgreeWithTokenizer() throws IOException {
    String text = "hcs::System::CreateProcess <id>: The system x509 <ip-range> C:\\data";
    List<String> unigrams =
        tokens(text).stream().filter(t -> t.increment() == 1).map(Token::term).toList();

    assertThat(LogTokens.of(text)).isEqualTo(unigrams);
    assertThat(Placeholder.startsAt("<ip-range>", 0)).isTrue();
    assertThat(Placeholder.startsAt("range", 0)).isFalse();
  }
}
