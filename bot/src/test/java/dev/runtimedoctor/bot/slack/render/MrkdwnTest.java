package dev.runtimedoctor.bot.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MrkdwnTest {
  @Test
  @DisplayName("escaping turns Slack's control characters into entities so nothing pings")
  void escapesControlCharacters() {
    assertThat(Mrkdwn.escape("<!channel> & <@U123> > x"))
        .isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt; &gt; x");
  }

  @Test
  @DisplayName("inline code cannot be closed early by a backtick in the text")
  void codeSpanIsSafe() {
    assertThat(Mrkdwn.code("a`b<c")).isEqualTo("`a'b&lt;c`");
  }

  @Test
  @DisplayName("Markdown emphasis, code, links and lists become mrkdwn")
  void convertsInlineMarkup() {
    String md =
        "Upgrade **now** with `gcloud`, see [issue"
            + " 5438](https://github.com/containerd/containerd/issues/5438).\n\n"
            + "- first _step_\n"
            + "- second step\n\n"
            + "1. one\n"
            + "2. two";
    assertThat(Mrkdwn.fromMarkdown(md))
        .isEqualTo(
            "Upgrade *now* with `gcloud`, see"
                + " <https://github.com/containerd/containerd/issues/5438|issue 5438>.\n\n"
                + "• first _step_\n"
                + "• second step\n\n"
                + "1. one\n"
                + "2. two");
  }

  @Test
  @DisplayName("code blocks keep their lines and escape what Slack would parse")
  void convertsCodeBlocks() {
    String md = "Run:\n\n```\nkubectl get node <node> -o wide\necho a && b\n```\n\nThen wait.";
    assertThat(Mrkdwn.fromMarkdown(md))
        .isEqualTo(
            "Run:\n\n"
                + "```\n"
                + "kubectl get node &lt;node&gt; -o wide\n"
                + "echo a &amp;&amp; b\n"
                + "```\n\n"
                + "Then wait.");
  }

  @Test
  @DisplayName("headings become bold lines and raw HTML is shown, not interpreted")
  void convertsHeadingsAndHtml() {
    assertThat(Mrkdwn.fromMarkdown("## Fix\n\nUse <b>this</b>"))
        .isEqualTo("*Fix*\n\nUse &lt;b&gt;this&lt;/b&gt;");
  }
}
