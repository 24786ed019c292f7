package dev.runtimedoctor.knowledge.entry;

import dev.runtimedoctor.knowledge.version.Version;
import dev.runtimedoctor.knowledge.version.VersionRange;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one entry file: YAML front matter between {@code ---} lines, then the body with a {@code #
 * Italiano} and a {@code # English} part. Every problem is reported with its line.
 */
public final class EntryParser {

  /** The areas entries are grouped by. */
  public static final Set<String> AREAS =
      Set.of(
          "windows",
          "images",
          "registry",
          "networking",
          "metrics",
          "probes",
          "nodes",
          "pods",
          "storage",
          "security");

  private static final List<String> TOP_KEYS =
      List.of(
          "id",
          "kind",
          "area",
          "title",
          "signatures",
          "symptoms",
          "affected",
          "fixed_in",
          "references",
          "checks",
          "caused_by");
  private static final List<String> LANG_KEYS = List.of("it", "en");
  private static final List<String> AFFECTED_KEYS = List.of("platform", "gke", "containerd");
  private static final List<String> FIXED_KEYS = List.of("gke", "containerd");
  private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z][a-z0-9_ -]*)>");
  private static final int MAX_SIGNATURE = 2_000;

  /** The pack of an entry parsed on its own, outside any folder of entries. */
  public static final String NO_PACK = "extra";

  private final String file;
  private final String pack;

  private EntryParser(String file, String pack) {
    this.file = file;
    this.pack = pack;
  }

  /**
   * Parses the text of the entry file named {@code file} (used in messages only), as part of no
   * pack in particular ({@link #NO_PACK}).
   *
   * @throws EntryException on the first problem, with its line
   */
  public static Entry parse(String file, String text) throws EntryException {
    return parse(file, text, NO_PACK);
  }

  /**
   * Parses the text of the entry file named {@code file}, which belongs to {@code pack}.
   *
   * @throws EntryException on the first problem, with its line
   */
  public static Entry parse(String file, String text, String pack) throws EntryException {
    return new EntryParser(file, pack).parse(text);
  }

  private Entry parse(String text) throws EntryException {
    if (text.indexOf('\0') >= 0) {
      throw error(1, "binary content: an entry is a UTF-8 Markdown file");
    }
    // Editors on Windows save UTF-8 with a byte-order mark; it is not part of the first line.
    String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      throw error(1, "an entry starts with '---' and YAML front matter");
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw error(1, "front matter is not closed by a '---' line");
    }
    String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(1, close));
    MappingNode root = compose(yaml);
    Map<String, Node> top = keys(root, TOP_KEYS, "front matter");

    String id = requiredScalar(top, "id", root);
    if (!Entry.ID.matcher(id).matches()) {
      throw error(top.get("id"), "id '" + id + "' must be lowercase words joined by '-'");
    }
    Kind kind = kind(top.get("kind"));
    String area = requiredScalar(top, "area", root);
    if (!AREAS.contains(area)) {
      throw error(
          top.get("area"),
          "unknown area '"
              + area
              + "'"
              + Suggestions.didYouMean(area, AREAS)
              + " (one of "
              + String.join(", ", new java.util.TreeSet<>(AREAS))
              + ")");
    }
    LocalizedText title = title(top, root);
    List<String> signatures = signatures(top.get("signatures"));
    Map<Language, List<String>> symptoms = symptoms(top.get("symptoms"));
    Affected affected = affected(top.get("affected"), top.get("fixed_in"));
    List<String> references = references(top.get("references"));
    List<CheckSpec> checks = checks(top.get("checks"));
    List<String> causedBy = causedBy(top.get("caused_by"), id);
    if (signatures.isEmpty() && symptoms.values().stream().allMatch(List::isEmpty)) {
      throw error(root, "an entry needs signatures or symptoms to be found");
    }
    Map<Language, EntryBody> body = body(lines, close + 1);
    return new Entry(
        id,
        area,
        title,
        signatures,
        symptoms,
        affected,
        references,
        checks,
        causedBy,
        body,
        file,
        kind,
        pack);
  }

  private Kind kind(Node n) throws EntryException {
    if (n == null) {
      return Kind.KNOWN_ISSUE;
    }
    String k = scalar(n, "kind");
    return Kind.fromCode(k)
        .orElseThrow(
            () ->
                error(
                    n,
                    "unknown kind '"
                        + k
                        + "'"
                        + Suggestions.didYouMean(k, Kind.codes())
                        + " (one of "
                        + String.join(", ", Kind.codes())
                        + ")"));
  }

  private MappingNode compose(String yaml) throws EntryException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(1_000_000);
    try {
      Node node = new Yaml(options).compose(new StringReader(yaml));
      if (!(node instanceof MappingNode mapping)) {
        throw error(2, "front matter must be a mapping of keys (id, title, signatures, …)");
      }
      return mapping;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
      throw error(line + 2, "invalid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw error(2, "invalid YAML: " + e.getMessage());
    }
  }

  private Map<String, Node> keys(Node node, List<String> known, String where)
      throws EntryException {
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, where + " must be a mapping");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw error(t.getKeyNode(), "keys in " + where + " must be plain words");
      }
      String key = k.getValue();
      if (!known.contains(key)) {
        throw error(
            k, "unknown key '" + key + "' in " + where + Suggestions.didYouMean(key, known));
      }
      Node previous = out.put(key, t.getValueNode());
      if (previous != null) {
        throw error(
            k,
            "duplicate key '"
                + key
                + "' in "
                + where
                + " (first at line "
                + (previous.getStartMark().getLine() + 2)
                + ")");
      }
    }
    return out;
  }

  private String requiredScalar(Map<String, Node> map, String key, Node parent)
      throws EntryException {
    Node n = map.get(key);
    if (n == null) {
      throw error(parent, "missing required key '" + key + "'");
    }
    return scalar(n, key);
  }

  private String scalar(Node n, String what) throws EntryException {
    if (!(n instanceof ScalarNode s)) {
      throw error(n, "'" + what + "' must be a single value");
    }
    String v = s.getValue().strip();
    if (v.isEmpty()) {
      throw error(n, "'" + what + "' is empty");
    }
    return v;
  }

  private List<String> strings(Node n, String what) throws EntryException {
    if (n == null) {
      return List.of();
    }
    if (n instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("null"))) {
      return List.of();
    }
    if (!(n instanceof SequenceNode seq)) {
      throw error(n, "'" + what + "' must be a list");
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      out.add(scalar(item, what + " item"));
    }
    return out;
  }

  private LocalizedText title(Map<String, Node> top, Node root) throws EntryException {
    Node n = top.get("title");
    if (n == null) {
      throw error(root, "missing required key 'title' (with 'it' and 'en')");
    }
    Map<String, Node> t = keys(n, LANG_KEYS, "title");
    for (String lang : LANG_KEYS) {
      if (!t.containsKey(lang)) {
        throw error(n, "missing title '" + lang + "'");
      }
    }
    return new LocalizedText(scalar(t.get("it"), "title.it"), scalar(t.get("en"), "title.en"));
  }

  private List<String> signatures(Node n) throws EntryException {
    List<String> sigs = strings(n, "signatures");
    if (n instanceof SequenceNode seq) {
      for (int i = 0; i < sigs.size(); i++) {
        String sig = sigs.get(i);
        Node item = seq.getValue().get(i);
        if (sig.length() > MAX_SIGNATURE) {
          throw error(item, "signature longer than " + MAX_SIGNATURE + " characters");
        }
        Matcher m = PLACEHOLDER.matcher(sig);
        while (m.find()) {
          String p = m.group(1);
          if (Placeholder.byLabel(p).isEmpty()) {
            throw error(
                item,
                "unknown placeholder '<"
                    + p
                    + ">'"
                    + Suggestions.closest(p, Placeholder.labels())
                        .map(c -> ", did you mean '<" + c + ">'?")
                        .orElse(" (see docs/entries.md)"));
          }
        }
      }
    }
    return sigs;
  }

  private Map<Language, List<String>> symptoms(Node n) throws EntryException {
    Map<Language, List<String>> out = new EnumMap<>(Language.class);
    if (n == null) {
      return out;
    }
    Map<String, Node> m = keys(n, LANG_KEYS, "symptoms");
    for (Language l : Language.values()) {
      out.put(l, strings(m.get(l.code()), "symptoms." + l.code()));
    }
    return out;
  }

  private Affected affected(Node n, Node fixed) throws EntryException {
    Platform platform = Platform.ANY;
    List<VersionRange> gke = List.of();
    List<VersionRange> containerd = List.of();
    if (n != null) {
      Map<String, Node> m = keys(n, AFFECTED_KEYS, "affected");
      if (m.containsKey("platform")) {
        String p = scalar(m.get("platform"), "platform");
        try {
          platform = Platform.valueOf(p.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw error(m.get("platform"), "platform '" + p + "' must be windows, linux or any");
        }
      }
      gke = ranges(m.get("gke"), "affected.gke");
      containerd = ranges(m.get("containerd"), "affected.containerd");
    }
    List<Version> fixedGke = List.of();
    List<Version> fixedContainerd = List.of();
    if (fixed != null) {
      Map<String, Node> m = keys(fixed, FIXED_KEYS, "fixed_in");
      fixedGke = versions(m.get("gke"), "fixed_in.gke");
      fixedContainerd = versions(m.get("containerd"), "fixed_in.containerd");
    }
    return new Affected(platform, gke, containerd, fixedGke, fixedContainerd);
  }

  private List<VersionRange> ranges(Node n, String what) throws EntryException {
    List<String> raw = strings(n, what);
    List<VersionRange> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      try {
        out.add(VersionRange.parse(raw.get(i)));
      } catch (IllegalArgumentException e) {
        throw error(itemNode(n, i), "bad version range in " + what + ": " + e.getMessage());
      }
    }
    return out;
  }

  private List<Version> versions(Node n, String what) throws EntryException {
    List<String> raw = strings(n, what);
    List<Version> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      try {
        out.add(Version.parse(raw.get(i)));
      } catch (IllegalArgumentException e) {
        throw error(itemNode(n, i), "bad version in " + what + ": " + e.getMessage());
      }
    }
    return out;
  }

  private List<String> references(Node n) throws EntryException {
    List<String> refs = strings(n, "references");
    for (int i = 0; i < refs.size(); i++) {
      String r = refs.get(i);
      boolean ok;
      try {
        URI u = new URI(r);
        ok = "https".equals(u.getScheme()) && u.getHost() != null;
      } catch (java.net.URISyntaxException e) {
        ok = false;
      }
      if (!ok) {
        throw error(itemNode(n, i), "reference '" + r + "' is not an https URL");
      }
    }
    return refs;
  }

  /**
   * The ids of the entries whose errors, found in the same paste, are the cause of this one's (a
   * status such as CrashLoopBackOff and the OOMKilled behind it).
   */
  private List<String> causedBy(Node n, String self) throws EntryException {
    List<String> ids = strings(n, "caused_by");
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (!Entry.ID.matcher(id).matches() || id.equals(self)) {
        throw error(
            itemNode(n, i),
            "caused_by '"
                + id
                + "' is not the id of another entry (lowercase words joined by '-')");
      }
    }
    return ids;
  }

  private List<CheckSpec> checks(Node n) throws EntryException {
    if (n == null) {
      return List.of();
    }
    if (!(n instanceof SequenceNode seq)) {
      throw error(n, "'checks' must be a list of {type: …} items");
    }
    List<CheckSpec> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof MappingNode m)) {
        throw error(item, "each check is a mapping with a 'type'");
      }
      String type = null;
      Map<String, List<String>> params = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String key = scalar(t.getKeyNode(), "check key");
        if (key.equals("type")) {
          type = scalar(t.getValueNode(), "type");
        } else if (t.getValueNode() instanceof SequenceNode) {
          params.put(key, strings(t.getValueNode(), key));
        } else {
          params.put(key, List.of(scalar(t.getValueNode(), key)));
        }
      }
      if (type == null) {
        throw error(item, "check without a 'type'");
      }
      out.add(new CheckSpec(type, params));
    }
    return out;
  }

  private Map<Language, EntryBody> body(String[] lines, int start) throws EntryException {
    Map<Language, EntryBody> out = new EnumMap<>(Language.class);
    Map<Language, Integer> seenAt = new EnumMap<>(Language.class);
    Language lang = null;
    Section section = null;
    Map<Section, StringBuilder> current = null;
    Map<Language, Map<Section, StringBuilder>> all = new EnumMap<>(Language.class);
    boolean fence = false;
    for (int i = start; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
        fence = !fence;
      }
      if (!fence && line.startsWith("# ")) {
        String h = line.substring(2).strip();
        lang = null;
        for (Language l : Language.values()) {
          if (l.heading().equalsIgnoreCase(h)) {
            lang = l;
          }
        }
        if (lang == null) {
          throw error(
              lineNo, "unknown language heading '# " + h + "' (use '# Italiano' or '# English')");
        }
        if (seenAt.containsKey(lang)) {
          throw error(
              lineNo,
              "second '# " + lang.heading() + "' part (first at line " + seenAt.get(lang) + ")");
        }
        seenAt.put(lang, lineNo);
        current = new EnumMap<>(Section.class);
        all.put(lang, current);
        section = null;
        continue;
      }
      if (!fence && line.startsWith("## ")) {
        if (lang == null) {
          throw error(lineNo, "section before '# Italiano' or '# English'");
        }
        String h = line.substring(3).strip();
        Language l = lang;
        section =
            Section.fromHeading(h, lang)
                .orElseThrow(
                    () ->
                        error(
                            lineNo,
                            "unknown section '## "
                                + h
                                + "' in "
                                + l.heading()
                                + Suggestions.didYouMean(
                                    h,
                                    java.util.Arrays.stream(Section.values())
                                        .map(s -> s.heading(l))
                                        .toList())));
        current.put(section, new StringBuilder());
        continue;
      }
      if (section != null) {
        current.get(section).append(line).append('\n');
      } else if (!line.isBlank()) {
        throw error(
            lineNo,
            lang == null
                ? "text before '# Italiano' / '# English'"
                : "text before the first '## ' section of " + lang.heading());
      }
    }
    for (Language l : Language.values()) {
      Map<Section, StringBuilder> sections = all.get(l);
      if (sections == null) {
        throw error(lastTextLine(lines), "the body has no '# " + l.heading() + "' part");
      }
      Map<Section, String> text = new EnumMap<>(Section.class);
      for (Section s : Section.values()) {
        StringBuilder sb = sections.get(s);
        if (sb == null || sb.toString().isBlank()) {
          if (s.required()) {
            throw error(
                seenAt.get(l), "'# " + l.heading() + "' has no '## " + s.heading(l) + "' section");
          }
          continue;
        }
        text.put(s, sb.toString().strip());
      }
      out.put(l, new EntryBody(text));
    }
    return out;
  }

  private static int lastTextLine(String[] lines) {
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) {
        return i + 1;
      }
    }
    return 1;
  }

  private static Node itemNode(Node n, int i) {
    return n instanceof SequenceNode seq ? seq.getValue().get(i) : n;
  }

  private EntryException error(Node node, String reason) {
    return new EntryException(file, node.getStartMark().getLine() + 2, reason);
  }

  private EntryException error(int line, String reason) {
    return new EntryException(file, line, reason);
  }
}
