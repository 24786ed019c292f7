package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Long pasted lines whose telling part lies past their first 300 characters: the terminal and
 * {@code --json} show the window around the matched words, elided with "…".
 */
class EvidenceWindowCliTest {
  /**
   * A long pasted line from {@code src/test/resources/evidence/}: {@code describe} is a kubectl
   * describe event whose range-set part starts past character 300, {@code pull} an image-pull event
   * whose x509 part sits at the far right of a 593-character line.
   */
  static String paste(String name) {
    String file = name.equals("describe") ? "long-describe-sandbox.txt" : "long-pull-x509.txt";
    try (var in = EvidenceWindowCliTest.class.getResourceAsStream("/evidence/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "describe, pod-ip-exhaustion, no IP addresses available in range set: 10.60.28.1-10.60.28.254",
    "pull, private-registry-x509, x509: certificate signed by unknown authority"
  })
  @DisplayName("ask shows the window around the matched words of a long line")
  void terminalShowsWindow(String name, String entry, String telling) {
    var r =
        CliRunner.run(
            paste(name).getBytes(StandardCharsets.UTF_8), Map.of(), "ask", "--lang", "en");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains(entry).contains("line 1: …").contains(telling);
    String evidenceLine =
        r.out().lines().filter(l -> l.contains("line 1: ")).findFirst().orElseThrow();
    assertThat(evidenceLine.substring(evidenceLine.indexOf("line 1: ") + 8))
        .hasSizeLessThanOrEqualTo(300);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "describe, pod-ip-exhaustion, no IP addresses available in range set: 10.60.28.1-10.60.28.254",
    "pull, private-registry-x509, x509: certificate signed by unknown authority"
  })
  @DisplayName("ask --json carries the same window as evidence")
  void jsonCarriesWindow(String name, String entry, String telling) {
    var r = CliRunner.run(paste(name).getBytes(StandardCharsets.UTF_8), Map.of(), "ask", "--json");

    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    JsonObject top = o.getAsJsonArray("matches").get(0).getAsJsonObject();
    assertThat(top.get("id").getAsString()).isEqualTo(entry);
    JsonArray evidence = top.getAsJsonArray("evidence");
    String ev = evidence.get(0).getAsString();
    assertThat(ev).startsWith("…").contains(telling).hasSizeLessThanOrEqualTo(300);
    boolean answered = top.get("confidence").getAsDouble() >= 0.6;
    assertThat(o.get("reply").getAsBoolean()).isEqualTo(answered);
  }
}
