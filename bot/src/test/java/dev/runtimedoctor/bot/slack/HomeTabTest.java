package dev.runtimedoctor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.FixturePacks;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SlackHarness;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The App Home tab: published when opened, republished with search results. */
class HomeTabTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SlackHarness.start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  @DisplayName(
      "app_home_opened → the Home view published: how to use, a search, entries by pack and area")
  void published() throws Exception {
    h.event(SlackPayloads.homeOpened("UALICE001", "messages"));
    h.event(SlackPayloads.homeOpened("UALICE001", "home"));
    FakeSlackApi.Call publish = h.fake.await("views.publish", 1, WAIT).get(0);
    assertThat(publish.params()).containsEntry("user_id", "UALICE001");
    JsonObject view = JsonParser.parseString(publish.params().get("view")).getAsJsonObject();
    assertThat(view.get("type").getAsString()).isEqualTo("home");
    String blocks = view.get("blocks").toString();
    assertThat(blocks)
        .contains(
            "Mention me",
            "/troubleshoot check [&lt;id&gt;]",
            SlackSurface.ACTION_HOME_SEARCH_INPUT,
            SlackSurface.ACTION_HOME_SEARCH,
            "*Known issues of the GKE container runtime* · `gke-runtime`",
            "_networking_",
            "_windows_",
            "`pod-ip-exhaustion`",
            "`windows-drive-letter-mount`",
            SlackHarness.SERVICE.knowledge().size() + " entries");
    assertThat(
            BlockKitValidator.violations(new SlackMessage("home", view.getAsJsonArray("blocks"))))
        .isEmpty();
    // The Messages tab opening is not ours to draw: one publish only.
    h.event(
        SlackPayloads.message(
            "CMARKER01", "UALICE001", "1700005000.000100", SlackHarness.IP_PASTE));
    h.fake.awaitPosts("CMARKER01", 1, WAIT);
    assertThat(h.fake.calls("views.publish")).hasSize(1);
  }

  @Test
  @DisplayName("a search from the Home tab republishes it with the matching entries")
  void search() throws Exception {
    h.interactive(SlackPayloads.homeSearch("UALICE001", "GPU metrics missing"));
    FakeSlackApi.Call publish = h.fake.await("views.publish", 1, WAIT).get(0);
    String blocks = publish.params().get("view");
    assertThat(blocks).contains("Results for", "`gpu-metrics-missing`", "GPU metrics missing");

    h.interactive(SlackPayloads.homeSearch("UALICE001", "zzzqqq"));
    assertThat(h.fake.await("views.publish", 2, WAIT).get(1).params().get("view"))
        .contains("No entry matches");
  }

  @Test
  @DisplayName("the Home tab lists failure modes under their pack and its search finds them")
  void failureModes() throws Exception {
    h.close();
    h = SlackHarness.start(FixturePacks.service());
    h.interactive(SlackPayloads.homeSearch("UALICE001", "OOMKilled"));
    String byTitle = h.fake.await("views.publish", 1, WAIT).get(0).params().get("view");
    h.interactive(SlackPayloads.homeSearch("UALICE001", "Back-off restarting failed container"));
    String byPaste = h.fake.await("views.publish", 2, WAIT).get(1).params().get("view");

    assertThat(byTitle)
        .contains("Results for", "`fixture-oom-killed`")
        .contains("*Everyday failures of pods and nodes (Kubernetes)* · `everyday`");
    String results = byPaste.substring(0, byPaste.indexOf("What I know"));
    assertThat(results).contains("Results for", "`fixture-crash-loop-backoff`");
  }
}
