package dev.runtimedoctor.knowledge.entry;

import static dev.runtimedoctor.knowledge.entry.SampleEntry.TEXT;
import static dev.runtimedoctor.knowledge.entry.SampleEntry.lineOf;
import static dev.runtimedoctor.knowledge.entry.SampleEntry.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code kind:} front-matter key, and the pack an entry is read from. */
class EntryKindTest {
  private static final String FILE = "entries/sample-issue.md";

  @Test
  @DisplayName("an entry without 'kind' is a known issue")
  void defaultsToKnownIssue() throws EntryException {
    assertThat(EntryParser.parse(FILE, TEXT).kind()).isEqualTo(Kind.KNOWN_ISSUE);
  }

  @Test
  @DisplayName("'kind: failure-mode' and 'kind: known-issue' are read as written")
  void readsBothKinds() throws EntryException {
    String failure = replace(TEXT, "area: networking\n", "kind: failure-mode\narea: networking\n");
    String known = replace(TEXT, "area: networking\n", "kind: known-issue\narea: networking\n");

    assertThat(EntryParser.parse(FILE, failure).kind()).isEqualTo(Kind.FAILURE_MODE);
    assertThat(EntryParser.parse(FILE, known).kind()).isEqualTo(Kind.KNOWN_ISSUE);
  }

  @Test
  @DisplayName("an unknown kind is reported at its line with the closest kind and the list")
  void unknownKindSuggests() {
    String text = replace(TEXT, "area: networking\n", "kind: failure_mode\narea: networking\n");

    EntryException e =
        catchThrowableOfType(EntryException.class, () -> EntryParser.parse(FILE, text));

    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .isEqualTo(
            FILE
                + ":"
                + lineOf(text, "kind:")
                + ": unknown kind 'failure_mode', did you mean 'failure-mode'? (one of"
                + " known-issue, failure-mode)");
  }

  @Test
  @DisplayName("a misspelt 'kind' key is caught like any other key")
  void misspeltKeySuggests() {
    String text = replace(TEXT, "area: networking\n", "knd: failure-mode\narea: networking\n");

    EntryException e =
        catchThrowableOfType(EntryException.class, () -> EntryParser.parse(FILE, text));

    assertThat(e).isNotNull();
    assertThat(e.line()).isEqualTo(lineOf(text, "knd:"));
    assertThat(e.reason()).startsWith("unknown key 'knd'").endsWith("did you mean 'kind'?");
  }

  @Test
  @DisplayName("a kind that is a list, not one word, is rejected at its line")
  void kindMustBeOneValue() {
    String text =
        replace(
            TEXT, "area: networking\n", "kind: [failure-mode, known-issue]\narea: networking\n");

    EntryException e =
        catchThrowableOfType(EntryException.class, () -> EntryParser.parse(FILE, text));

    assertThat(e).isNotNull();
    assertThat(e.line()).isEqualTo(lineOf(text, "kind:"));
    assertThat(e.reason()).isEqualTo("'kind' must be a single value");
  }

  @Test
  @DisplayName("the test fixtures' everyday entries load as failure modes of the pack 'everyday'")
  void fixturePack() throws Exception {
    List<Entry> entries = EntryLoader.loadDirectory(Path.of("src/test/resources/packs"));

    assertThat(entries)
        .extracting(Entry::id)
        .containsExactly(
            "fixture-crash-loop-backoff", "fixture-image-pull-backoff", "fixture-oom-killed");
    assertThat(entries).allSatisfy(e -> assertThat(e.kind()).isEqualTo(Kind.FAILURE_MODE));
    assertThat(entries).allSatisfy(e -> assertThat(e.pack()).isEqualTo("everyday"));
  }
}
