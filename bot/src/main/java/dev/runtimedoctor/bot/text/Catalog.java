package dev.runtimedoctor.bot.text;

import dev.runtimedoctor.knowledge.entry.Language;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one home of what Runtime Doctor says, in Italian and English, for the terminal and for Slack:
 * {@code messages_it.properties} and {@code messages_en.properties} beside this class, one line per
 * {@link Msg}. Renderers add their own markup (Slack's bold, the terminal's lower-case labels)
 * around the words found here.
 *
 * <p>A pattern with placeholders ({@code {0}}, {@code {1}}, …) is a {@link MessageFormat} pattern,
 * so an apostrophe in it is written {@code ''}; a pattern without placeholders is taken as written
 * (the convention Spring's message sources follow), so commands with braces need no quoting.
 */
public final class Catalog {
  private static final String BUNDLE = "dev.runtimedoctor.bot.text.messages";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  /** Every pattern of every language, read once: the bundles are a few kilobytes. */
  private static final Map<Language, Map<Msg, String>> PATTERNS = load();

  private Catalog() {}

  /**
   * {@code key} in {@code language} with {@code args} in its placeholders (see {@link Message#of}).
   *
   * @throws IllegalArgumentException when the number of arguments is not the pattern's
   */
  public static String get(Msg key, Language language, Object... args) {
    return render(Message.of(key, args), language);
  }

  /** {@code message} in {@code language}, its nested messages in the same language. */
  public static String render(Message message, Language language) {
    String pattern = pattern(message.key(), language);
    int arity = arity(pattern);
    if (arity != message.args().size()) {
      throw new IllegalArgumentException(
          message.key() + " takes " + arity + " arguments, not " + message.args().size());
    }
    if (arity == 0) {
      return pattern;
    }
    Object[] words = new Object[arity];
    for (int i = 0; i < arity; i++) {
      words[i] = words(message.args().get(i), language);
    }
    return new MessageFormat(pattern, Locale.ROOT).format(words);
  }

  private static String words(Object argument, Language language) {
    if (argument instanceof Message m) {
      return render(m, language);
    }
    if (argument instanceof List<?> items) {
      return items.stream()
          .map(i -> words(i, language))
          .collect(Collectors.joining(Message.LIST_SEPARATOR));
    }
    return (String) argument;
  }

  /** The raw pattern of {@code key} in {@code language}, as the bundle writes it. */
  static String pattern(Msg key, Language language) {
    return PATTERNS.get(language).get(key);
  }

  /** How many arguments a pattern takes: one more than its highest placeholder. */
  static int arity(String pattern) {
    int most = -1;
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      most = Math.max(most, Integer.parseInt(m.group(1)));
    }
    return most + 1;
  }

  /** The keys a language's bundle lacks; empty when it has them all. */
  static List<Msg> missing(Language language) {
    ResourceBundle b = bundle(language);
    List<Msg> out = new ArrayList<>();
    for (Msg k : Msg.values()) {
      if (!b.containsKey(k.name())) {
        out.add(k);
      }
    }
    return out;
  }

  /** The keys of a language's bundle that name no {@link Msg}: left over, or misspelt. */
  static List<String> unknown(Language language) {
    List<String> out = new ArrayList<>();
    for (String k : Collections.list(bundle(language).getKeys())) {
      try {
        Msg.valueOf(k);
      } catch (IllegalArgumentException e) {
        out.add(k);
      }
    }
    return out;
  }

  private static ResourceBundle bundle(Language language) {
    // No fallback: a key missing in Italian must not quietly come out in the JVM's own language.
    return ResourceBundle.getBundle(
        BUNDLE,
        Locale.forLanguageTag(language.code()),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static Map<Language, Map<Msg, String>> load() {
    Map<Language, Map<Msg, String>> all = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      ResourceBundle b = bundle(l);
      Map<Msg, String> patterns = new EnumMap<>(Msg.class);
      for (Msg k : Msg.values()) {
        try {
          patterns.put(k, b.getString(k.name()));
        } catch (MissingResourceException e) {
          throw new IllegalStateException(
              "messages_" + l.code() + ".properties lacks " + k.name(), e);
        }
      }
      all.put(l, Collections.unmodifiableMap(patterns));
    }
    return Collections.unmodifiableMap(all);
  }
}
