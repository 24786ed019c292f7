package dev.runtimedoctor.knowledge.analysis;

import dev.runtimedoctor.knowledge.entry.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * Guesses the language, Italian or English, of the words a person wrote in a paste, leaving out the
 * log lines, which are English whatever the person speaks.
 *
 * <p>A word-unigram detector is enough for two languages: the Snowball stop-word lists Lucene ships
 * (the commonest words of each language) plus two short lists bundled beside this class of words
 * people write in questions and logs rarely print. A maintained detector library was considered:
 * lingua is not published where this build resolves from, and the optimaize detector is
 * unmaintained since 2016 and weak on the few words of a chat question.
 *
 * <p>Lines are read in three kinds. A line with a log prefix (timestamp, klog, syslog, journald,
 * logrus), a table row, a {@code kubectl describe} field or a JSON object is a log line and never
 * counts. A line dense with paths, numbers, quotes, {@code key=value} or a chain of {@code cause:
 * cause: cause} is an error message, possibly with the person's words around it: only its Italian
 * words count there, at half weight, since English ones are what the error itself says. Every other
 * line is prose and counts fully. English's function words (the, of, to) weigh a third of a word,
 * because error messages use them too; pronouns, question words and chat words weigh a whole one.
 */
public final class LanguageGuess {
  /** Lines read from the start and from the end of a paste: where people write their words. */
  private static final int HEAD_LINES = 1_000;

  private static final int TAIL_LINES = 200;

  /** Enough prose to decide; the rest of a long paste is not read. */
  private static final int MAX_PROSE_LINES = 60;

  private static final int MAX_LINE_CHARS = 500;

  /** Share of tokens that are paths, numbers, quotes or identifiers above which a line is a log. */
  private static final double TECHNICAL_SHARE = 0.3;

  private static final double STRONG = 1.0;
  private static final double FUNCTION_WORD = 0.35;
  private static final double SINGLE_LETTER = 0.5;
  private static final double SUFFIX = 0.3;

  /** Italian endings of verbs, participles and nouns that English words rarely have. */
  private static final List<String> ITALIAN_ENDINGS =
      List.of(
          "zione", "zioni", "mente", "ando", "endo", "iamo", "ato", "ati", "ito", "iti", "ono",
          "ano", "ebbe", "ggio");

  /**
   * Italian stop words that are also words of English pastes: "ci" (CI), "ai" (AI), "vi" (the
   * editor), "ad", "per" (pods per node); the words both lists share are left out too.
   */
  private static final Set<String> AMBIGUOUS = Set.of("ci", "ai", "vi", "ad", "per");

  /**
   * A field of {@code kubectl describe} or YAML: a short key, a colon, then the end of the line or
   * a value aligned by spaces ("Last State: Terminated", "Events:"). A sentence ending in a colon
   * before a paste ("ricevo questo errore:") is not one.
   */
  private static final Pattern FIELD =
      Pattern.compile("\\s*(?:[A-Za-z][\\w./ -]{0,40}:\\s{2,}\\S|[A-Za-z][\\w./-]{0,40}:\\s*$)");

  private record Cue(Language language, double weight) {}

  /** The fewest words before an error chain that make a sentence of the person's. */
  private static final int MIN_LEAD_WORDS = 3;

  /** The language cues of some text: Italian and English weight, tokens and technical tokens. */
  private record Words(
      double italian, double english, boolean strongEnglish, int tokens, int technical) {
    static final Words NONE = new Words(0, 0, false, 0, 0);

    static Words of(String text) {
      String[] tokens = text.split(" ");
      double it = 0;
      double en = 0;
      boolean strong = false;
      int technical = 0;
      for (String raw : tokens) {
        String w = trim(raw);
        if (w.isEmpty()) {
          continue;
        }
        if (isTechnical(w)) {
          technical++;
          continue;
        }
        Cue c = cue(w.toLowerCase(Locale.ROOT));
        if (c == null) {
          continue;
        }
        if (c.language() == Language.IT) {
          it += c.weight();
        } else {
          en += c.weight();
          strong |= c.weight() >= STRONG;
        }
      }
      return new Words(it, en, strong, tokens.length, technical);
    }
  }

  private static final Map<String, Cue> CUES = cues();

  private LanguageGuess() {}

  /**
   * The language of the person's words in {@code paste}, or empty when it holds no prose (only log
   * lines) or too little to tell. Reads at most the first 1,000 and last 200 lines, 500 characters
   * of each, and stops after 60 lines of prose, so a journal of any size costs the same.
   */
  public static Optional<Language> of(NormalizedPaste paste) {
    List<PasteLine> lines = paste.lines();
    int n = lines.size();
    Tally tally = new Tally();
    int head = Math.min(n, HEAD_LINES);
    for (int i = 0; i < head && tally.proseLines < MAX_PROSE_LINES; i++) {
      tally.read(lines.get(i));
    }
    for (int i = Math.max(head, n - TAIL_LINES); i < n && tally.proseLines < MAX_PROSE_LINES; i++) {
      tally.read(lines.get(i));
    }
    return tally.decide();
  }

  /** The evidence gathered from the lines read so far. */
  private static final class Tally {
    double italian;
    double english;
    boolean strongEnglish;
    int proseLines;

