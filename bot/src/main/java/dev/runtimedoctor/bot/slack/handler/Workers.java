package dev.runtimedoctor.bot.slack.handler;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.response.Response;
import dev.runtimedoctor.bot.errors.ErrorReference;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool that does the slow part of every request after Slack has its acknowledgement:
 * diagnosing, looking up the user's locale, posting the answer. A full queue refuses work rather
 * than growing; an exception in a task is logged with a reference and never kills a worker.
 */
public final class Workers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Workers.class);

  private final ThreadPoolExecutor pool;
  private final SlackMetrics metrics;

  public Workers(int threads, int queue, SlackMetrics metrics) {
    this.metrics = metrics;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory names =
        r -> {
          Thread t = new Thread(r, "slack-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            names,
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Runs {@code task} on a worker.
   *
   * @param what names the task in the log if it fails
   * @return false when the queue is full and the task was not taken
   */
  boolean submit(String what, Runnable task) {
    try {
      pool.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              String ref = ErrorReference.next();
              log.error("task failed task={} ref={}", what, ref, e);
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      metrics.dropped("busy");
      log.warn("workers busy, task refused task={}", what);
      return false;
    }
  }

  /**
   * Thrown by an event listener whose work no worker took. Bolt acknowledges an event whose
   * listener answers anything but 200 (auto-ack is on, for the events nobody listens to), so the
   * refusal travels as this exception to {@link #refuseWhenBusy()}.
   */
  static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Busy() {
      super("workers busy", null, false, false);
    }
  }

  /**
   * The middleware that answers an event refused by a full queue with 503, so that Slack delivers
   * it again later: in HTTP mode it retries a non-2xx answer, in Socket Mode an envelope answered
   * otherwise than 200 is not acknowledged and Slack redelivers it. Acknowledging it would lose it.
   */
  public static Middleware refuseWhenBusy() {
    return (req, resp, chain) -> {
      try {
        return chain.next(req);
      } catch (Busy e) {
        return Response.builder().statusCode(503).contentType("text/plain").body("busy").build();
      }
    };
  }

  /** Lets queued work finish for a short while, then stops. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
