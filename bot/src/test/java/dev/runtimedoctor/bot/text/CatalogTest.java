package dev.runtimedoctor.bot.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimedoctor.knowledge.entry.Language;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every message is written in both languages, with the same arguments, and renders cleanly. */
class CatalogTest {
  /** An apostrophe MessageFormat would swallow: one not doubled. */
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  @Test
  @DisplayName("each language's bundle has every key, and no key the catalog does not know")
  void everyKeyInBothLanguages() {
    for (Language l : Language.values()) {
      assertThat(Catalog.missing(l)).as("keys missing from messages_%s", l.code()).isEmpty();
      assertThat(Catalog.unknown(l)).as("unknown keys in messages_%s", l.code()).isEmpty();
    }
  }

  @Test
  @DisplayName("a message takes the same arguments in Italian as in English")
  void sameArgumentsInBothLanguages() {
    for (Msg k : Msg.values()) {
      String it = Catalog.pattern(k, Language.IT);
      String en = Catalog.pattern(k, Language.EN);
      assertThat(Catalog.arity(it)).as(k.name()).isEqualTo(Catalog.arity(en));
      for (String p : List.of(it, en)) {
        if (Catalog.arity(p) > 0) {
          // Parses: braces balanced, placeholders well formed.
          assertThat(new MessageFormat(p, Locale.ROOT).getFormatsByArgumentIndex())
              .as(k.name())
              .hasSize(Catalog.arity(p));
        }
      }
    }
  }

  @Test
  @DisplayName("a pattern with arguments doubles its apostrophes, so none is lost in rendering")
  void apostrophesDoubledWhereFormatted() {
    for (Language l : Language.values()) {
      for (Msg k : Msg.values()) {
        String p = Catalog.pattern(k, l);
        if (Catalog.arity(p) > 0) {
          assertThat(LONE_APOSTROPHE.matcher(p).find())
              .as("%s in messages_%s has a lone apostrophe: write ''", k, l.code())
              .isFalse();
        }
      }
    }
  }

  @Test
  @DisplayName("every message renders in both languages, each argument in its place")
  void everyMessageRenders() {
    for (Language l : Language.values()) {
      for (Msg k : Msg.values()) {
        int arity = Catalog.arity(Catalog.pattern(k, l));
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
          args.add("‹arg" + i + "›");
        }
        String text = new Message(k, args).in(l);
        assertThat(text).as("%s in %s", k, l.code()).isNotBlank().doesNotContain("{0}");
        args.forEach(a -> assertThat(text).as("%s in %s", k, l.code()).contains((String) a));
        if (arity > 0) {
          String unquoted = Catalog.pattern(k, l).replace("''", "'");
          assertThat(count(text, '\''))
              .as("%s in %s", k, l.code())
              .isEqualTo(count(unquoted, '\''));
        }
      }
    }
  }

  @Test
  @DisplayName("nested messages and lists are said in the reader's language")
  void nestedInTheSameLanguage() {
    Message m =
        Message.of(
            Msg.NV_NOT_AFFECTED,
            Message.of(Msg.BOTH, "GKE 1.27.3", "containerd 1.6.9"),
            List.of(Message.of(Msg.NV_FIXED_IN, "1.6.6"), "x"));
    assertThat(m.in(Language.EN))
        .isEqualTo(
            "matches the error, but your nodes run GKE 1.27.3 and containerd 1.6.9; fixed in"
                + " 1.6.6; x");
    assertThat(m.in(Language.IT))
        .isEqualTo(
            "corrisponde all'errore, ma i tuoi nodi eseguono GKE 1.27.3 e containerd 1.6.9;"
                + " risolto in 1.6.6; x");
  }

  @Test
  @DisplayName("numbers are said in plain digits in both languages, never grouped")
  void numbersUngrouped() {
    assertThat(Catalog.get(Msg.HOME_FOOTER, Language.IT, 12345, "`x`")).startsWith("12345 voci");
    assertThat(Catalog.get(Msg.CHECKS_PROGRESS, Language.EN, 1234, 5678))
        .isEqualTo("1234 of 5678 done");
  }

  @Test
  @DisplayName("the wrong number of arguments is a programming error, said with the key")
  void wrongArity() {
    assertThatThrownBy(() -> Catalog.get(Msg.FAILED, Language.EN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FAILED takes 1");
  }

  private static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }
}
