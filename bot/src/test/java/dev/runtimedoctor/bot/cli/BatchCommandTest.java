package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BatchCommandTest {
  @Test
  @DisplayName("batch prints one {id, matches, reply, micros} line per input line, in order")
  void batchShape() {
    String in =
        """
        {"id":"a","text":"failed to allocate for range 0: no IP addresses available in range set: 10.1.2.1-10.1.2.9"}
        {"id":"b","text":"thank you, it worked"}
        """;

    var r = CliRunner.run(in.getBytes(StandardCharsets.UTF_8), Map.of(), "batch");

    assertThat(r.code()).isZero();
    List<JsonObject> lines =
        r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("id").getAsString()).isEqualTo("a");
    assertThat(
            lines.get(0).getAsJsonArray("matches").get(0).getAsJsonObject().get("id").getAsString())
        .isEqualTo("pod-ip-exhaustion");
    assertThat(lines.get(0).get("reply").getAsBoolean()).isTrue();
    assertThat(lines.get(0).get("micros").getAsLong()).isPositive();
    assertThat(lines.get(1).get("id").getAsString()).isEqualTo("b");
    assertThat(lines.get(1).get("reply").getAsBoolean()).isFalse();
  }

  @Test
  @DisplayName("a malformed line gets an error line of its own and the rest carry on")
  void malformedLineLosesNothing() {
    String in = "not json\n{\"id\":\"ok\",\"text\":\"cni config uninitialized\"}\n{\"id\":3}\n";

    var r = CliRunner.run(in.getBytes(StandardCharsets.UTF_8), Map.of(), "batch");

    assertThat(r.code()).isZero();
    List<String> out = r.out().lines().toList();
    assertThat(out).hasSize(3);
    assertThat(out.get(0)).contains("\"error\":\"line 1:");
    assertThat(out.get(1)).contains("\"id\":\"ok\"");
    assertThat(out.get(2)).contains("\"error\":\"line 3:");
    assertThat(r.err()).contains("line 1").contains("line 3").doesNotContain("Exception");
  }
}
