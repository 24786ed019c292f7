package dev.runtimedoctor.bot.slack.handler;

import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@code /troubleshoot <text>} asks for: a subcommand, or a paste to diagnose. */
sealed interface TroubleshootRequest {
  /** The subcommands, as typed. */
  List<String> SUBCOMMANDS = List.of("help", "list", "show", "lang", "check");

  /** {@code help}, or nothing at all. */
  record Help() implements TroubleshootRequest {}

  /** {@code list}. */
  record ListEntries() implements TroubleshootRequest {}

  /** {@code show <id>}; the id may be missing. */
  record Show(Optional<String> id) implements TroubleshootRequest {}

  /** {@code lang it|en}; empty when the language is missing or unknown. */
  record Lang(Optional<Language> language) implements TroubleshootRequest {}

  /** {@code check [<id>]}: cluster checks of one entry, or of every entry that has some. */
  record Check(Optional<String> id) implements TroubleshootRequest {}

  /** A misspelt subcommand. */
  record DidYouMean(String word, String suggestion) implements TroubleshootRequest {}

  /** Text to diagnose. */
  record Diagnose(String text) implements TroubleshootRequest {}

  /**
   * Parses the command's text. A first word close to a subcommand, followed by little else, is
   * taken for a typo ("lsit"); anything longer is a paste, even if it starts with "list".
   */
  static TroubleshootRequest parse(String text) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      return new Help();
    }
    String[] words = s.split("\\s+");
    String first = words[0].toLowerCase(Locale.ROOT);
    Optional<String> arg = words.length > 1 ? Optional.of(words[1]) : Optional.empty();
    if (words.length <= 2) {
      switch (first) {
        case "help", "aiuto", "?" -> {
          return new Help();
        }
        case "list", "elenco" -> {
          return new ListEntries();
        }
        case "show", "mostra" -> {
          return new Show(arg);
        }
        case "lang", "lingua" -> {
          return new Lang(arg.flatMap(Language::fromCode));
        }
        case "check" -> {
          return new Check(arg);
        }
        default -> {}
      }
      // A subcommand-looking word: short, letters only. "x509:" or "CrashLoopBackOff" is a paste.
      if (first.matches("[a-z]{3,8}")) {
        Optional<String> near = Suggestions.closest(first, SUBCOMMANDS);
        if (near.isPresent()) {
          return new DidYouMean(words[0], near.get());
        }
      }
    }
    return new Diagnose(s);
  }
}
