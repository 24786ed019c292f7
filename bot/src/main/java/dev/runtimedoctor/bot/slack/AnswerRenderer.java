package dev.runtimedoctor.bot.slack;

import dev.runtimedoctor.bot.diagnosis.AffectedText;
import dev.runtimedoctor.bot.diagnosis.NextSteps;
import dev.runtimedoctor.knowledge.analysis.Redactor;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Section;
import dev.runtimedoctor.knowledge.match.Basis;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Evidence;
import dev.runtimedoctor.knowledge.match.Match;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders answers as Block Kit: the known issue's title, confidence, the evidence line, affected
 * versions, the fix and references; or an honest "no known issue" with what to collect next. Every
 * piece of echoed text is redacted and escaped here, the one place text leaves for Slack.
 */
public final class AnswerRenderer {
  private static final Pattern GITHUB_ISSUE =
      Pattern.compile("https://github\\.com/([^/]+/[^/]+)/(?:issues|pull)/(\\d+)/?");
  private static final int MAX_LIST_ROWS = 40;

  /** An answer naming known issues, with the buttons {@code o} asks for. */
  public SlackMessage answer(Answer a, AnswerOptions o) {
    Texts t = new Texts(a.language());
    Blocks b = new Blocks();
    o.sharedBy().ifPresent(u -> b.context(List.of(t.sharedBy(u))));
    boolean first = true;
    for (Match m : a.matches()) {
      if (!first) {
        b.divider();
      }
      first = false;
      match(b, t, m, o.source());
    }
    if (a.truncated()) {
      b.context(List.of(t.truncatedPaste()));
    }
    o.ref()
        .ifPresent(
            ref -> {
              String v = ref.encode();
              if (o.share()) {
                b.button(SlackSurface.ACTION_SHARE, t.share(), v, true);
              }
              if (o.checks()) {
                b.button(SlackSurface.ACTION_RUN_CHECKS, t.runChecks(), v, false);
              }
              b.button(SlackSurface.ACTION_HELPFUL, t.helpful(), v, false);
              b.button(SlackSurface.ACTION_NOT_IT, t.notIt(), v, false);
              b.button(SlackSurface.ACTION_OTHER_LANGUAGE, t.otherLanguage(), v, false);
            });
    Match top = a.matches().get(0);
    String fallback =
        t.knownIssueFallback(
            Mrkdwn.escape(top.entry().title().get(t.language())), top.confidence());
    return b.build(fallback, t.truncatedMessage(top.entry().id()));
  }

  private void match(Blocks b, Texts t, Match m, Optional<String> source) {
    Entry e = m.entry();
    Language l = t.language();
    b.header(MessageTags.answer(e.id(), source), e.title().get(l));
    String basis =
        m.basis() == Basis.SIGNATURE
            ? t.basisSignature()
            : m.basis() == Basis.SYMPTOM ? t.basisSymptom() : "";
    b.section(
        "*"
            + t.confidence(m.confidence())
            + "*"
            + (basis.isEmpty() ? "" : " · " + basis)
            + " · "
            + Mrkdwn.code(e.id()));
    for (Evidence ev : m.evidence()) {
      b.section("_" + t.evidence(ev.line()) + "_\n" + codeBlock(Redactor.redact(ev.text())));
    }
    List<String> facts = new ArrayList<>();
    facts.add("*" + t.affected() + "*: " + Mrkdwn.escape(AffectedText.affected(e.affected(), l)));
    String fixed = AffectedText.fixed(e.affected());
    if (!fixed.isEmpty()) {
      facts.add("*" + t.fixedIn() + "*: " + Mrkdwn.escape(fixed));
    }
    b.context(facts);
    for (Section s : List.of(Section.RESOLUTION, Section.WORKAROUND)) {
      e.body(l)
          .section(s)
          .ifPresent(md -> b.section("*" + s.heading(l) + "*\n" + Mrkdwn.fromMarkdown(md)));
    }
    List<String> footer = new ArrayList<>();
    if (!e.references().isEmpty()) {
      footer.add("*" + t.references() + "*: " + String.join(" · ", links(e.references())));
    }
    footer.add(t.details(e.id()));
    b.context(footer);
  }

  /** An incident channel's digest: one line per known issue seen there, by entry id. */
  public SlackMessage digest(Map<String, String> lines, Language l) {
    Texts t = new Texts(l);
    Blocks b = new Blocks().header(MessageTags.DIGEST, t.digestTitle());
    b.context(List.of(t.digestIntro()));
    lines.forEach((entry, line) -> b.section(MessageTags.digestItem(entry), line));
    return b.build(t.digestFallback(lines.size()), "…");
  }

  /** The digest line of {@code e}, first seen in the message {@code ts} at {@code link}. */
  public String digestLine(Entry e, String link, String ts, Language l) {
    Texts t = new Texts(l);
    String paste =
        link.contains("|") || link.contains(">")
            ? t.digestPaste()
            : "<" + link + "|" + t.digestPaste() + ">";
    return "*"
        + Mrkdwn.escape(e.title().get(l))
        + "* · "
        + Mrkdwn.code(e.id())
        + "\n"
        + t.digestSeen(paste, slackDate(ts));
  }

