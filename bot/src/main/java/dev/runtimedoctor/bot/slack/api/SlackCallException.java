package dev.runtimedoctor.bot.slack.api;

/** A Web API call or {@code response_url} post that failed for good (after any retries). */
public final class SlackCallException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String error;

  public SlackCallException(String method, String error, Throwable cause) {
    super(method + " failed: " + error, cause);
    this.method = method;
    this.error = error;
  }

  /** The Web API method, or {@code response_url}. */
  String method() {
    return method;
  }

  /** Slack's error code ({@code not_in_channel}), {@code http_500}, or {@code io}. */
  public String error() {
    return error;
  }
}
