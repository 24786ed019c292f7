package dev.runtimedoctor.knowledge.entry;

import static dev.runtimedoctor.knowledge.entry.SampleEntry.TEXT;
import static dev.runtimedoctor.knowledge.entry.SampleEntry.lineOf;
import static dev.runtimedoctor.knowledge.entry.SampleEntry.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runtimedoctor.knowledge.version.Version;
import dev.runtimedoctor.knowledge.version.VersionRange;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryParserTest {
  private static final String FILE = "entries/sample-issue.md";

  /** Parses {@code text}, expecting a failure, and returns it. */
  private static EntryException failure(String text) {
    EntryException e =
        catchThrowableOfType(EntryException.class, () -> EntryParser.parse(FILE, text));
    assertThat(e).as("parsing should fail with an EntryException").isNotNull();
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.getMessage()).isEqualTo(FILE + ":" + e.line() + ": " + e.reason());
    return e;
  }

  @Test
  @DisplayName("a minimal valid entry parses into the expected fields")
  void parsesMinimalEntry() throws EntryException {
    Entry e = EntryParser.parse(FILE, TEXT);

    assertThat(e.id()).isEqualTo("sample-issue");
    assertThat(e.area()).isEqualTo("networking");
    assertThat(e.title()).isEqualTo(new LocalizedText("Titolo di prova", "Sample title"));
    assertThat(e.signatures())
        .containsExactly(
            "failed to allocate for range 0: no IP addresses available in range set: <ip-range>");
    assertThat(e.symptoms(Language.IT)).containsExactly("pod bloccati in ContainerCreating");
    assertThat(e.symptoms(Language.EN)).containsExactly("pods stuck in ContainerCreating");
    assertThat(e.references())
        .containsExactly("https://github.com/containerd/containerd/issues/5438");
    assertThat(e.source()).isEqualTo(FILE);

    Affected a = e.affected();
    assertThat(a.platform()).isEqualTo(Platform.LINUX);
    assertThat(a.gke())
        .extracting(VersionRange::text)
        .containsExactly("<= 1.24.6-gke.1500", "1.23 - 1.23.14-gke.1800");
    assertThat(a.containerd()).extracting(VersionRange::text).containsExactly("1.5");
    assertThat(a.fixedGke()).containsExactly(Version.parse("1.24.6-gke.1501"));
    assertThat(a.fixedContainerd()).containsExactly(Version.parse("1.6.6"));
    assertThat(a.gkeAffected(Version.parse("1.24.6-gke.1500"))).isTrue();
    assertThat(a.gkeAffected(Version.parse("1.24.6-gke.1501"))).isFalse();
    assertThat(a.containerdAffected(Version.parseReported("containerd://1.5.7-gke.0"))).isTrue();

    assertThat(e.checks())
        .containsExactly(
            new CheckSpec("node-version", Map.of()),
            new CheckSpec("event", Map.of("match", List.of("failed to allocate for range"))));

    EntryBody it = e.body(Language.IT);
    assertThat(it.section(Section.SYMPTOM)).hasValue("I pod restano in ContainerCreating.");
    assertThat(it.section(Section.CAUSE)).hasValue("Gli indirizzi del nodo sono finiti.");
    assertThat(it.section(Section.RESOLUTION)).hasValue("Aggiornare il node pool.");
    assertThat(it.section(Section.WORKAROUND)).isEmpty();
    EntryBody en = e.body(Language.EN);
    assertThat(en.section(Section.SYMPTOM)).hasValue("Pods stay in ContainerCreating.");
    assertThat(en.section(Section.CAUSE)).hasValue("The node ran out of addresses.");
    assertThat(en.section(Section.RESOLUTION)).hasValue("Upgrade the node pool.");
    assertThat(en.section(Section.WORKAROUND)).hasValue("Drain and recreate the node.");
  }

  @Test
  @DisplayName("a file saved with CRLF line endings parses like one with LF")
  void crlfParsesTheSame() throws EntryException {
    Entry lf = EntryParser.parse(FILE, TEXT);
    Entry crlf = EntryParser.parse(FILE, TEXT.replace("\n", "\r\n"));

    assertThat(crlf).isEqualTo(lf);
  }

  @Test
  @DisplayName("a file saved with a UTF-8 byte-order mark, LF or CRLF, parses like one without")
  void byteOrderMarkParsesTheSame() throws EntryException {
    Entry plain = EntryParser.parse(FILE, TEXT);

    assertThat(EntryParser.parse(FILE, "\uFEFF" + TEXT)).isEqualTo(plain);
    assertThat(EntryParser.parse(FILE, "\uFEFF" + TEXT.replace("\n", "\r\n"))).isEqualTo(plain);
  }

  @Test
  @DisplayName("without 'affected' an entry affects every platform and version")
  void affectedDefaultsToAll() throws EntryException {
    String text =
        replace(
            TEXT,
            """
            affected:
              platform: linux
              gke:
                - "<= 1.24.6-gke.1500"
                - "1.23 - 1.23.14-gke.1800"
              containerd: ["1.5"]
            fixed_in:
              gke: ["1.24.6-gke.1501"]
              containerd: ["1.6.6"]
            """,
            "");

    Entry e = EntryParser.parse(FILE, text);

    assertThat(e.affected()).isEqualTo(Affected.ALL);
    assertThat(e.affected().isRestricted()).isFalse();
  }

  @Test
  @DisplayName(
      "caused_by lists other entries' ids; a bad id or the entry's own is its line's error")
  void causedBy() throws EntryException {
    String ok = replace(TEXT, "checks:", "caused_by: [oom-killed, probe-failure]\nchecks:");
    String bad = replace(TEXT, "checks:", "caused_by:\n  - OOM Killed\nchecks:");

    assertThat(EntryParser.parse(FILE, ok).causedBy())
        .containsExactly("oom-killed", "probe-failure");
    assertThat(EntryParser.parse(FILE, TEXT).causedBy()).isEmpty();
    EntryException e = failure(bad);
    assertThat(e.line()).isEqualTo(lineOf(bad, "- OOM Killed"));
    assertThat(e.reason()).startsWith("caused_by 'OOM Killed' is not the id of another entry");
  }

  @Test
  @DisplayName("unknown key 'signature' is reported at its line with a suggestion")
  void unknownKeySuggestsKnownOne() {
    String text = replace(TEXT, "signatures:", "signature:");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "signature:"));
    assertThat(e.reason())
        .startsWith("unknown key 'signature'")
        .endsWith("did you mean 'signatures'?");
  }

  @Test
  @DisplayName("an entry without a title is rejected, naming the missing key")
  void missingTitle() {
    String text = replace(TEXT, "title:\n  it: \"Titolo di prova\"\n  en: \"Sample title\"\n", "");

    EntryException e = failure(text);

    assertThat(e.reason()).contains("missing required key 'title'");
    assertThat(e.line()).as("the front matter starts on line 2").isEqualTo(2);
  }

  @Test
  @DisplayName("a title without its English text is rejected at the title")
  void missingEnglishTitle() {
    String text = replace(TEXT, "  en: \"Sample title\"\n", "");

    EntryException e = failure(text);

    assertThat(e.reason()).isEqualTo("missing title 'en'");
    assertThat(e.line()).isBetween(lineOf(text, "title:"), lineOf(text, "it: \"Titolo"));
  }

  @Test
  @DisplayName("a bad version range is reported at the line of its list item")
  void badVersionRangeAtItsLine() {
    String text = replace(TEXT, "- \"1.23 - 1.23.14-gke.1800\"", "- \"1.23 until later\"");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "1.23 until later"));
    assertThat(e.reason())
        .startsWith("bad version range in affected.gke:")
        .contains("'1.23 until later'")
        .contains("expected e.g.");
  }

  @Test
  @DisplayName("a bad fixed_in version is reported at its line")
  void badFixedVersionAtItsLine() {
    String text = replace(TEXT, "containerd: [\"1.6.6\"]", "containerd: [\"1.6.x\"]");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "1.6.x"));
    assertThat(e.reason()).startsWith("bad version in fixed_in.containerd:").contains("'1.6.x'");
  }

  @Test
  @DisplayName("an unknown area is reported at its line with the closest area and the list")
  void unknownAreaSuggests() {
    String text = replace(TEXT, "area: networking", "area: netwrking");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "area:"));
    assertThat(e.reason())
        .startsWith("unknown area 'netwrking', did you mean 'networking'?")
        .contains(
            "images, metrics, networking, nodes, pods, probes, registry, security, storage, windows");
  }

  @Test
  @DisplayName("an unknown placeholder <ip_range> is reported at its signature's line")
  void unknownPlaceholderAtItsLine() {
    String text = replace(TEXT, "<ip-range>", "<ip_range>");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "<ip_range>"));
    assertThat(e.reason())
        .isEqualTo("unknown placeholder '<ip_range>', did you mean '<ip-range>'?");
  }

  @Test
  @DisplayName("a key given twice is rejected at its second occurrence")
  void duplicateKey() {
    String text = replace(TEXT, "area: networking\n", "area: networking\narea: images\n");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "area: images"));
    assertThat(e.reason())
        .isEqualTo(
            "duplicate key 'area' in front matter (first at line "
                + lineOf(text, "area: networking")
                + ")");
  }

  @Test
  @DisplayName("an unknown placeholder gets the closest known one as a suggestion")
  void unknownPlaceholderSuggests() {
    String text = replace(TEXT, "range set: <ip-range>", "range set: <ip-range> for <pod_uid>");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "<pod_uid>"));
    assertThat(e.reason()).isEqualTo("unknown placeholder '<pod_uid>', did you mean '<pod-uid>'?");
  }

  @Test
  @DisplayName("a reference that is not https is reported at its line")
  void nonHttpsReference() {
    String text =
        replace(
            TEXT,
            "  - https://github.com/containerd/containerd/issues/5438",
            "  - https://github.com/containerd/containerd/issues/5438\n"
                + "  - http://github.com/containerd/containerd/issues/6128");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "http://github.com"));
    assertThat(e.reason())
        .isEqualTo(
            "reference 'http://github.com/containerd/containerd/issues/6128' is not an https URL");
  }

  @Test
  @DisplayName("a body without its '# English' part is rejected")
  void missingEnglishPart() {
    String text = TEXT.substring(0, TEXT.indexOf("# English"));

    EntryException e = failure(text);

    assertThat(e.reason()).isEqualTo("the body has no '# English' part");
    assertThat(e.line()).isGreaterThanOrEqualTo(lineOf(text, "Aggiornare il node pool."));
  }

  @Test
  @DisplayName("a part without '## Causa' is rejected at its '# Italiano' heading")
  void missingCauseSection() {
    String text = replace(TEXT, "## Causa\nGli indirizzi del nodo sono finiti.\n", "");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "# Italiano"));
    assertThat(e.reason()).isEqualTo("'# Italiano' has no '## Causa' section");
  }

  @Test
  @DisplayName("an empty required section counts as missing")
  void emptySectionIsMissing() {
    String text = replace(TEXT, "The node ran out of addresses.\n", "\n");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "# English"));
    assertThat(e.reason()).isEqualTo("'# English' has no '## Cause' section");
  }

  @Test
  @DisplayName("'## Soluzione' is an unknown heading, reported at its line with a suggestion")
  void unknownSectionHeading() {
    String text =
        replace(
            TEXT,
            "Aggiornare il node pool.\n",
            "Aggiornare il node pool.\n## Soluzione\nSvuotare il nodo.\n");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "## Soluzione"));
    assertThat(e.reason())
        .isEqualTo(
            "unknown section '## Soluzione' in Italiano, did you mean 'Soluzione alternativa'?");
  }

  @Test
  @DisplayName("front matter without its closing '---' is reported on line 1")
  void unclosedFrontMatter() {
    String text = replace(TEXT, "---\n# Italiano", "# Italiano");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.reason()).contains("not closed");
  }

  @Test
  @DisplayName("a file that does not start with front matter is rejected on line 1")
  void noFrontMatter() {
    EntryException e = failure("# Italiano\n## Sintomo\nx\n");

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.reason()).contains("starts with '---'");
  }

  @Test
  @DisplayName("invalid YAML is reported at the line the YAML parser stopped")
  void invalidYaml() {
    String text = replace(TEXT, "area: networking", "area: networking: images");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "area:"));
    assertThat(e.reason()).startsWith("invalid YAML:");
  }

  @Test
  @DisplayName("a tab used for indentation is invalid YAML at its line")
  void tabIndentation() {
    String text = replace(TEXT, "  platform: linux", "\tplatform: linux");

    EntryException e = failure(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "\tplatform"));
    assertThat(e.reason()).startsWith("invalid YAML:");
  }

  @Test
  @DisplayName("NUL bytes are reported as binary content, not as a YAML error")
  void binaryContent() {
    EntryException e = failure(TEXT + "\0\0\0");

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.reason()).contains("binary content");
  }

  static Stream<Arguments> otherDefects() {
    return Stream.of(
        Arguments.of("id: sample-issue", "id: Sample_Issue", "id:", "must be lowercase words"),
        Arguments.of(
            "platform: linux", "platform: macos", "platform:", "must be windows, linux or any"),
        Arguments.of(
            "- type: node-version", "- match: \"x\"", "- match:", "check without a 'type'"),
        Arguments.of("title:", "titles:", "titles:", "unknown key 'titles' in front matter"),
        Arguments.of(
            "platform: linux",
            "platfrom: linux",
            "platfrom:",
            "unknown key 'platfrom' in affected, did you mean 'platform'?"),
        Arguments.of(
            "it: [\"pod bloccati in ContainerCreating\"]",
            "fr: [\"x\"]",
            "fr:",
            "unknown key 'fr' in symptoms"),
        Arguments.of(
            "## Symptom",
            "Some text\n## Symptom",
            "Some text",
            "text before the first '## ' section of English"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  @DisplayName("other defects are reported at their line")
  void otherDefects(String from, String to, String lineMarker, String reason) {
    String text = replace(TEXT, from, to);

    EntryException e = failure(text);

    assertThat(e.reason()).contains(reason);
    assertThat(e.line()).isEqualTo(lineOf(text, lineMarker));
  }

  @Test
  @DisplayName("an entry with neither signatures nor symptoms is rejected")
  void nothingToMatchOn() {
    String text =
        replace(
            replace(
                TEXT,
                "signatures:\n  - \"failed to allocate for range 0: no IP addresses available in"
                    + " range set: <ip-range>\"\n",
                ""),
            "symptoms:\n  it: [\"pod bloccati in ContainerCreating\"]\n"
                + "  en: [\"pods stuck in ContainerCreating\"]\n",
            "");

    EntryException e = failure(text);

    assertThat(e.reason()).contains("needs signatures or symptoms");
  }

  @Test
  @DisplayName("a second '# Italiano' part names the line of the first")
  void secondLanguagePart() {
    String text = TEXT + "\n# Italiano\n## Sintomo\nancora\n";

    EntryException e = failure(text);

    int first = lineOf(TEXT, "# Italiano");
    assertThat(e.line()).isGreaterThan(first);
    assertThat(e.reason()).contains("first at line " + first);
  }

  @Test
  @DisplayName("a heading inside a code block is content, not a section")
  void headingInsideCodeFence() throws EntryException {
    String text =
        replace(
            TEXT,
            "Upgrade the node pool.\n",
            "Upgrade the node pool.\n```\n# English\n## Unknown\n```\n");

    Entry e = EntryParser.parse(FILE, text);

    assertThat(e.body(Language.EN).section(Section.RESOLUTION).orElseThrow())
        .contains("## Unknown");
  }
}
