package dev.runtimedoctor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.diagnosis.KnowledgeSource;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extra entry the manifests ship in the ConfigMap mounted as {@code KNOWLEDGE_DIR}. */
class ExampleEntryTest {
  private static final String PASTE =
      "Warning  Failed  12s  kubelet  Failed to pull image \"redis:7.2\": rpc error: code ="
          + " Unknown desc = failed to pull and unpack image \"docker.io/library/redis:7.2\":"
          + " failed to copy: httpReadSeeker: failed open: unexpected status code"
          + " https://registry-1.docker.io/v2/library/redis/manifests/sha256:5d2a: 429 Too Many"
          + " Requests - Server message: toomanyrequests: You have reached your pull rate limit."
          + " You may increase the limit by authenticating and upgrading:"
          + " https://www.docker.com/increase-rate-limit";

  /** The ConfigMap's files as the pod sees them, written out the way the volume would. */
  private static Path mounted(Path dir) throws Exception {
    Rendered r = Rendered.of(Rendered.HTTP);
    Map<String, String> env = r.environment(Rendered.FAKE_SECRETS, dir);
    return Path.of(env.get("KNOWLEDGE_DIR"));
  }

  @Test
  @DisplayName("the mounted entries validate, and none replaces a bundled entry by accident")
  void validates(@TempDir Path volumes) throws Exception {
    Path dir = mounted(volumes);
    List<Entry> entries = EntryLoader.loadDirectory(dir);
    assertThat(entries).isNotEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files.count()).as("one entry per file").isEqualTo(entries.size());
    }
    List<String> bundled = EntryLoader.bundled().stream().map(Entry::id).toList();
    for (Entry e : entries) {
      assertThat(e.source()).endsWith(e.id() + ".md");
      assertThat(bundled).doesNotContain(e.id());
    }
  }

  @Test
  @DisplayName("the bot loaded with the mounted entries recognises the example's error")
  void diagnosed(@TempDir Path volumes) throws Exception {
    DiagnosisService service =
        DiagnosisService.load(new KnowledgeSource(Optional.of(mounted(volumes))));
    Diagnosis d = service.diagnose(PASTE);
    assertThat(d.top().map(Match::entry).map(Entry::id)).contains("dockerhub-pull-rate-limit");
    assertThat(d.reply()).isTrue();
  }
}
