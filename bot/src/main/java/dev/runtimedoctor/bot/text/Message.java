package dev.runtimedoctor.bot.text;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Something to say, before its language is known: a catalog key and its arguments. An argument is a
 * string said as is in every language (a node name, a version, a count), another {@code Message}
 * rendered in the same language as this one, or a list of those said one after the other with
 * {@value #LIST_SEPARATOR} between them.
 *
 * @param key what to say
 * @param args its arguments, in the order of the pattern's {@code {0}}, {@code {1}}, …
 */
public record Message(Msg key, List<Object> args) {
  /** Between the items of a list argument: a mark, the same in both languages. */
  public static final String LIST_SEPARATOR = "; ";

  public Message {
    Objects.requireNonNull(key, "key");
    List<Object> checked = new ArrayList<>(args.size());
    for (Object a : args) {
      checked.add(argument(a));
    }
    args = List.copyOf(checked);
  }

  /**
   * A message with {@code args}: strings, nested messages, lists of those, or numbers (said in
   * digits, the same in both languages).
   *
   * @throws IllegalArgumentException for an argument of any other type
   */
  public static Message of(Msg key, Object... args) {
    return new Message(key, List.of(args));
  }

  /** This message in {@code language}. */
  public String in(Language language) {
    return Catalog.render(this, language);
  }

  private static Object argument(Object a) {
    Objects.requireNonNull(a, "argument");
    if (a instanceof String || a instanceof Message) {
      return a;
    }
    if (a instanceof List<?> items) {
      return items.stream().map(Message::argument).toList();
    }
    if (a instanceof Integer || a instanceof Long) {
      // Digits as written, never grouped by locale ("1.234" would be an Italian thousand).
      return a.toString();
    }
    throw new IllegalArgumentException("a message argument is a string, a number or a message");
  }
}
