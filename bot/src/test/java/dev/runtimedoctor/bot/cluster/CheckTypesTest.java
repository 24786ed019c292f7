package dev.runtimedoctor.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table {@code validate} uses is the set of checks the runner really has. */
class CheckTypesTest {
  @Test
  @DisplayName("every type in CheckTypes runs, and a type outside it is unknown to the runner")
  void tableMatchesTheRunner(@TempDir Path dir) throws Exception {
    StringBuilder checks = new StringBuilder();
    CheckTypes.PARAMETERS.keySet().forEach(t -> checks.append("  - type: ").append(t).append('\n'));
    checks.append("  - type: no-such-check\n");
    Files.writeString(
        dir.resolve("probe.md"),
        """
        ---
        id: probe
        area: networking
        title:
          it: "Sonda"
          en: "Probe"
        signatures:
          - "probe error"
        checks:
        """
            + checks
            + """
            ---
            # Italiano
            ## Sintomo
            s
            ## Causa
            c
            ## Risoluzione
            r
            # English
            ## Symptom
            s
            ## Cause
            c
            ## Resolution
            r
            """);
    Entry probe = EntryLoader.loadDirectory(dir).get(0);

    List<CheckResult> results;
    try (ClusterChecks runner =
        new ClusterChecks(
            ClusterReader.unavailable("none", "no cluster in this test"),
            ClusterSettings.DEFAULT)) {
      results = runner.run(List.of(probe), CheckScope.CLUSTER);
    }

    assertThat(results).hasSize(CheckTypes.PARAMETERS.size() + 1);
    for (CheckResult r : results) {
      boolean unknown = r.summary().contains("has no '" + r.check() + "' check");
      assertThat(unknown).as(r.check()).isEqualTo(r.check().equals("no-such-check"));
    }
  }
}
