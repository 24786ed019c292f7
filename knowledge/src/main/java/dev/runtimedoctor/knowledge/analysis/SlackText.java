package dev.runtimedoctor.knowledge.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes Slack's message formatting so a paste reads as the log it came from: {@code &lt;}
 * entities, {@code <url|label>} links, {@code <@U123>} mentions, code fences and backticks.
 */
public final class SlackText {
  // Only Slack's own markup: a URL, a user/channel mention or a special command. A literal
  // "<path to image>" typed on a terminal has spaces and is left alone.
  private static final Pattern MARKUP =
      Pattern.compile("<((?:https?://|mailto:|[@#!])[^<>\\s|]*)(?:\\|([^<>]*))?>");

  private SlackText() {}

  /** The plain text of a Slack message. */
  public static String unescape(String text) {
    if (text.indexOf('<') < 0 && text.indexOf('&') < 0 && text.indexOf('`') < 0) {
      return text;
    }
    Matcher m = MARKUP.matcher(text);
    StringBuilder sb = new StringBuilder(text.length());
    while (m.find()) {
      String target = m.group(1);
      String label = m.group(2);
      String replacement;
      if (label != null && !label.isEmpty()) {
        replacement = target.startsWith("@") || target.startsWith("#") ? "@" + label : label;
      } else if (target.startsWith("!")) {
        replacement = "@" + target.substring(1).replaceFirst("\\^.*", "");
      } else if (target.startsWith("@") || target.startsWith("#")) {
        replacement = "";
      } else {
        replacement = target;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    String s = sb.toString();
    if (s.indexOf('&') >= 0) {
      s =
          s.replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&#39;", "'")
              .replace("&amp;", "&");
    }
    if (s.indexOf('`') >= 0) {
      // A fence becomes a space, not a line break: evidence line numbers stay the paste's own.
      s = s.replace("```", " ").replace("`", "");
    }
    return s;
  }
}
