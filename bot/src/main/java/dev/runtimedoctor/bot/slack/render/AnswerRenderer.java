package dev.runtimedoctor.bot.slack.render;

import dev.runtimedoctor.bot.diagnosis.AffectedText;
import dev.runtimedoctor.bot.diagnosis.KnowledgeTexts;
import dev.runtimedoctor.bot.diagnosis.NextSteps;
import dev.runtimedoctor.bot.slack.SlackSurface;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders answers as Block Kit: the entry's title, confidence, kind and the evidence line; for a
 * known issue its affected versions and fix, for a failure mode what it means, how to tell its
 * causes apart and what to do; references. Or an honest "no known issue" with what to collect next.
 * Every piece of echoed text is redacted and escaped here, the one place text leaves for Slack.
 */
public final class AnswerRenderer {
  private static final Pattern GITHUB_ISSUE =
      Pattern.compile("https://github\\.com/([^/]+/[^/]+)/(?:issues|pull)/(\\d+)/?");

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
      b.context(List.of(t.truncatedPaste(a.truncation())));
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
        t.answerFallback(
            KnowledgeTexts.kind(top.entry().kind(), t.language()),
            Mrkdwn.escape(top.entry().title().get(t.language())),
            top.confidence());
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
            + "* · "
            + KnowledgeTexts.kind(e.kind(), l)
            + (basis.isEmpty() ? "" : " · " + basis)
            + " · "
            + Mrkdwn.code(e.id()));
    for (Evidence ev : m.evidence()) {
      b.section("_" + t.evidence(ev.line()) + "_\n" + codeBlock(Redactor.redact(ev.text())));
    }
    if (KnowledgeTexts.showsVersions(e)) {
      b.context(versions(e, t, List.of()));
    }
    for (Section s : KnowledgeTexts.answerSections(e.kind())) {
      section(b, e, s, l);
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

  /**
   * "No known issue": the closest leads, and what to collect next for a paste like {@code paste}.
   */
  public SlackMessage noMatch(Diagnosis d, String paste, Language l) {
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
    for (String step : NextSteps.forPaste(paste, l)) {
      next.append("\n• ").append(Mrkdwn.fromMarkdown(step));
    }
    b.section(next.toString());
    if (d.truncated()) {
      b.context(List.of(t.truncatedPaste(d.paste().truncation())));
    }
    b.context(List.of(Mrkdwn.code(SlackSurface.COMMAND + " help")));
    return b.build(t.noMatchFallback(), "…");
  }

  /** What the command can do. */
  public SlackMessage help(Language l) {
    Texts t = new Texts(l);
    return new Blocks().section(t.help()).build(t.helpFallback(), "…");
  }

  /** The entries by pack, then by area. */
  public SlackMessage list(KnowledgeBase kb, Language l) {
    Texts t = new Texts(l);
    Blocks b = new Blocks().header(t.listTitle());
    Map<String, List<Entry>> byPack = new LinkedHashMap<>();
    for (Entry e : kb.entries()) {
      byPack.computeIfAbsent(e.pack(), p -> new ArrayList<>()).add(e);
    }
    byPack.forEach(
        (pack, entries) -> {
          // One section per pack keeps each under Slack's 3,000 characters in practice, and a
          // longer one is split by Blocks at a line.
          StringBuilder sb =
              new StringBuilder("*")
                  .append(Mrkdwn.escape(KnowledgeTexts.pack(pack, l)))
                  .append("* · ")
                  .append(Mrkdwn.code(pack));
          String area = null;
          for (Entry e :
              entries.stream()
                  .sorted(Comparator.comparing(Entry::area).thenComparing(Entry::id))
                  .toList()) {
            if (!e.area().equals(area)) {
              area = e.area();
              sb.append("\n_").append(Mrkdwn.escape(area)).append('_');
            }
            sb.append("\n• ")
                .append(Mrkdwn.code(e.id()))
                .append(' ')
                .append(Mrkdwn.escape(e.title().get(l)));
          }
          b.section(sb.toString());
        });
    b.context(List.of(Mrkdwn.code(SlackSurface.COMMAND + " show <id>")));
    return b.build(t.listTitle(), "…");
  }

  /** {@code facts} followed by a known issue's affected and fixed versions. */
  private static List<String> versions(Entry e, Texts t, List<String> facts) {
    Language l = t.language();
    List<String> out = new ArrayList<>(facts);
    for (AffectedText.Line v : AffectedText.lines(e, l)) {
      out.add("*" + v.label() + "*: " + Mrkdwn.escape(v.value()));
    }
    return out;
  }

  /** One entry in full. */
  public SlackMessage show(Entry e, Language l) {
    Texts t = new Texts(l);
    Blocks b = new Blocks().header(e.title().get(l));
    List<String> facts =
        List.of(
            Mrkdwn.code(e.id())
                + " · "
                + KnowledgeTexts.kind(e.kind(), l)
                + " · "
                + Mrkdwn.escape(e.area()));
    b.context(KnowledgeTexts.showsVersions(e) ? versions(e, t, facts) : facts);
    if (!e.signatures().isEmpty()) {
      b.section("*" + t.signatures() + "*\n" + codeBlock(String.join("\n", e.signatures())));
    }
    for (Section s : Section.values()) {
      section(b, e, s, l);
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

  /** One section of the entry's body under its heading, when the entry has it in {@code l}. */
  private static void section(Blocks b, Entry e, Section s, Language l) {
    e.body(l)
        .section(s)
        .ifPresent(
            md ->
                b.section(
                    "*"
                        + KnowledgeTexts.heading(s, e.kind(), l)
                        + "*\n"
                        + Mrkdwn.fromMarkdown(md)));
  }
}
