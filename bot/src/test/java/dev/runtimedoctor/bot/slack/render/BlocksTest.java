package dev.runtimedoctor.bot.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.slack.BlockKitValidator;
import dev.runtimedoctor.bot.slack.SlackSurface;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BlocksTest {
  @Test
  @DisplayName("a long text is split at line boundaries into sections within the limit")
  void splitsLongText() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      sb.append("line ").append(i).append(" of a long resolution\n");
    }
    List<String> parts = Blocks.split(sb.toString(), Blocks.MAX_SECTION_TEXT);
    assertThat(parts)
        .hasSizeGreaterThan(1)
        .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(3000));
    assertThat(String.join("\n", parts)).isEqualTo(sb.toString());
  }

  @Test
  @DisplayName("a code block cut in two is closed and reopened so each part renders as code")
  void reopensCutCodeBlocks() {
    StringBuilder sb = new StringBuilder("Run:\n```\n");
    for (int i = 0; i < 300; i++) {
      sb.append("kubectl drain node-").append(i).append(" --ignore-daemonsets\n");
    }
    sb.append("```\nDone.");
    List<String> parts = Blocks.split(sb.toString(), Blocks.MAX_SECTION_TEXT);
    assertThat(parts).hasSizeGreaterThan(2);
    for (String p : parts) {
      assertThat(p.length()).isLessThanOrEqualTo(3000);
      assertThat(p.split("```", -1).length % 2).as("balanced fences in %s", p).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("one enormous line is cut, never left over the limit, and no entity is split")
  void cutsEnormousLines() {
    String line = "&amp;".repeat(2000);
    List<String> parts = Blocks.split(line, Blocks.MAX_SECTION_TEXT);
    assertThat(parts)
        .allSatisfy(
            p -> {
              assertThat(p.length()).isLessThanOrEqualTo(3000);
              assertThat(p.replace("&amp;", "")).isEmpty();
            });
  }

  @Test
  @DisplayName("past 50 blocks the tail becomes a notice and the buttons stay last")
  void capsBlockCount() {
    Blocks b = new Blocks();
    for (int i = 0; i < 80; i++) {
      b.section("part " + i);
    }
    b.button(SlackSurface.ACTION_SHARE, "Share", "v", true);
    SlackMessage m = b.build("fallback", "_shortened_");
    assertThat(m.blocks().size()).isEqualTo(50);
    assertThat(m.blocks().get(49).getAsJsonObject().get("type").getAsString()).isEqualTo("actions");
    assertThat(m.blocks().get(48).toString()).contains("_shortened_");
    assertThat(BlockKitValidator.violations(m)).isEmpty();
  }

  @Test
  @DisplayName("headers and buttons are shortened to their limits")
  void shortensFields() {
    SlackMessage m =
        new Blocks()
            .header("h".repeat(400))
            .button("a", "label ".repeat(40), "x".repeat(3000), false)
            .build("t", "n");
    assertThat(BlockKitValidator.violations(m)).isEmpty();
  }
}
