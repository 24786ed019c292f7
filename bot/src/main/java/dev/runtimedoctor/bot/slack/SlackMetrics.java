package dev.runtimedoctor.bot.slack;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What {@code /metrics} shows: requests by kind, answers by entry, the confidence of top matches,
 * acknowledgement and answer latency, Web API errors and retries, work dropped. One registry per
 * bot, so tests and benchmarks start from zero.
 */
public final class SlackMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests =
      Counter.builder()
          .name("runtime_doctor_slack_requests_total")
          .help(
              "Requests from Slack, by kind (command, event, action, shortcut; refused: bad"
                  + " signature or timestamp; malformed: signed but not a Slack request).")
          .labelNames("kind")
          .register(registry);
  private final Counter answers =
      Counter.builder()
          .name("runtime_doctor_slack_answers_total")
          .help("Answers Slack accepted, by entry (none: no known issue) and surface.")
          .labelNames("entry", "surface")
          .register(registry);
  private final Histogram confidence =
      Histogram.builder()
          .name("runtime_doctor_diagnosis_confidence")
          .help("Confidence of the best match of each diagnosis (0 when nothing matched).")
          .classicUpperBounds(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
          .register(registry);
  private final Histogram ackSeconds =
      Histogram.builder()
          .name("runtime_doctor_slack_ack_seconds")
          .help("Time from a request's arrival to its acknowledgement.")
          .classicUpperBounds(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3)
          .register(registry);
  private final Histogram answerSeconds =
      Histogram.builder()
          .name("runtime_doctor_slack_answer_seconds")
          .help("Time from a request's arrival to its answer being accepted by Slack.")
          .classicUpperBounds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60)
          .register(registry);
  private final Counter apiErrors =
      Counter.builder()
          .name("runtime_doctor_slack_api_errors_total")
          .help("Slack Web API calls that failed for good, by method and error.")
          .labelNames("method", "error")
          .register(registry);
  private final Counter apiRetries =
      Counter.builder()
          .name("runtime_doctor_slack_api_retries_total")
          .help("Slack Web API calls retried after a 429 or 5xx, by method.")
          .labelNames("method")
          .register(registry);
  private final Counter dropped =
      Counter.builder()
          .name("runtime_doctor_slack_dropped_total")
          .help(
              "Work not done on purpose, by reason (duplicate, replay, bot, already_answered,"
                  + " rate_limited, busy, unmatched, replica, in_digest).")
          .labelNames("reason")
          .register(registry);

  private final Counter feedback =
      Counter.builder()
          .name("runtime_doctor_feedback_total")
          .help(
              "Feedback on answers, by entry and verdict (helpful, not_it; actual: the entry"
                  + " people said it really was, none for a new issue).")
          .labelNames("entry", "verdict")
          .register(registry);
  private final Counter unmatched =
      Counter.builder()
          .name("runtime_doctor_unmatched_pastes_total")
          .help("Pastes someone asked about that matched no known issue, by surface.")
          .labelNames("surface")
          .register(registry);
  private final Counter feedbackLogErrors =
      Counter.builder()
          .name("runtime_doctor_feedback_log_errors_total")
          .help("Feedback records that could not be written to FEEDBACK_LOG.")
          .register(registry);
  private final Counter digests =
      Counter.builder()
          .name("runtime_doctor_incident_digest_total")
          .help("Incident digests posted or updated, by action (posted, updated).")
          .labelNames("action")
          .register(registry);
  private final Counter clusterChecks =
      Counter.builder()
          .name("runtime_doctor_slack_cluster_checks_total")
          .help("Cluster check runs asked for in Slack, by outcome (run, refused, unavailable).")
          .labelNames("outcome")
          .register(registry);

  public void request(String kind) {
    requests.labelValues(kind).inc();
  }

  public void answer(String entry, String surface) {
    answers.labelValues(entry, surface).inc();
  }

  public void confidence(double c) {
    confidence.observe(c);
  }

  public void acked(long startNanos) {
    ackSeconds.observe((System.nanoTime() - startNanos) / 1e9);
  }

  public void answered(long startNanos) {
    answerSeconds.observe((System.nanoTime() - startNanos) / 1e9);
  }

  public void apiError(String method, String error) {
    apiErrors.labelValues(method, error).inc();
  }

  public void apiRetry(String method) {
    apiRetries.labelValues(method).inc();
  }

  public void dropped(String reason) {
    dropped.labelValues(reason).inc();
  }

  public void feedback(String entry, String verdict) {
    feedback.labelValues(entry, verdict).inc();
  }

  public void unmatched(String surface) {
    unmatched.labelValues(surface).inc();
  }

  public void feedbackLogError() {
    feedbackLogErrors.inc();
  }

  public void digest(String action) {
    digests.labelValues(action).inc();
  }

  public void clusterChecks(String outcome) {
    clusterChecks.labelValues(outcome).inc();
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The content type of {@link #scrape()}. */
  public static String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }
}
