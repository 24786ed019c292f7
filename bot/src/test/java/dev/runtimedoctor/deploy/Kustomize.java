package dev.runtimedoctor.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize that
 * {@code deploy/kubernetes} uses: resources (files and directories), {@code configMapGenerator}
 * with a content-hash name suffix, strategic-merge {@code patches} by kind and name, {@code
 * namespace} and {@code images}. The manifests can then be checked on any machine, where the only
 * kubectl Debian packages (1.20, kustomize 2.0.3) cannot build them. A field or patch form outside
 * the subset fails the build rather than being ignored, so this cannot quietly drift from
 * kustomize; {@code KubectlKustomizeTest} compares the two where a recent kubectl is at hand.
 */
final class Kustomize {
  private static final Set<String> FIELDS =
      Set.of(
          "apiVersion",
          "kind",
          "resources",
          "configMapGenerator",
          "patches",
          "namespace",
          "images");

  /** Kinds without a namespace, among those these manifests use. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");

  private Kustomize() {}

  /** The objects {@code kubectl kustomize dir} prints, in the order they were built. */
  static List<Map<String, Object>> build(Path dir) {
    Set<String> generated = new LinkedHashSet<>();
    Build b = new Build(generated);
    b.add(dir.toAbsolutePath().normalize(), new LinkedHashSet<>());
    b.hashGeneratedNames();
    return b.objects;
  }

  /** The kind/name pairs of the ConfigMaps a kustomization generates, for comparing builds. */
  static Set<String> generatedConfigMapNames(Path dir) {
    Set<String> names = new LinkedHashSet<>();
    Map<String, Object> k = kustomization(dir.toAbsolutePath().normalize());
    for (Object g : listOf(k.get("configMapGenerator"))) {
      names.add((String) Yamls.get(g, "name"));
    }
    for (Object r : listOf(k.get("resources"))) {
      Path p = dir.resolve((String) r).normalize();
      if (Files.isDirectory(p)) {
        names.addAll(generatedConfigMapNames(p));
      }
    }
    return names;
  }

  /** One kustomization's build: its transformers see only what it built, bases included. */
  private static final class Build {
    final List<Map<String, Object>> objects = new ArrayList<>();
    final Set<String> generated;

    Build(Set<String> generated) {
      this.generated = generated;
    }

    void add(Path dir, Set<Path> visiting) {
      if (!visiting.add(dir)) {
        throw new IllegalArgumentException("kustomization cycle through " + dir);
      }
      Map<String, Object> k = kustomization(dir);
      for (Object entry : listOf(k.get("resources"))) {
        Path p = dir.resolve((String) entry).normalize();
        if (Files.isDirectory(p)) {
          // kustomize refuses a base that contains the overlay: it would be a cycle.
          if (dir.startsWith(p)) {
            throw new IllegalArgumentException(dir + " is inside its base " + p);
          }
          Build base = new Build(generated);
          base.add(p, visiting);
          objects.addAll(base.objects);
        } else {
          objects.addAll(RepoFiles.yamlDocuments(RepoFiles.read(within(dir, p))));
        }
      }
      for (Object g : listOf(k.get("configMapGenerator"))) {
        generate(dir, asMap(g));
      }
      for (Object p : listOf(k.get("patches"))) {
        patch(dir, asMap(p));
      }
      if (k.get("namespace") instanceof String ns) {
        namespace(ns);
      }
      for (Object i : listOf(k.get("images"))) {
        image(asMap(i));
      }
      visiting.remove(dir);
    }

