package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.slack.SlackAppManifest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slack-manifest}: prints the Slack app manifest the code declares, the source of {@code
 * deploy/slack/manifest.yml}.
 */
@Command(
    name = "slack-manifest",
    description = {
      "Print the Slack app manifest (YAML) for what this build handles: command, shortcut, events,"
          + " scopes.",
      "Socket Mode by default; with --public-url, HTTP mode with request URLs on /slack/events."
    })
final class SlackManifestCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description = "https URL where Slack reaches the bot, e.g. https://doctor.example.com")
  String publicUrl;

  SlackManifestCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Optional<URI> url = Optional.empty();
    if (publicUrl != null) {
      try {
        URI uri = new URI(publicUrl);
        if (uri.getRawUserInfo() != null) {
          // Not echoed: the part before '@' is a password.
          throw new UserException(
              "--public-url must not hold credentials (user:password@): the manifest is shared and"
                  + " Slack sends none");
        }
        SlackAppManifest.requestUrl(uri);
        url = Optional.of(uri);
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new UserException(
            "--public-url must be https://host[/prefix] (Slack only calls https), not '"
                + publicUrl
                + "'");
      }
    }
    ctx.out().print(SlackAppManifest.yaml(url));
    ctx.out().flush();
    return 0;
  }
}
