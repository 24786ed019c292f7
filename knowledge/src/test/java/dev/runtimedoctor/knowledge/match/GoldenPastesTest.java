package dev.runtimedoctor.knowledge.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realistic pastes under {@code src/test/resources/match/}: each {@code NAME.txt} has a sibling
 * {@code NAME.expected} whose first line is the id of the entry that must rank first (or {@code
 * none}: no match may rest on a signature or a symptom; leads are allowed), whose second line is
 * {@code reply=true|false}, and whose optional third line {@code also=ID} names a second entry the
 * paste contains, which must be among the matches on a signature or a symptom.
 */
class GoldenPastesTest {
  private static final String NONE = "none";

  private static Matcher matcher;
  private static KnowledgeBase knowledge;

  @BeforeAll
  static void buildIndex() {
    knowledge = new KnowledgeBase(EntryLoader.bundled());
    matcher = new Matcher(KnowledgeIndex.build(knowledge));
  }

  private static Path directory() {
    try {
      return Path.of(GoldenPastesTest.class.getResource("/match").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> filesEndingWith(String suffix) {
    try (Stream<Path> s = Files.list(directory())) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Named<Path>> pastes() {
    return filesEndingWith(".txt").stream().map(p -> Named.of(p.getFileName().toString(), p));
  }

  private static Path sibling(Path file, String from, String to) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.substring(0, name.length() - from.length()) + to);
  }

  /** What a {@code .expected} file says. */
  private record Expected(String top, boolean reply, Optional<String> also) {
    static Expected read(Path file) throws IOException {
      List<String> lines =
          Files.readAllLines(file, StandardCharsets.UTF_8).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .toList();
      assertThat(lines).as("lines of %s", file.getFileName()).hasSizeBetween(2, 3);
      assertThat(lines.get(1)).as("line 2 of %s", file.getFileName()).matches("reply=(true|false)");
      Optional<String> also = Optional.empty();
      if (lines.size() == 3) {
        assertThat(lines.get(2)).as("line 3 of %s", file.getFileName()).startsWith("also=");
        also = Optional.of(lines.get(2).substring("also=".length()));
      }
      return new Expected(lines.get(0), lines.get(1).equals("reply=true"), also);
    }
  }

  private static String describe(Diagnosis d) {
    return "reply="
        + d.reply()
        + " "
        + d.matches().stream()
            .map(m -> m.entry().id() + " " + m.confidence() + " " + m.basis())
            .collect(Collectors.joining(", ", "[", "]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pastes")
  @DisplayName("a golden paste gives its expected top entry and reply")
  void goldenPaste(Path paste) throws IOException {
    Expected expected = Expected.read(sibling(paste, ".txt", ".expected"));
    String text = Files.readString(paste, StandardCharsets.UTF_8);

    Diagnosis d = matcher.diagnose(text);

    String got = describe(d);
    if (expected.top().equals(NONE)) {
      assertThat(d.matches())
          .as("no diagnosis expected, got %s", got)
          .allSatisfy(m -> assertThat(m.basis()).isEqualTo(Basis.RELATED));
    } else {
      assertThat(d.top())
          .as("top match, got %s", got)
          .hasValueSatisfying(m -> assertThat(m.entry().id()).isEqualTo(expected.top()));
    }
    assertThat(d.reply()).as("reply, got %s", got).isEqualTo(expected.reply());
    expected
        .also()
        .ifPresent(
            id ->
                assertThat(d.matches())
                    .as("%s among the matches, on more than shared vocabulary, got %s", id, got)
                    .anyMatch(m -> m.entry().id().equals(id) && m.basis() != Basis.RELATED));
  }

  @Test
  @DisplayName("every golden paste has an .expected file naming known entries, and vice versa")
  void goldenFilesArePaired() throws IOException {
    List<Path> pastes = filesEndingWith(".txt");
    List<Path> expectations = filesEndingWith(".expected");

    assertThat(pastes).hasSizeGreaterThanOrEqualTo(16);
    assertThat(expectations)
        .map(p -> sibling(p, ".expected", ".txt"))
        .containsExactlyElementsOf(pastes);
    int negatives = 0;
    for (Path p : expectations) {
      Expected e = Expected.read(p);
      if (e.top().equals(NONE)) {
        negatives++;
        assertThat(e.reply()).as("%s: 'none' cannot reply", p.getFileName()).isFalse();
      } else {
        assertThat(knowledge.get(e.top()))
            .as("entry %s in %s", e.top(), p.getFileName())
            .isPresent();
      }
      e.also()
          .ifPresent(
              id ->
                  assertThat(knowledge.get(id))
                      .as("entry %s in %s", id, p.getFileName())
                      .isPresent());
    }
    assertThat(negatives).as("unrelated pastes").isGreaterThanOrEqualTo(4);
  }
}