    void generate(Path dir, Map<String, Object> g) {
      only(g, "configMapGenerator", "name", "literals", "files", "behavior");
      String name = (String) Objects.requireNonNull(g.get("name"), "configMapGenerator name");
      Map<String, Object> data = new LinkedHashMap<>();
      for (Object literal : listOf(g.get("literals"))) {
        String l = (String) literal;
        int eq = l.indexOf('=');
        data.put(l.substring(0, eq), l.substring(eq + 1));
      }
      for (Object file : listOf(g.get("files"))) {
        String f = (String) file;
        int eq = f.indexOf('=');
        Path p = within(dir, dir.resolve(eq < 0 ? f : f.substring(eq + 1)).normalize());
        data.put(eq < 0 ? p.getFileName().toString() : f.substring(0, eq), RepoFiles.read(p));
      }
      String behavior = (String) g.getOrDefault("behavior", "create");
      Map<String, Object> existing = find("ConfigMap", name);
      switch (behavior) {
        case "create" -> {
          if (existing != null) {
            throw new IllegalArgumentException("ConfigMap " + name + " generated twice");
          }
          Map<String, Object> cm = new LinkedHashMap<>();
          cm.put("apiVersion", "v1");
          cm.put("kind", "ConfigMap");
          cm.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
          cm.put("data", data);
          objects.add(cm);
          generated.add(name);
        }
        case "merge", "replace" -> {
          if (existing == null || !generated.contains(name)) {
            throw new IllegalArgumentException(
                "no generated ConfigMap " + name + " to " + behavior);
          }
          if (behavior.equals("replace")) {
            existing.put("data", data);
          } else {
            Yamls.map(existing, "data").putAll(data);
          }
        }
        default -> throw new IllegalArgumentException("unknown behavior " + behavior);
      }
    }

    void patch(Path dir, Map<String, Object> p) {
      // Inline patches and target selectors are kustomize features this renderer lacks.
      only(p, "patches", "path");
      Map<String, Object> patch =
          RepoFiles.yaml(RepoFiles.read(within(dir, dir.resolve((String) p.get("path")))));
      String kind = Yamls.string(patch, "kind");
      String name = Yamls.string(patch, "metadata", "name");
      Map<String, Object> target = find(kind, name);
      if (target == null) {
        throw new IllegalArgumentException("patch " + p.get("path") + ": no " + kind + " " + name);
      }
      if ("delete".equals(patch.get("$patch"))) {
        objects.remove(target);
      } else {
        merge(target, patch);
      }
    }

    void namespace(String ns) {
      Set<String> accounts = new LinkedHashSet<>();
      for (Map<String, Object> o : objects) {
        if (!CLUSTER_SCOPED.contains(o.get("kind"))) {
          Yamls.map(o, "metadata").put("namespace", ns);
        }
        if ("ServiceAccount".equals(o.get("kind"))) {
          accounts.add(Yamls.string(o, "metadata", "name"));
        }
      }
      // As kustomize does: bindings follow the service accounts they name into the namespace.
      for (Map<String, Object> o : objects) {
        if (o.get("kind") instanceof String k && k.endsWith("RoleBinding")) {
          for (Object s : listOf(o.get("subjects"))) {
            Map<String, Object> subject = asMap(s);
            if ("ServiceAccount".equals(subject.get("kind"))
                && accounts.contains(subject.get("name"))) {
              subject.put("namespace", ns);
            }
          }
        }
      }
    }

    void image(Map<String, Object> i) {
      only(i, "images", "name", "newName", "newTag", "digest");
      String name = (String) i.get("name");
      for (Map<String, Object> container : containers()) {
        String image = (String) container.get("image");
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > image.lastIndexOf('/');
        String bare = at >= 0 ? image.substring(0, at) : tagged ? image.substring(0, colon) : image;
        if (!bare.equals(name)) {
          continue;
        }
        String suffix = at >= 0 ? image.substring(at) : tagged ? image.substring(colon) : "";
        if (i.get("newTag") != null) {
          suffix = ":" + i.get("newTag");
        }
        if (i.get("digest") != null) {
          suffix = "@" + i.get("digest");
        }
        container.put("image", Objects.toString(i.get("newName"), bare) + suffix);
      }
    }

    /** Gives generated ConfigMaps their content-hash suffix and points references at it. */
    void hashGeneratedNames() {
      Map<String, String> renamed = new TreeMap<>();
      for (String name : generated) {
        Map<String, Object> cm = find("ConfigMap", name);
        String hashed = name + "-" + hash(Objects.toString(cm.get("data")));
        Yamls.map(cm, "metadata").put("name", hashed);
        renamed.put(name, hashed);
      }
      for (Map<String, Object> o : objects) {
        Object spec = Yamls.get(o, "spec", "template", "spec");
        for (Object v : listOf(Yamls.get(spec, "volumes"))) {
          rename(Yamls.get(v, "configMap"), renamed);
        }
      }
      for (Map<String, Object> c : containers()) {
        for (Object e : listOf(c.get("envFrom"))) {
          rename(Yamls.get(e, "configMapRef"), renamed);
        }
        for (Object e : listOf(c.get("env"))) {
          rename(Yamls.get(e, "valueFrom", "configMapKeyRef"), renamed);
        }
      }
    }

