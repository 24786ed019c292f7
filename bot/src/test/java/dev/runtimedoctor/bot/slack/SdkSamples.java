package dev.runtimedoctor.bot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Slack SDK's sample payloads under {@code src/test/resources/slack/sdk-samples}, made
 * deliverable: ids, timestamps and texts that the SDK leaves empty get plausible values (a
 * message's text is a paste the bot recognises), so that each sample reaches the bot's handlers.
 */
public final class SdkSamples {
  /** A sample: its file name and the body as Slack would send it. */
  public record Sample(String name, JsonObject json) {}

  private SdkSamples() {}

  /** Every Events API sample, as {@code event_callback} bodies with the event id {@code Ev<n>}. */
  public static List<Sample> events(String team, String paste) {
    List<Sample> out = new java.util.ArrayList<>();
    int n = 0;
    for (Sample s : load("events")) {
      JsonObject o = s.json();
      o.addProperty("type", "event_callback");
      o.addProperty("event_id", "EvSample" + (++n));
      o.addProperty("team_id", team);
      o.addProperty("api_app_id", "ATEST0001");
      o.remove("authorizations");
      if (o.get("event") instanceof JsonObject e) {
        fill(e, paste, n);
        if (e.get("message") instanceof JsonObject m) {
          fill(m, paste, n);
        }
        if (e.get("previous_message") instanceof JsonObject m) {
          fill(m, "before", n);
        }
      }
      out.add(s);
    }
    return out;
  }

  /** Every interactive, dialog and view sample ({@code app-backend}), by file name. */
  public static List<Sample> interactive() {
    return load("app-backend");
  }

  /** The slash command sample as {@code /troubleshoot help} answered at {@code responseUrl}. */
  public static JsonObject command(JsonObject sample, String responseUrl) {
    JsonObject o = sample.deepCopy();
    o.addProperty("command", SlackSurface.COMMAND);
    o.addProperty("text", "help");
    o.addProperty("user_id", "UALICE001");
    o.addProperty("channel_id", "CCMD00001");
    o.addProperty("response_url", responseUrl);
    return o;
  }

  /** Ids, timestamps and texts for a message-like object the SDK left empty. */
  private static void fill(JsonObject m, String paste, int n) {
    String ts = "1700009" + String.format("%03d", n) + ".000100";
    replaceEmpty(m, "user", "UREPLAY01");
    replaceEmpty(m, "channel", "CREPLAY" + String.format("%02d", n % 100));
    replaceEmpty(m, "ts", ts);
    replaceEmpty(m, "event_ts", ts);
    replaceEmpty(m, "text", paste);
    for (String absent :
        List.of("thread_ts", "bot_id", "subtype", "channel_type", "client_msg_id")) {
      if (m.get(absent) instanceof JsonPrimitive v && v.getAsString().isEmpty()) {
        m.remove(absent);
      }
    }
    if (m.get("bot_profile") instanceof JsonObject p
        && p.get("id") instanceof JsonPrimitive id
        && id.getAsString().isEmpty()) {
      m.remove("bot_profile");
    }
  }

  private static void replaceEmpty(JsonObject o, String field, String value) {
    if (o.get(field) instanceof JsonPrimitive v && v.getAsString().isEmpty()) {
      o.addProperty(field, value);
    }
  }

  private static List<Sample> load(String dir) {
    URL url = SdkSamples.class.getResource("/slack/sdk-samples/" + dir);
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .sorted()
          .map(
              p -> {
                try (InputStream in = Files.newInputStream(p)) {
                  String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                  return new Sample(
                      p.getFileName().toString(), JsonParser.parseString(text).getAsJsonObject());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
