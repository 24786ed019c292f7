package dev.runtimedoctor.bot.diagnosis;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the knowledge when the files under {@code KNOWLEDGE_DIR} change (the directory and its
 * pack folders, one level down): a burst of changes — a ConfigMap update swaps every file at once —
 * is waited out, then {@link DiagnosisService#reload()} runs once; a bad entry keeps the last good
 * index serving.
 */
public final class KnowledgeWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);

  private final Path dir;
  private final DiagnosisService service;
  private final Duration settle;
  private final WatchService watch;
  private final Thread thread;

  private KnowledgeWatcher(Path dir, DiagnosisService service, Duration settle) throws IOException {
    this.dir = dir;
    this.service = service;
    this.settle = settle;
    this.watch = dir.getFileSystem().newWatchService();
    register();
    this.thread = new Thread(this::run, "knowledge-watch");
    thread.setDaemon(true);
  }

  /**
   * Watches {@code dir} for {@code service}.
   *
   * @param settle how long the files must stay unchanged before the reload
   * @throws IOException when the directory cannot be watched
   */
  public static KnowledgeWatcher start(Path dir, DiagnosisService service, Duration settle)
      throws IOException {
    KnowledgeWatcher w = new KnowledgeWatcher(dir, service, settle);
    w.thread.start();
    log.info("watching knowledge dir={}", dir);
    return w;
  }

  private void register() throws IOException {
    dir.register(
        watch,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_DELETE,
        StandardWatchEventKinds.ENTRY_MODIFY);
    try (Stream<Path> children = Files.list(dir)) {
      for (Path p : children.filter(Files::isDirectory).toList()) {
        p.register(
            watch,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
      }
    }
  }

  private void run() {
    try {
      while (true) {
        drain(watch.take());
        // Wait until nothing changed for a while: one reload per burst.
        WatchKey more;
        while ((more = watch.poll(settle.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        // A pack folder created since the last look is watched from now on.
        register();
        service.reload();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Closed with the bot.
    } catch (IOException e) {
      log.warn("knowledge dir no longer watched dir={} error={}", dir, e.getMessage());
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      watch.close();
    } catch (IOException e) {
      log.warn("knowledge watch close failed: {}", e.getMessage());
    }
  }
}
