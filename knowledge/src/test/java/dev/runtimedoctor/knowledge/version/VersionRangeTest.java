package dev.runtimedoctor.knowledge.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

  private static boolean contains(String range, String version) {
    return VersionRange.parse(range).contains(Version.parseReported(version));
  }

  @Test
  @DisplayName("'1.18' covers every 1.18.x, GKE builds included, and nothing else")
  void shortVersionCoversItsLine() {
    assertThat(contains("1.18", "1.18.0")).isTrue();
    assertThat(contains("1.18", "1.18.20-gke.5")).isTrue();
    assertThat(contains("1.18", "1.19.0")).isFalse();
    assertThat(contains("1.18", "1.17.17-gke.100")).isFalse();
  }

  @Test
  @DisplayName("'1.21 - 1.21.5-gke.1802' is inclusive at both ends and stops at the exact build")
  void dashedRangeIsInclusive() {
    String range = "1.21 - 1.21.5-gke.1802";

    assertThat(contains(range, "1.21.0")).isTrue();
    assertThat(contains(range, "1.21.5-gke.1802")).isTrue();
    assertThat(contains(range, "1.21.5-gke.1803")).isFalse();
    assertThat(contains(range, "1.22.0")).isFalse();
    assertThat(contains(range, "1.20.15-gke.300")).isFalse();
  }

  @Test
  @DisplayName("'from 1.25.0 to 1.25.15-gke.1040000' reads like the dashed form")
  void fromToRange() {
    String range = "from 1.25.0 to 1.25.15-gke.1040000";

    assertThat(VersionRange.parse(range)).hasToString("1.25.0 - 1.25.15-gke.1040000");
    assertThat(contains(range, "1.25.0")).isTrue();
    assertThat(contains(range, "1.25.8-gke.500")).isTrue();
    assertThat(contains(range, "1.25.15-gke.1040000")).isTrue();
    assertThat(contains(range, "1.25.15-gke.1040001")).isFalse();
    assertThat(contains(range, "1.24.17-gke.200")).isFalse();
  }

  @Test
  @DisplayName("the seed's unspaced '1.20.0-1.20.6-gke.1800' is a range, not a version")
  void unspacedSeedRange() {
    String range = "1.20.0-1.20.6-gke.1800";

    assertThat(VersionRange.parse(range)).hasToString("1.20.0 - 1.20.6-gke.1800");
    assertThat(contains(range, "1.20.0")).isTrue();
    assertThat(contains(range, "1.20.6-gke.1800")).isTrue();
    assertThat(contains(range, "1.20.6-gke.1801")).isFalse();
    assertThat(contains(range, "1.20.7")).isFalse();
  }

  @Test
  @DisplayName("'<= 1.24.6-gke.1500' includes its bound and everything before it")
  void atMost() {
    String range = "<= 1.24.6-gke.1500";

    assertThat(contains(range, "1.24.6-gke.1500")).isTrue();
    assertThat(contains(range, "1.24.6-gke.900")).isTrue();
    assertThat(contains(range, "1.23.1")).isTrue();
    assertThat(contains(range, "1.24.6-gke.1501")).isFalse();
    assertThat(contains(range, "1.25.0")).isFalse();
  }

  @Test
  @DisplayName("'< 1.6.6' excludes 1.6.6 and every build of it")
  void below() {
    String range = "< 1.6.6";

    assertThat(contains(range, "1.6.5")).isTrue();
    assertThat(contains(range, "containerd://1.5.7-gke.0")).isTrue();
    assertThat(contains(range, "1.6.6")).isFalse();
    assertThat(contains(range, "1.6.6-gke.1")).isFalse();
    assertThat(contains(range, "containerd://1.6.18-0ubuntu1")).isFalse();
  }

  @Test
  @DisplayName("'>= 1.25' starts at the first 1.25 version and is open above")
  void atLeast() {
    String range = ">= 1.25";

    assertThat(contains(range, "1.25.0")).isTrue();
    assertThat(contains(range, "1.25.0-gke.1")).isTrue();
    assertThat(contains(range, "1.27.3-gke.100")).isTrue();
    assertThat(contains(range, "1.24.17-gke.200")).isFalse();
  }

  @Test
  @DisplayName("'> 1.20.9' starts after every 1.20.9 build")
  void above() {
    String range = "> 1.20.9";

    assertThat(contains(range, "1.20.10")).isTrue();
    assertThat(contains(range, "1.20.9")).isFalse();
    assertThat(contains(range, "1.20.9-gke.5")).isFalse();
  }

  @Test
  @DisplayName("a single exact version contains only itself")
  void exactVersion() {
    assertThat(contains("1.5.7-gke.0", "containerd://1.5.7-gke.0")).isTrue();
    assertThat(contains("1.5.7-gke.0", "1.5.7-gke.1")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"all", "ALL", " all ", "*"})
  @DisplayName("'all' contains every version")
  void all(String text) {
    VersionRange r = VersionRange.parse(text);

    assertThat(r.lower()).isEmpty();
    assertThat(r.upper()).isEmpty();
    assertThat(r.contains(Version.parse("0.1"))).isTrue();
    assertThat(r.contains(Version.parse("99.0.0-gke.1"))).isTrue();
  }

  @Test
  @DisplayName("a reversed range is rejected, naming the text and both bounds")
  void reversedRangeRejected() {
    assertThatThrownBy(() -> VersionRange.parse("1.22 - 1.21"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'1.22 - 1.21'")
        .hasMessageContaining("ends (1.21) before it starts (1.22)");
    assertThatThrownBy(() -> VersionRange.parse("1.21.5-gke.1802 - 1.21.5-gke.900"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before it starts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest", "1.2.3.4", "1.21 -", "between 1.20 and 1.21", "~1.21"})
  @DisplayName("garbage is rejected with a message naming the expected forms")
  void garbageRejected(String text) {
    assertThatThrownBy(() -> VersionRange.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("'1.21 - 1.21.5-gke.1802'")
        .hasMessageContaining("'<= 1.24.6-gke.1500'")
        .hasMessageContaining("'all'");
  }

  @Test
  @DisplayName("an open bound that is not a version names the expected version form")
  void badOpenBound() {
    assertThatThrownBy(() -> VersionRange.parse("<= banana"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'banana'")
        .hasMessageContaining("1.24.6-gke.1500");
  }

  @Test
  @DisplayName("an empty range is rejected")
  void emptyRejected() {
    assertThatThrownBy(() -> VersionRange.parse("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  @DisplayName("a short upper bound covers its whole line, even after a precise lower one")
  void shortUpperBoundAfterPreciseLower() {
    VersionRange r = VersionRange.parse("1.21.5-gke.1802 - 1.21");

    assertThat(r.contains(Version.parse("1.21.9"))).isTrue();
    assertThat(r.contains(Version.parse("1.21.5-gke.1801"))).isFalse();
    assertThat(r.contains(Version.parse("1.22.0"))).isFalse();
  }
}
