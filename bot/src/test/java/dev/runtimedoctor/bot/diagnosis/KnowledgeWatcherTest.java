package dev.runtimedoctor.bot.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeWatcherTest {
  private static final String ID = "dockerhub-pull-rate-limit";
  private static final Duration SETTLE = Duration.ofMillis(200);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  @DisplayName("an entry added to KNOWLEDGE_DIR is served without a restart; a bad one is not")
  void reloadsOnChangeAndKeepsTheLastGoodIndex(@TempDir Path dir) throws Exception {
    String example = example();
    Files.writeString(dir.resolve(ID + ".md"), example, StandardCharsets.UTF_8);
    DiagnosisService service = DiagnosisService.load(new KnowledgeSource(Optional.of(dir)));
    int before = service.knowledge().size();

    try (KnowledgeWatcher w = KnowledgeWatcher.start(dir, service, SETTLE)) {
      Files.writeString(dir.resolve("broken.md"), "---\nid: [not closed\n", StandardCharsets.UTF_8);
      // The broken entry's reload fails; the next change proves the watcher survived it.
      Files.delete(dir.resolve("broken.md"));
      String copy = ID + "-copy";
      Files.writeString(
          dir.resolve(copy + ".md"), example.replace(ID, copy), StandardCharsets.UTF_8);

      assertThat(poll(() -> service.knowledge().get(copy).isPresent())).isTrue();
      assertThat(service.knowledge().size()).isEqualTo(before + 1);
    }
  }

  @Test
  @DisplayName("a bad entry in KNOWLEDGE_DIR leaves the last good knowledge serving")
  void badEntryKeepsServing(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(ID + ".md"), example(), StandardCharsets.UTF_8);
    DiagnosisService service = DiagnosisService.load(new KnowledgeSource(Optional.of(dir)));
    int before = service.knowledge().size();
    Files.writeString(dir.resolve("broken.md"), "---\nid: [not closed\n", StandardCharsets.UTF_8);

    assertThat(service.reload()).isFalse();
    assertThat(service.knowledge().size()).isEqualTo(before);
  }

  /** The example entry the Kubernetes manifests mount. */
  private static String example() throws Exception {
    return Files.readString(
        Path.of("../deploy/kubernetes/common/entries/" + ID + ".md"), StandardCharsets.UTF_8);
  }

  private static boolean poll(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (done.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return done.getAsBoolean();
  }
}
