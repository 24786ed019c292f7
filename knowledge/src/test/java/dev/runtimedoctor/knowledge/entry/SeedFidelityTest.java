package dev.runtimedoctor.knowledge.entry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.version.Version;
import dev.runtimedoctor.knowledge.version.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The entries drawn from the seed document (Google's "Troubleshoot the container runtime" page in
 * Italian) keep its facts and not its sentences: every version they name is in the page, and no run
 * of {@value #RUN} words of their Italian prose (outside code and quoted titles) is the page's.
 */
class SeedFidelityTest {
  /**
   * Words in a row that make a copied phrase. Five catch stock phrases two writers would both use
   * ("il certificato esista in"); six are a sentence's worth of someone else's wording.
   */
  private static final int RUN = 6;

  /** A word, or a token with digits or dots, slashes and dashes inside: a fact, not wording. */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[./_-][\\p{L}\\p{N}]+)*");

  private static final Pattern CODE_BLOCK = Pattern.compile("```.*?```", Pattern.DOTALL);
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

  /** A quoted name is a citation: the title of a page or section the entry points to. */
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]{1,120}\"");

  private static String seed;
  private static Set<List<String>> seedRuns;

  @BeforeAll
  static void readSeed() throws IOException {
    // A copy of shared/seeds/000_6e4de3af60ea4d26.txt, so the suite needs nothing outside the
    // checkout.
    try (var in = SeedFidelityTest.class.getResourceAsStream("/seed/000_6e4de3af60ea4d26.txt")) {
      assertThat(in).as("the seed document in the test resources").isNotNull();
      seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    seedRuns = new HashSet<>(runs(words(seed)));
  }

  static Stream<String> seedEntries() {
    List<String> ids =
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
    return ids.stream();
  }

  private static Entry entry(String id) {
    return EntryLoader.bundled().stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no bundled entry " + id));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seedEntries")
  @DisplayName("the Italian prose of a seed entry copies no run of six words from the seed")
  void ownWords(String id) {
    Entry e = entry(id);
    String prose = CODE_BLOCK.matcher(e.body(Language.IT).text()).replaceAll(" ");
    prose = QUOTED.matcher(INLINE_CODE.matcher(prose).replaceAll(" ")).replaceAll(" ");
    List<String> copied = new ArrayList<>();
    for (List<String> run : runs(words(prose))) {
      if (seedRuns.contains(run)) {
        copied.add(String.join(" ", run));
      }
    }
    assertThat(copied).as("phrases of %s copied from the seed", e.id()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seedEntries")
  @DisplayName("every GKE and containerd version a seed entry names is one the seed names")
  void versionsFromSeed(String id) {
    Entry e = entry(id);
    Affected a = e.affected();
    List<Version> named = new ArrayList<>(a.fixedGke());
    named.addAll(a.fixedContainerd());
    for (VersionRange r : Stream.concat(a.gke().stream(), a.containerd().stream()).toList()) {
      r.lower().ifPresent(b -> named.add(b.version()));
      r.upper().ifPresent(b -> named.add(b.version()));
    }
    for (Version v : named) {
      Pattern inSeed =
          Pattern.compile("(?<![\\d.])" + Pattern.quote(v.toString()) + "(?![\\d]|\\.\\d)");
      assertThat(inSeed.matcher(seed).find())
          .as("%s names version %s, which the seed does not", e.id(), v)
          .isTrue();
    }
  }

  /** Lower-cased words; a token with digits or inner punctuation breaks a run. */
  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String t = m.group();
      out.add(t.chars().allMatch(Character::isLetter) ? t : null);
    }
    return out;
  }

  private static List<List<String>> runs(List<String> words) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i + RUN <= words.size(); i++) {
      List<String> run = words.subList(i, i + RUN);
      if (!run.contains(null)) {
        out.add(List.copyOf(run));
      }
    }
    return out;
  }
}
