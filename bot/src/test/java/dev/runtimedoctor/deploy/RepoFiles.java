package dev.runtimedoctor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The checkout's files outside the module (deploy/, docs/), found from the test's directory. */
final class RepoFiles {
  private RepoFiles() {}

  /** The checkout: the nearest directory above the working directory with .ci/run and deploy/. */
  static Path root() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(".ci/run")) && Files.isDirectory(p.resolve("deploy"))) {
        return p;
      }
    }
    throw new IllegalStateException("no checkout (.ci/run and deploy/) above " + dir);
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    return read(path(relative));
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every YAML document of {@code text} as plain maps and lists; empty documents are skipped. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> yamlDocuments(String text) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  /** The only YAML document of {@code text}. */
  static Map<String, Object> yaml(String text) {
    List<Map<String, Object>> docs = yamlDocuments(text);
    if (docs.size() != 1) {
      throw new IllegalArgumentException("expected one YAML document, found " + docs.size());
    }
    return docs.get(0);
  }
}
