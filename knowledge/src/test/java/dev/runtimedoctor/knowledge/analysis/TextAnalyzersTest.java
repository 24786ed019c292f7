package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextAnalyzersTest {
  private final TextAnalyzers analyzers = new TextAnalyzers();

  private List<String> tokens(Language language, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzers.of(language).tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  @DisplayName("Italian: 'metriche GPU mancanti' and 'metrica gpu manca' share their stems")
  void italianStemsOverlap() throws IOException {
    List<String> question = tokens(Language.IT, "metriche GPU mancanti");
    List<String> symptom = tokens(Language.IT, "metrica gpu manca");

    assertThat(question).hasSize(3);
    assertThat(symptom).hasSize(3);
    assertThat(question).containsSubsequence("metric", "gpu");
    assertThat(symptom).containsSubsequence("metric", "gpu");
  }

  @Test
  @DisplayName("snake_case metric names split into words, in both languages")
  void snakeCaseSplits() throws IOException {
    assertThat(tokens(Language.EN, "container_fs_writes_bytes_total"))
        .isEqualTo(tokens(Language.EN, "container fs writes bytes total"))
        .contains("fs", "total");
    assertThat(tokens(Language.IT, "metriche container_fs"))
        .isEqualTo(tokens(Language.IT, "metriche container fs"))
        .contains("fs");
  }

  @Test
  @DisplayName("English: 'pods stuck' and 'pod stuck' give the same terms")
  void englishPlural() throws IOException {
    assertThat(tokens(Language.EN, "pods stuck")).isEqualTo(tokens(Language.EN, "pod stuck"));
    assertThat(tokens(Language.EN, "pods stuck")).containsExactly("pod", "stuck");
  }

  @Test
  @DisplayName("stop words are dropped in each language")
  void stopWords() throws IOException {
    assertThat(tokens(Language.EN, "the pods are stuck")).containsExactly("pod", "stuck");
    assertThat(tokens(Language.IT, "i pod sono bloccati")).doesNotContain("i", "sono");
  }

  @Test
  @DisplayName("terms() gives distinct terms in order, at most max of them")
  void termsAreDistinctAndBounded() {
    Set<String> all = analyzers.terms(Language.EN, "pods stuck, pod stuck, node not ready", 100);
    Set<String> two = analyzers.terms(Language.EN, "pods stuck, pod stuck, node not ready", 2);

    assertThat(all).containsExactly("pod", "stuck", "node", "readi");
    assertThat(two).containsExactly("pod", "stuck");
  }

  @Test
  @DisplayName("each language has its own analyzer")
  void analyzerPerLanguage() {
    assertThat(analyzers.of(Language.IT)).isNotSameAs(analyzers.of(Language.EN));
    assertThat(analyzers.of(Language.IT)).isSameAs(analyzers.of(Language.IT));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "IT|metriche GPU mancanti|dove sono finite le metriche GPU",
        "IT|metriche GPU mancanti|le metriche GPU sono sparite",
        "IT|upgrade bloccato|upgrade fermo",
        "IT|fuga di processi shim|processi shim rimasti",
        "IT|certificato non scaricato|non scaricano il certificato",
        "IT|il pull fallisce|pull fallito",
        "EN|GPU metrics missing|where did the GPU metrics go, they are gone",
        "EN|dashboard empty|dashboard blank",
        "EN|kubectl logs hangs|kubectl logs stuck",
        "EN|shim processes leaking|leftover shim processes",
        "EN|container_fs metrics missing|container_fs_xxx metrics still has no data",
        "EN|shim leak, heavy disk I/O|the disk is busy with IO and shims leak",
        "EN|leaked shims, I/O pressure|shim leak with high IO load",
        "IT|metriche container_fs mancanti|nessun dato per le metriche container_fs",
        "IT|processi shim sotto carico I/O|processi shim con IO sotto pressione",
        "EN|172.17/16 conflicts with docker0|docker0 interferes with our 172.17/16 VPN",
        "IT|conflitto tra 172.17/16 e docker0|docker0 si sovrappone alla 172.17/16",
        "EN|windows drive letter|mountPath: 'D:' on a windows node",
        "EN|mount on a drive letter|the volume mounted as E: never shows up",
        "IT|volume montato su una lettera di unità|il volume montato come D: fa fallire il container",
        "IT|lettera di unità sui nodi windows|mountPath \"F:\" sui nodi windows"
      })
  @DisplayName("the words of a failure's state fold into one term, the things named stay apart")
  void statesFoldNamesStay(String language, String entryWords, String pasteWords)
      throws IOException {
    Language l = Language.valueOf(language);
    List<String> entry = tokens(l, entryWords);
    List<String> paste = tokens(l, pasteWords);

    assertThat(paste).containsAll(entry);
    assertThat(tokens(l, "metrics pods nodes processes"))
        .doesNotContainAnyElementsOf(tokens(l, "missing stuck leaking"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "C:\\ProgramData\\app\\config",
        "D:/data/app",
        "error: a: b",
        "E1127 12:00:00.1 kubelet.go:12] failed",
        "ratio 3:1 at 10:30"
      })
  @DisplayName("a path on a drive, an error chain or a time is not a lone drive letter")
  void pathsAreNotDriveLetters(String text) throws IOException {
    assertThat(tokens(Language.EN, text)).doesNotContain("letter");
  }
}
