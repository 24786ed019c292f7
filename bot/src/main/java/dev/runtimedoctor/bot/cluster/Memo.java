package dev.runtimedoctor.bot.cluster;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A value read at most once per run and shared by every check that needs it, failures included:
 * twenty checks of an unreachable cluster wait for one timeout, not twenty.
 */
final class Memo<T> {
  private final FutureTask<T> task;
  private final AtomicBoolean started = new AtomicBoolean();

  Memo(Supplier<T> loader) {
    this.task = new FutureTask<>(loader::get);
  }

  T get() {
    if (started.compareAndSet(false, true)) {
      task.run();
    }
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterAccessException("interrupted while waiting for the API server");
    } catch (CancellationException e) {
      throw new ClusterAccessException("the read was cancelled");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
