package dev.runtimedoctor.bot.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Affected;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The affected-versions line of an answer, on the bundled entries. */
class AffectedTextTest {
  private static final KnowledgeBase KB = KnowledgeBase.bundledWith(List.of());

  private static Affected affected(String id) {
    return KB.get(id).map(Entry::affected).orElseThrow();
  }

  @Test
  @DisplayName("an entry whose page names no GKE versions says so, never 'all versions'")
  void noVersionsNamed() {
    assertThat(AffectedText.affected(affected("etc-mtab-missing"), Language.EN))
        .isEqualTo("Linux nodes · GKE: the page names no affected versions");
    assertThat(AffectedText.affected(affected("private-registry-x509"), Language.IT))
        .isEqualTo("tutti i nodi · GKE: la pagina non indica versioni interessate");
    assertThat(AffectedText.affected(affected("windows-drive-letter-mount"), Language.EN))
        .isEqualTo("Windows nodes · GKE: the page names no affected versions · containerd < 1.6.6");
  }

  @Test
  @DisplayName("an entry whose page says every GKE version is affected says all versions")
  void allVersions() {
    assertThat(AffectedText.affected(affected("kaniko-not-a-directory"), Language.EN))
        .isEqualTo("Linux nodes · GKE all versions");
    assertThat(AffectedText.affected(affected("octet-stream-media-type"), Language.IT))
        .isEqualTo("tutti i nodi · GKE tutte le versioni · containerd tutte le versioni");
  }

  @Test
  @DisplayName("pod-ip-exhaustion shows the seed's three upper bounds and nothing more")
  void podIpUpperBounds() {
    assertThat(AffectedText.affected(affected("pod-ip-exhaustion"), Language.EN))
        .isEqualTo(
            "Linux nodes · GKE <= 1.24.6-gke.1500, <= 1.23.14-gke.1800, <= 1.22.16-gke.2000");
    assertThat(AffectedText.fixed(affected("pod-ip-exhaustion"))).isEmpty();
  }
}
