package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlackTextTest {

  @Test
  @DisplayName("&lt; &gt; &amp; become < > &, and &amp;lt; stays a literal &lt;")
  void entities() {
    assertThat(SlackText.unescape("a &lt;b&gt; &amp;&amp; c")).isEqualTo("a <b> && c");
    assertThat(SlackText.unescape("written &amp;lt;")).isEqualTo("written &lt;");
  }

  @Test
  @DisplayName("a labelled link <https://x|label> reads as its label")
  void labelledLink() {
    assertThat(
            SlackText.unescape(
                "see <https://github.com/containerd/containerd/issues/5438|the issue>"))
        .isEqualTo("see the issue");
  }

  @Test
  @DisplayName("a bare link <https://x> reads as its URL")
  void bareLink() {
    assertThat(SlackText.unescape("Head \"<https://registry.corp.internal/v2/>\": http"))
        .isEqualTo("Head \"https://registry.corp.internal/v2/\": http");
  }

  @Test
  @DisplayName("a user mention <@U123> disappears, a labelled one keeps its name")
  void userMentions() {
    assertThat(SlackText.unescape("cc <@U04ABCD12> please")).isEqualTo("cc  please");
    assertThat(SlackText.unescape("cc <@U04ABCD12|marco>")).isEqualTo("cc @marco");
  }

  @Test
  @DisplayName("<!channel> and <!here> read as @channel and @here")
  void specialMentions() {
    assertThat(SlackText.unescape("<!channel> and <!here>")).isEqualTo("@channel and @here");
  }

  @Test
  @DisplayName("code fences and backticks are removed, keeping the text and the line breaks")
  void codeMarkup() {
    assertThat(SlackText.unescape("```cni plugin not initialized```"))
        .isEqualTo(" cni plugin not initialized ");
    assertThat(SlackText.unescape("intro\n```\nerror line\n```\nafter").lines())
        .containsExactly("intro", " ", "error line", " ", "after");
    assertThat(SlackText.unescape("run `kubectl get nodes` now"))
        .isEqualTo("run kubectl get nodes now");
  }

  @Test
  @DisplayName("a literal <path to GCR image> typed by a person is left alone")
  void literalAngleBracketsLeftAlone() {
    String text = "docker pull <path to GCR image>";

    assertThat(SlackText.unescape(text)).isEqualTo(text);
    assertThat(SlackText.unescape("docker pull &lt;path to GCR image&gt;")).isEqualTo(text);
  }

  @Test
  @DisplayName("text with no Slack markup is returned as is")
  void plainText() {
    String text = "failed to allocate for range 0: no IP addresses available";

    assertThat(SlackText.unescape(text)).isSameAs(text);
  }
}
