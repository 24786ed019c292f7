package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
  @Test
  @DisplayName("serve with a bad environment lists every problem and exits 2")
  void badEnvironment() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"serve"},
            Map.of("PORT", "none", "SLACK_BOT_TOKEN", "xoxb-hidden-token"),
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("SLACK_SIGNING_SECRET is missing", "PORT must be a number")
        .doesNotContain("xoxb-hidden-token");
  }
}
