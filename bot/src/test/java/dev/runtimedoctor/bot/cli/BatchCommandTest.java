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
  @DisplayName("a case without an id is diagnosed and its line carries \"id\":null")
  void caseWithoutIdCarriesNullId() {
    String in = "{\"text\":\"thank you, it worked\"}\n";

    var r = CliRunner.run(in.getBytes(StandardCharsets.UTF_8), Map.of(), "batch");

    assertThat(r.code()).isZero();
    JsonObject line = JsonParser.parseString(r.out().strip()).getAsJsonObject();
    assertThat(line.has("id")).isTrue();
    assertThat(line.get("id").isJsonNull()).isTrue();
    assertThat(line.has("matches")).isTrue();
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

  @Test
  @DisplayName("error lines are plain sentences and keep the case's id when it was readable")
  void errorLinesArePlainAndKeepTheId() {
    String in =
        String.join(
            "\n",
            "{\"id\":\"c1\",\"text\":\"cni config uninitialized\"",
            "[\"id\",\"text\"]",
            "{\"id\":\"c3\"}",
            "{\"id\":\"c4\",\"text\":{\"msg\":\"x\"}}",
            "{\"id\":7,\"text\":\"lunch?\"}",
            "");

    var r = CliRunner.run(in.getBytes(StandardCharsets.UTF_8), Map.of(), "batch");

    assertThat(r.code()).isZero();
    List<JsonObject> lines =
        r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).get("id").isJsonNull()).isTrue();
    assertThat(lines.get(0).get("error").getAsString())
        .isEqualTo("line 1: not JSON: expected one {\"id\",\"text\"} object a line");
    assertThat(lines.get(1).get("error").getAsString())
        .isEqualTo("line 2: expected a JSON object {\"id\",\"text\"}, not an array");
    assertThat(lines.get(2).get("id").getAsString()).isEqualTo("c3");
    assertThat(lines.get(2).get("error").getAsString())
        .isEqualTo("line 3: no \"text\" to diagnose");
    assertThat(lines.get(3).get("id").getAsString()).isEqualTo("c4");
    assertThat(lines.get(3).get("error").getAsString())
        .isEqualTo("line 4: \"text\" must be a string, not an object");
    assertThat(lines.get(4).get("id").getAsString()).isEqualTo("7");
    assertThat(lines.get(4).has("matches")).isTrue();
    assertThat(r.out() + r.err())
        .doesNotContain("Exception")
        .doesNotContain("JsonReader")
        .doesNotContain("JsonObject");
    assertThat(r.err()).contains("batch: line 3 (id c3): no \"text\" to diagnose, skipped");
  }

  @Test
  @DisplayName("no readable line at all is a usage error, exit 2")
  void nothingReadable() {
    var r = CliRunner.run("oops\n".getBytes(StandardCharsets.UTF_8), Map.of(), "batch");

    assertThat(r.code()).isEqualTo(2);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "{'id':'a','text':'cni config uninitialized'}",
        "garbage",
        "{\"id\":\"a\",\"text\":\"x\"} trailing",
        "{id:\"a\",text:\"x\"}",
        "{\"id\":\"a\",\"text\":\"x\",}"
      })
  @DisplayName(
      "a line that is not strict JSON is refused as not JSON, whatever a lenient parser takes")
  void onlyStrictJsonIsACase(String line) {
    String in = line + "\n{\"id\":\"ok\",\"text\":\"cni config uninitialized\"}\n";

    var r = CliRunner.run(in.getBytes(StandardCharsets.UTF_8), Map.of(), "batch");

    List<JsonObject> lines =
        r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("error").getAsString())
        .isEqualTo("line 1: not JSON: expected one {\"id\",\"text\"} object a line");
    assertThat(lines.get(1).get("id").getAsString()).isEqualTo("ok");
    assertThat(r.code()).isZero();
  }

  @Test
  @DisplayName("a line longer than a case may be is refused whole and the next line is read")
  void overLongLineIsRefusedAndTheRestCarryOn() {
    String huge = "{\"id\":\"big\",\"text\":\"" + "a".repeat(BatchCommand.MAX_LINE_CHARS) + "\"}";
    String in = huge + "\r\n{\"id\":\"ok\",\"text\":\"cni config uninitialized\"}\r\n";

    var r = CliRunner.run(in.getBytes(StandardCharsets.UTF_8), Map.of(), "batch");

    List<JsonObject> lines =
        r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("error").getAsString())
        .isEqualTo("line 1: longer than 16 Mi characters");
    assertThat(lines.get(1).get("id").getAsString()).isEqualTo("ok");
    assertThat(lines.get(1).has("matches")).isTrue();
    assertThat(r.code()).isZero();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"", "\n", "  \n\n\t\n"})
  @DisplayName("no case at all on standard input is a usage error that says so, exit 2")
  void noCaseIsAUsageError(String in) {
    var r = CliRunner.run(in.getBytes(StandardCharsets.UTF_8), Map.of(), "batch");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("batch: no cases on standard input");
  }
}