    void read(PasteLine line) {
      if (isLogLine(line)) {
        return;
      }
      String text = line.cleaned();
      if (text.length() > MAX_LINE_CHARS) {
        text = text.substring(0, MAX_LINE_CHARS);
      }
      Words all = Words.of(text);
      boolean errorMessage = all.technical() > TECHNICAL_SHARE * all.tokens() || colonChain(text);
      if (errorMessage) {
        // "Since this morning every pod fails with: failed to allocate …": what comes before the
        // chain is the person's sentence, in their language; the chain's English is the error's.
        int start = ErrorLine.chainStart(text);
        Words person = start > 0 ? Words.of(text.substring(0, start)) : Words.NONE;
        if (person.tokens() >= MIN_LEAD_WORDS
            && person.technical() <= TECHNICAL_SHARE * person.tokens()) {
          add(person);
          italian += (all.italian() - person.italian()) / 2;
        } else {
          italian += all.italian() / 2;
        }
        return;
      }
      add(all);
    }

    private void add(Words w) {
      proseLines++;
      italian += w.italian();
      english += w.english();
      strongEnglish |= w.strongEnglish();
    }

    Optional<Language> decide() {
      if ((italian >= 1 && italian >= english) || (italian >= 2 && 4 * italian >= english)) {
        return Optional.of(Language.IT);
      }
      if (english > italian && (strongEnglish || english >= 1)) {
        return Optional.of(Language.EN);
      }
      return Optional.empty();
    }
  }

  /**
   * A line the normalizer took a log prefix, colours or box borders from, a table row of {@code
   * kubectl} output (columns apart by runs of spaces) or a JSON object.
   */
  private static boolean isLogLine(PasteLine line) {
    String o = line.original();
    String c = line.cleaned();
    if (nonSpace(o) > nonSpace(c) || c.startsWith("{") || FIELD.matcher(o).lookingAt()) {
      return true;
    }
    int columns = 0;
    int limit = Math.min(o.length(), MAX_LINE_CHARS);
    for (int i = 1; i + 2 < limit; i++) {
      if (o.charAt(i) == ' '
          && o.charAt(i + 1) == ' '
          && o.charAt(i - 1) != ' '
          && !Character.isWhitespace(o.charAt(i - 1))) {
        columns++;
      }
    }
    return columns >= 2;
  }

  private static int nonSpace(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  /**
   * Two or more "cause: " joints, how Go errors wrap each other, or one after a component's name or
   * id ("x509: …", "hcsshim::CreateComputeSystem 4b1e: …"), how errors begin.
   */
  private static boolean colonChain(String text) {
    int first = text.indexOf(": ");
    if (first < 0) {
      return false;
    }
    if (text.indexOf(": ", first + 2) >= 0) {
      return true;
    }
    String[] head = text.substring(0, first).split(" ");
    if (head.length > 3) {
      return false;
    }
    for (String t : head) {
      if (isTechnical(trim(t))) {
        return true;
      }
    }
    return false;
  }

  /** The token without the quotes, brackets and sentence punctuation around it. */
  private static String trim(String token) {
    int s = 0;
    int e = token.length();
    while (s < e && "\"'`([{<*_‘“".indexOf(token.charAt(s)) >= 0) {
      s++;
    }
    while (e > s && "\"'`)]}>*_.,;:!?’”…".indexOf(token.charAt(e - 1)) >= 0) {
      e--;
    }
    return token.substring(s, e).replace('’', '\'');
  }

  /** A path, number, identifier, URL or code: not a word of anyone's language. */
  private static boolean isTechnical(String w) {
    for (int i = 0; i < w.length(); i++) {
      char ch = w.charAt(i);
      if (Character.isLetter(ch) || ch == '\'') {
        if (i > 0 && Character.isUpperCase(ch) && Character.isLowerCase(w.charAt(i - 1))) {
          return true; // camelCase: CrashLoopBackOff, containerRuntimeVersion
        }
        continue;
      }
      return true;
    }
    return false;
  }

  private static Cue cue(String w) {
    Cue c = CUES.get(w);
    if (c != null) {
      return c;
    }
    int apostrophe = w.indexOf('\'');
    if (apostrophe > 0) {
      // Italian elision: l'errore, dell'immagine, c'è.
      return CUES.get(w.substring(0, apostrophe));
    }
    for (int i = 0; i < w.length(); i++) {
      if ("àèéìòù".indexOf(w.charAt(i)) >= 0) {
        return new Cue(Language.IT, STRONG);
      }
    }
    if (w.length() >= 6) {
      for (String ending : ITALIAN_ENDINGS) {
        if (w.endsWith(ending)) {
          return new Cue(Language.IT, SUFFIX);
        }
      }
    }
    return null;
  }

  private static Map<String, Cue> cues() {
    CharArraySet italianStop = snowball("italian_stop.txt");
    CharArraySet englishStop = snowball("english_stop.txt");
    Map<String, Cue> out = new HashMap<>();
    for (Object o : englishStop) {
      String w = new String((char[]) o);
      if (!italianStop.contains(w)) {
        out.put(w, new Cue(Language.EN, FUNCTION_WORD));
      }
    }
    for (Object o : italianStop) {
      String w = new String((char[]) o);
      if (!englishStop.contains(w) && !AMBIGUOUS.contains(w)) {
        out.put(w, new Cue(Language.IT, w.length() == 1 ? SINGLE_LETTER : STRONG));
      }
    }
    for (String w : bundled("prose-words-en.txt")) {
      out.put(w, new Cue(Language.EN, STRONG));
    }
    for (String w : bundled("prose-words-it.txt")) {
      out.put(w, new Cue(Language.IT, STRONG));
    }
    return Map.copyOf(out);
  }

  private static CharArraySet snowball(String resource) {
    try {
      return WordlistLoader.getSnowballWordSet(
          IOUtils.getDecodingReader(SnowballFilter.class, resource, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene's " + resource + " is missing", e);
    }
  }

  private static Set<String> bundled(String resource) {
    Set<String> out = new HashSet<>();
    try (InputStream in = LanguageGuess.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String w = line.strip().toLowerCase(Locale.ROOT);
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    return out;
  }
}
