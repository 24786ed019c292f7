package dev.runtimedoctor.knowledge.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryLoaderTest {

  /** The fixed ids of DESIGN §2, one per section of the seed document. */
  private static final List<String> DESIGN_IDS =
      List.of(
          "windows-drive-letter-mount",
          "windows-cmd-entrypoint-escaped",
          "windows-image-volume-path",
          "etc-mtab-missing",
          "kaniko-not-a-directory",
          "cadvisor-fs-metrics-missing",
          "windows-attach-after-restart",
          "pod-ip-exhaustion",
          "exec-probe-timeout",
          "private-registry-x509",
          "private-registry-certificate-missing",
          "insecure-registry-http",
          "privileged-device-mappings",
          "shim-leak-io-pressure",
          "ipv6-enabled-pods",
          "nap-docker-only",
          "docker0-172-17-conflict",
          "gpu-metrics-missing",
          "octet-stream-media-type",
          "cni-config-uninitialized");

  /** The fixed ids of the everyday pack (issue 10). */
  private static final List<String> EVERYDAY_IDS =
      List.of(
          "image-pull-backoff",
          "image-pull-unauthorized",
          "image-pull-not-found",
          "image-pull-registry-unreachable",
          "image-pull-rate-limit",
          "exec-format-error",
          "executable-not-found",
          "create-container-config-error",
          "crash-loop-backoff",
          "oom-killed",
          "probe-failure",
          "oci-runtime-create-failed",
          "volume-mount-timeout",
          "volume-mount-failed",
          "sandbox-cni-plugin-error",
          "node-not-ready-pleg",
          "node-not-ready",
          "pod-evicted-resource-pressure",
          "node-disk-full");

  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("every .md file of a directory is loaded, sorted by file name")
  void loadsMarkdownFiles() throws Exception {
    write("b-issue.md", SampleEntry.withId("b-issue"));
    write("a-issue.md", SampleEntry.withId("a-issue"));

    List<Entry> entries = EntryLoader.loadDirectory(dir);

    assertThat(entries).extracting(Entry::id).containsExactly("a-issue", "b-issue");
    assertThat(entries.get(0).source()).isEqualTo(dir + "/a-issue.md");
  }

  @Test
  @DisplayName("hidden files, non-.md files, hidden folders and deeper folders are ignored")
  void ignoresOtherFiles() throws Exception {
    write("real-issue.md", SampleEntry.withId("real-issue"));
    write(".draft.md", "not an entry at all");
    write("README.txt", "not an entry at all");
    write("real-issue.md.bak", "not an entry at all");
    write("notes.markdown", "not an entry at all");
    Files.createDirectories(dir.resolve("pack/deeper"));
    Files.writeString(dir.resolve("pack/deeper/other-issue.md"), "not an entry at all");
    // A mounted ConfigMap keeps its real files in hidden folders and links them from the top.
    Files.createDirectories(dir.resolve("..data"));
    Files.writeString(dir.resolve("..data/hidden-issue.md"), "not an entry at all");
    Files.createDirectory(dir.resolve("folder.md"));

    List<Entry> entries = EntryLoader.loadDirectory(dir);

    assertThat(entries).extracting(Entry::id).containsExactly("real-issue");
  }

  @Test
  @DisplayName("a directory's own files form a pack named after it, each subfolder another pack")
  void subfoldersArePacks() throws Exception {
    Path team = Files.createDirectory(dir.resolve("team"));
    Files.writeString(team.resolve("flat-issue.md"), SampleEntry.withId("flat-issue"));
    Files.createDirectories(team.resolve("payments"));
    Files.writeString(team.resolve("payments/pay-issue.md"), SampleEntry.withId("pay-issue"));

    List<Entry> entries = EntryLoader.loadDirectory(team);

    assertThat(entries)
        .extracting(Entry::id, Entry::pack, Entry::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("flat-issue", "team", team + "/flat-issue.md"),
            org.assertj.core.groups.Tuple.tuple(
                "pay-issue", "payments", team + "/payments/pay-issue.md"));
  }

  @Test
  @DisplayName("the same id in two packs of a directory is rejected, naming both files")
  void duplicateIdAcrossPacks() throws Exception {
    write("same-issue.md", SampleEntry.withId("same-issue"));
    Files.createDirectory(dir.resolve("other"));
    Files.writeString(dir.resolve("other/copy.md"), SampleEntry.withId("same-issue"));

    EntryException e =
        catchThrowableOfType(EntryException.class, () -> EntryLoader.loadDirectory(dir));

    assertThat(e).isNotNull();
    assertThat(e.file()).isEqualTo(dir + "/other/copy.md");
    assertThat(e.reason()).contains("duplicate id 'same-issue'").contains("same-issue.md");
  }

  @Test
  @DisplayName("an empty directory gives no entries")
  void emptyDirectory() throws Exception {
    assertThat(EntryLoader.loadDirectory(dir)).isEmpty();
  }

  @Test
  @DisplayName("two files sharing an id are rejected with 'duplicate id', naming both files")
  void duplicateId() throws Exception {
    write("first.md", SampleEntry.withId("same-issue"));
    write("second.md", SampleEntry.withId("same-issue"));

    EntryException e =
        catchThrowableOfType(EntryException.class, () -> EntryLoader.loadDirectory(dir));

    assertThat(e).isNotNull();
    assertThat(e.file()).endsWith("second.md");
    assertThat(e.line()).isEqualTo(SampleEntry.lineOf(SampleEntry.TEXT, "id:"));
    assertThat(e.reason()).contains("duplicate id 'same-issue'").contains("first.md");
  }

  @Test
  @DisplayName("a bad entry is reported as dir/file:line: reason")
  void badEntryNamesFileAndLine() throws Exception {
    String text = SampleEntry.replace(SampleEntry.TEXT, "signatures:", "signature:");
    write("sample-issue.md", text);

    EntryException e =
        catchThrowableOfType(EntryException.class, () -> EntryLoader.loadDirectory(dir));

    assertThat(e).isNotNull();
    int line = SampleEntry.lineOf(text, "signature:");
    assertThat(e.getMessage()).startsWith(dir + "/sample-issue.md:" + line + ": unknown key");
  }

  @Test
  @DisplayName("a binary file with NUL bytes gives a clear EntryException")
  void binaryFile() throws Exception {
    byte[] bytes = new byte[64];
    Arrays.fill(bytes, (byte) 0);
    System.arraycopy("---\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
    Files.write(dir.resolve("image.md"), bytes);

    assertThatThrownBy(() -> EntryLoader.loadDirectory(dir))
        .isExactlyInstanceOf(EntryException.class)
        .hasMessageStartingWith(dir + "/image.md:1: ")
        .hasMessageContaining("binary");
  }

  @Test
  @DisplayName("a file that is not valid UTF-8 gives a clear EntryException")
  void invalidUtf8() throws Exception {
    byte[] text = SampleEntry.TEXT.getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = Arrays.copyOf(text, text.length + 3);
    bytes[text.length] = (byte) 0xC3; // a lead byte without its continuation
    bytes[text.length + 1] = (byte) 'x';
    bytes[text.length + 2] = (byte) 0xFF; // never valid in UTF-8
    Files.write(dir.resolve("latin1.md"), bytes);

    assertThatThrownBy(() -> EntryLoader.loadDirectory(dir))
        .isExactlyInstanceOf(EntryException.class)
        .hasMessage(dir + "/latin1.md:1: not valid UTF-8");
  }

  @Test
  @DisplayName("a file over 512 KiB is rejected before it is parsed")
  void oversizedFile() throws Exception {
    write("huge.md", SampleEntry.TEXT + "x".repeat(600 * 1024));

    assertThatThrownBy(() -> EntryLoader.loadDirectory(dir))
        .isExactlyInstanceOf(EntryException.class)
        .hasMessageContaining("huge.md:1:")
        .hasMessageContaining("512 KiB");
  }

  @Test
  @DisplayName("a path that is not a directory is an IOException naming it")
  void notADirectory() throws Exception {
    Path file = dir.resolve("file.md");
    write("file.md", SampleEntry.TEXT);

    assertThatThrownBy(() -> EntryLoader.loadDirectory(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  @DisplayName("the gke-runtime pack is exactly the 20 known issues of DESIGN §2")
  void gkeRuntimePack() {
    List<Entry> pack = EntryLoader.bundled(List.of("gke-runtime"));
    assertThat(pack).extracting(Entry::id).containsExactlyInAnyOrderElementsOf(DESIGN_IDS);
    assertThat(pack).allSatisfy(e -> assertThat(e.kind()).isEqualTo(Kind.KNOWN_ISSUE));
    assertThat(pack).allSatisfy(e -> assertThat(e.pack()).isEqualTo("gke-runtime"));
  }

  @Test
  @DisplayName("the everyday pack holds only failure modes with the fixed ids of issue 10")
  void everydayPack() {
    List<Entry> pack = EntryLoader.bundled(List.of("everyday"));
    assertThat(pack).extracting(Entry::id).isSubsetOf(EVERYDAY_IDS).doesNotHaveDuplicates();
    for (Entry e : pack) {
      assertThat(e.kind()).as(e.id()).isEqualTo(Kind.FAILURE_MODE);
      assertThat(e.pack()).as(e.id()).isEqualTo("everyday");
    }
  }

  @Test
  @DisplayName("every bundled entry is in one of the bundled packs, known issues listed first")
  void bundledIsEveryPack() {
    List<Entry> all = EntryLoader.bundled();
    assertThat(all)
        .hasSize(
            EntryLoader.bundled(List.of("gke-runtime")).size()
                + EntryLoader.bundled(List.of("everyday")).size());
    assertThat(all.subList(0, DESIGN_IDS.size()))
        .extracting(Entry::id)
        .containsExactlyInAnyOrderElementsOf(DESIGN_IDS);
    assertThat(EntryLoader.bundled(List.of())).isEmpty();
  }

  @Test
  @DisplayName("the folders of knowledge/entries are exactly the bundled packs, with no loose file")
  void entryFoldersArePacks() throws IOException {
    Path root = Path.of("entries");
    try (var children = Files.list(root)) {
      List<Path> all = children.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
      assertThat(all).allSatisfy(p -> assertThat(p).isDirectory());
      assertThat(all)
          .extracting(p -> p.getFileName().toString())
          .isSubsetOf(EntryLoader.PACKS)
          .contains("gke-runtime");
    }
  }

  @Test
  @DisplayName("asking for a pack that does not exist names it and suggests the closest")
  void unknownPack() {
    assertThatThrownBy(() -> EntryLoader.bundled(List.of("gke-runtime", "everday")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown pack 'everday', did you mean 'everyday'? (bundled packs: gke-runtime,"
                + " everyday)");
  }

  @Test
  @DisplayName("each bundled entry sits in its pack's folder, in the file named after its id")
  void bundledSourcesMatchIds() {
    for (Entry e : EntryLoader.bundled()) {
      assertThat(e.source()).isEqualTo("entries/" + e.pack() + "/" + e.id() + ".md");
    }
  }

  @Test
  @DisplayName("each bundled entry has a title and symptom, cause and resolution in both languages")
  void bundledEntriesAreComplete() {
    for (Entry e : EntryLoader.bundled()) {
      for (Language l : Language.values()) {
        assertThat(e.title().get(l)).as("%s title %s", e.id(), l).isNotBlank();
        for (Section s : List.of(Section.SYMPTOM, Section.CAUSE, Section.RESOLUTION)) {
          assertThat(e.body(l).section(s))
              .as("%s %s %s", e.id(), l, s.heading(l))
              .hasValueSatisfying(text -> assertThat(text).isNotBlank());
        }
      }
      assertThat(e.signatures().size() + e.symptoms(Language.EN).size())
          .as("%s has something to match on", e.id())
          .isPositive();
    }
  }

  @Test
  @DisplayName("every bundled reference is an https URL with a host")
  void bundledReferencesAreHttps() {
    for (Entry e : EntryLoader.bundled()) {
      for (String r : e.references()) {
        URI u = URI.create(r);
        assertThat(u.getScheme()).as("%s: %s", e.id(), r).isEqualTo("https");
        assertThat(u.getHost()).as("%s: %s", e.id(), r).isNotBlank();
      }
    }
  }

  @Test
  @DisplayName("every placeholder in a bundled signature is one the normalizer knows")
  void bundledPlaceholdersAreKnown() {
    // Broader than the parser's own check: any <word> counts, whatever its case.
    Pattern placeholder = Pattern.compile("<([A-Za-z][A-Za-z0-9_-]*)>");
    for (Entry e : EntryLoader.bundled()) {
      for (String sig : e.signatures()) {
        Matcher m = placeholder.matcher(sig);
        while (m.find()) {
          assertThat(Placeholder.labels())
              .as("placeholder <%s> in %s: %s", m.group(1), e.id(), sig)
              .contains(m.group(1));
        }
      }
    }
  }
}