  /** Slack's date formatting of a message ts, which shows it in each reader's time zone. */
  private static String slackDate(String ts) {
    long epoch;
    try {
      epoch = Long.parseLong(ts.contains(".") ? ts.substring(0, ts.indexOf('.')) : ts);
    } catch (NumberFormatException e) {
      return Mrkdwn.escape(ts);
    }
    String utc =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .format(Instant.ofEpochSecond(epoch));
    return "<!date^" + epoch + "^{date_short_pretty} {time}|" + utc + ">";
  }

  /** "No known issue": the closest leads, what to collect next. */
  public SlackMessage noMatch(Diagnosis d, Language l) {
    Texts t = new Texts(l);
    Blocks b = new Blocks();
    b.section(t.noMatch());
    if (!d.matches().isEmpty()) {
      StringBuilder sb = new StringBuilder(t.closest());
      for (Match m : d.matches()) {
        sb.append("\n• ")
            .append(Mrkdwn.code(m.entry().id()))
            .append(' ')
            .append(Mrkdwn.escape(m.entry().title().get(l)))
            .append(String.format(Locale.ROOT, " (%.2f)", m.confidence()));
      }
      b.section(sb.toString());
    }
    StringBuilder next = new StringBuilder(t.collectNext());
    for (String step : NextSteps.of(l)) {
      next.append("\n• ").append(Mrkdwn.fromMarkdown(step));
    }
    b.section(next.toString());
    if (d.truncated()) {
      b.context(List.of(t.truncatedPaste()));
    }
    b.context(List.of(Mrkdwn.code(SlackSurface.COMMAND + " help")));
    return b.build(t.noMatchFallback(), "…");
  }

  /** What the command can do. */
  public SlackMessage help(Language l) {
    Texts t = new Texts(l);
    return new Blocks().section(t.help()).build(t.helpFallback(), "…");
  }

  /** The known issues by area. */
  public SlackMessage list(KnowledgeBase kb, Language l) {
    Texts t = new Texts(l);
    Blocks b = new Blocks().header(t.listTitle());
    List<Entry> entries =
        kb.entries().stream()
            .sorted(Comparator.comparing(Entry::area).thenComparing(Entry::id))
            .toList();
    StringBuilder sb = new StringBuilder();
    String area = null;
    int rows = 0;
    for (Entry e : entries) {
      if (rows++ == MAX_LIST_ROWS) {
        sb.append("\n…");
        break;
      }
      if (!e.area().equals(area)) {
        area = e.area();
        sb.append(sb.length() == 0 ? "" : "\n").append('*').append(Mrkdwn.escape(area)).append('*');
      }
      sb.append("\n• ")
          .append(Mrkdwn.code(e.id()))
          .append(' ')
          .append(Mrkdwn.escape(e.title().get(l)));
    }
    b.section(sb.toString());
    b.context(List.of(Mrkdwn.code(SlackSurface.COMMAND + " show <id>")));
    return b.build(t.listTitle(), "…");
  }

  /** One entry in full. */
  public SlackMessage show(Entry e, Language l) {
    Texts t = new Texts(l);
    Blocks b = new Blocks().header(e.title().get(l));
    List<String> facts = new ArrayList<>();
    facts.add(Mrkdwn.code(e.id()) + " · " + Mrkdwn.escape(e.area()));
    facts.add("*" + t.affected() + "*: " + Mrkdwn.escape(AffectedText.affected(e.affected(), l)));
    String fixed = AffectedText.fixed(e.affected());
    if (!fixed.isEmpty()) {
      facts.add("*" + t.fixedIn() + "*: " + Mrkdwn.escape(fixed));
    }
    b.context(facts);
    if (!e.signatures().isEmpty()) {
      b.section("*" + t.signatures() + "*\n" + codeBlock(String.join("\n", e.signatures())));
    }
    for (Section s : Section.values()) {
      e.body(l)
          .section(s)
          .ifPresent(md -> b.section("*" + s.heading(l) + "*\n" + Mrkdwn.fromMarkdown(md)));
    }
    if (!e.references().isEmpty()) {
      b.context(List.of("*" + t.references() + "*: " + String.join(" · ", links(e.references()))));
    }
    return b.build(Mrkdwn.escape(e.title().get(l)), t.truncatedMessage(e.id()));
  }

  /** A short reply made of one mrkdwn text. */
  public SlackMessage text(String mrkdwn) {
    return new Blocks().section(mrkdwn).build(plain(mrkdwn), "…");
  }

  private static String codeBlock(String text) {
    // Escaped like any echoed text; a fence inside would end the block early.
    return "```\n" + Mrkdwn.escape(text.replace("```", "ˋˋˋ")) + "\n```";
  }

  private static List<String> links(List<String> urls) {
    List<String> out = new ArrayList<>();
    for (String url : urls) {
      Matcher m = GITHUB_ISSUE.matcher(url);
      String label = m.matches() ? m.group(1) + "#" + m.group(2) : host(url);
      boolean linkable = !url.contains("|") && !url.contains(">") && !url.contains("<");
      out.add(linkable ? "<" + url + "|" + Mrkdwn.escape(label) + ">" : Mrkdwn.escape(url));
    }
    return out;
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static String plain(String mrkdwn) {
    // The notification text is parsed like any message text: it stays escaped.
    return mrkdwn.replace("*", "").replace("`", "");
  }
}
