package dev.runtimedoctor.knowledge.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

  @Test
  @DisplayName("a GKE version reads as major.minor.patch plus the gke build number")
  void parsesGkeVersion() {
    Version v = Version.parse("1.24.6-gke.1500");

    assertThat(v).isEqualTo(new Version(1, 24, 6, 1500, 4));
    assertThat(v).hasToString("1.24.6-gke.1500");
  }

  @Test
  @DisplayName("a short version such as 1.18 keeps its precision, so it can stand for a whole line")
  void parsesShortVersion() {
    Version v = Version.parse("1.18");

    assertThat(v).isEqualTo(new Version(1, 18, 0, -1, 2));
    assertThat(v).hasToString("1.18");
  }

  @Test
  @DisplayName("the 'v' that kubectl prints before a version is accepted")
  void acceptsLeadingV() {
    assertThat(Version.parse("v1.21.5-gke.1802")).isEqualTo(new Version(1, 21, 5, 1802, 4));
    assertThat(Version.parseReported("v1.21.5-gke.1802")).isEqualTo(new Version(1, 21, 5, 1802, 4));
  }

  @Test
  @DisplayName(
      "a containerRuntimeVersion such as containerd://1.5.7-gke.0 is read without its scheme")
  void readsReportedContainerdVersion() {
    assertThat(Version.parseReported("containerd://1.5.7-gke.0"))
        .isEqualTo(new Version(1, 5, 7, 0, 4));
  }

  @Test
  @DisplayName("a reported version ignores a distribution suffix that is not a GKE build")
  void reportedVersionIgnoresDistroSuffix() {
    Version v = Version.parseReported("containerd://1.6.18-0ubuntu1");

    assertThat(v).isEqualTo(new Version(1, 6, 18, -1, 3));
    assertThat(v).hasToString("1.6.18");
  }

  @Test
  @DisplayName("an entry's version is strict: a distribution suffix is an error")
  void entryVersionIsStrict() {
    assertThatThrownBy(() -> Version.parse("containerd://1.6.18-0ubuntu1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("containerd://1.6.18-0ubuntu1");
  }

  @Test
  @DisplayName("build numbers compare as numbers, not as text: gke.900 < gke.1500")
  void buildNumbersCompareNumerically() {
    Version older = Version.parse("1.24.6-gke.900");
    Version newer = Version.parse("1.24.6-gke.1500");

    assertThat(older).isLessThan(newer);
    assertThat(newer).isGreaterThan(older);
    assertThat(Version.parse("1.24.6-gke.1500")).isEqualByComparingTo(newer);
  }

  @Test
  @DisplayName("a version without a build sorts before every build of the same patch")
  void noBuildSortsFirst() {
    assertThat(Version.parse("1.24.6")).isLessThan(Version.parse("1.24.6-gke.0"));
    assertThat(Version.parse("1.24.6")).isGreaterThan(Version.parse("1.24.5-gke.99999"));
  }

  @Test
  @DisplayName("sorting a mixed list orders by major, minor, patch, then build")
  void sortsMixedList() {
    List<Version> versions =
        new ArrayList<>(
            List.of(
                Version.parse("1.25.0"),
                Version.parse("1.24.6-gke.1500"),
                Version.parse("1.9.0"),
                Version.parse("1.24.6"),
                Version.parse("1.24.6-gke.900"),
                Version.parse("1.24.10-gke.1")));
    Collections.sort(versions);

    assertThat(versions)
        .extracting(Version::toString)
        .containsExactly(
            "1.9.0", "1.24.6", "1.24.6-gke.900", "1.24.6-gke.1500", "1.24.10-gke.1", "1.25.0");
  }

  @Test
  @DisplayName("compareToPrefix is 0 for every version on the bound's line")
  void compareToPrefixMatchesLine() {
    Version line = Version.parse("1.18");

    assertThat(Version.parse("1.18.0").compareToPrefix(line)).isZero();
    assertThat(Version.parse("1.18.20-gke.5").compareToPrefix(line)).isZero();
    assertThat(Version.parse("1.19.0").compareToPrefix(line)).isPositive();
    assertThat(Version.parse("1.17.99").compareToPrefix(line)).isNegative();
  }

  @ParameterizedTest
  @ValueSource(strings = {"banana", "1.x", "1.24.6-gke.", "1.24.6-gke.abc", "1.2.3.4", ""})
  @DisplayName("an unreadable version is rejected with the offending text in the message")
  void errorCarriesOffendingText(String text) {
    assertThatThrownBy(() -> Version.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("expected e.g. 1.24.6-gke.1500");
  }

  @Test
  @DisplayName("a GKE build without a patch version is rejected and says so")
  void buildWithoutPatchIsRejected() {
    assertThatThrownBy(() -> Version.parse("1.24-gke.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.24-gke.5")
        .hasMessageContaining("no patch");
  }

  @Test
  @DisplayName("a reported version with no major.minor is rejected with the offending text")
  void reportedErrorCarriesOffendingText() {
    assertThatThrownBy(() -> Version.parseReported("docker://"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'docker://'");
  }

  @Test
  @DisplayName("a record cannot hold a negative component or an impossible precision")
  void recordChecksInvariants() {
    assertThatThrownBy(() -> new Version(1, -1, 0, -1, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Version(1, 0, 0, -1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5");
  }
}