    private static void rename(Object ref, Map<String, String> renamed) {
      if (ref instanceof Map<?, ?> r && renamed.containsKey(r.get("name"))) {
        asMap(r).put("name", renamed.get(r.get("name")));
      }
    }

    List<Map<String, Object>> containers() {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> o : objects) {
        Object spec = Yamls.get(o, "spec", "template", "spec");
        for (String field : List.of("initContainers", "containers")) {
          for (Object c : listOf(Yamls.get(spec, field))) {
            out.add(asMap(c));
          }
        }
      }
      return out;
    }

    Map<String, Object> find(String kind, String name) {
      for (Map<String, Object> o : objects) {
        if (kind.equals(o.get("kind")) && name.equals(Yamls.get(o, "metadata", "name"))) {
          return o;
        }
      }
      return null;
    }
  }

  /**
   * A strategic merge as kustomize applies it to these manifests: maps merge key by key; lists of
   * named maps (containers, env, volumes, mounts) merge by name, new items first, an item with
   * {@code $patch: delete} removed; any other list is replaced.
   */
  @SuppressWarnings("unchecked")
  static void merge(Map<String, Object> target, Map<String, Object> patch) {
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      Object current = target.get(e.getKey());
      Object change = e.getValue();
      if (e.getKey().startsWith("$")) {
        throw new IllegalArgumentException("unsupported directive " + e.getKey());
      } else if (change == null) {
        target.remove(e.getKey());
      } else if (current instanceof Map<?, ?> c && change instanceof Map<?, ?> m) {
        merge((Map<String, Object>) c, (Map<String, Object>) m);
      } else if (current instanceof List<?> c && change instanceof List<?> l && named(c, l)) {
        target.put(e.getKey(), mergeByName((List<Object>) c, (List<Object>) l));
      } else {
        target.put(e.getKey(), change);
      }
    }
  }

  private static boolean named(List<?> a, List<?> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return !all.isEmpty()
        && all.stream().allMatch(x -> x instanceof Map<?, ?> m && m.get("name") instanceof String);
  }

  private static List<Object> mergeByName(List<Object> current, List<Object> patch) {
    List<Object> merged = new ArrayList<>(current);
    List<Object> added = new ArrayList<>();
    for (Object p : patch) {
      Map<String, Object> item = new LinkedHashMap<>(asMap(p));
      Object name = item.get("name");
      boolean delete = "delete".equals(item.remove("$patch"));
      Map<String, Object> match = null;
      for (Iterator<Object> it = merged.iterator(); it.hasNext(); ) {
        Map<String, Object> m = asMap(it.next());
        if (name.equals(m.get("name"))) {
          match = m;
          if (delete) {
            it.remove();
          }
        }
      }
      if (!delete && match != null) {
        merge(match, item);
      } else if (!delete) {
        added.add(item);
      }
    }
    added.addAll(merged);
    return added;
  }

  private static Map<String, Object> kustomization(Path dir) {
    Map<String, Object> k = RepoFiles.yaml(RepoFiles.read(dir.resolve("kustomization.yaml")));
    only(k, dir.resolve("kustomization.yaml").toString(), FIELDS.toArray(String[]::new));
    if (!"Kustomization".equals(k.get("kind"))) {
      throw new IllegalArgumentException(dir + ": kind must be Kustomization");
    }
    return k;
  }

  /** kustomize's load restriction: a kustomization reads files only at or below its directory. */
  private static Path within(Path dir, Path file) {
    Path f = file.normalize();
    if (!f.startsWith(dir)) {
      throw new IllegalArgumentException(f + " is outside the kustomization root " + dir);
    }
    if (!Files.isRegularFile(f)) {
      throw new IllegalArgumentException(f + " does not exist");
    }
    return f;
  }

  private static void only(Map<String, Object> node, String where, String... keys) {
    Set<String> unknown = new LinkedHashSet<>(node.keySet());
    unknown.removeAll(Set.of(keys));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(where + ": unsupported fields " + unknown);
    }
  }

  private static List<Object> listOf(Object o) {
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List<?>)) {
      throw new IllegalArgumentException("expected a list, got " + o);
    }
    @SuppressWarnings("unchecked")
    List<Object> l = (List<Object>) o;
    return l;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    if (!(o instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a mapping, got " + o);
    }
    return (Map<String, Object>) o;
  }

  private static String hash(String content) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
