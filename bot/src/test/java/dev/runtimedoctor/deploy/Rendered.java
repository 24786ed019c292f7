package dev.runtimedoctor.deploy;

import static dev.runtimedoctor.deploy.Yamls.get;
import static dev.runtimedoctor.deploy.Yamls.map;
import static dev.runtimedoctor.deploy.Yamls.maps;
import static dev.runtimedoctor.deploy.Yamls.string;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One variant of {@code deploy/kubernetes} as kustomize builds it, with lookups for the tests. */
record Rendered(String dir, List<Map<String, Object>> objects) {
  /** HTTP mode, the base: {@code kubectl apply -k deploy/kubernetes}. */
  static final String HTTP = "deploy/kubernetes";

  /** Socket Mode: {@code kubectl apply -k deploy/kubernetes/socket-mode}. */
  static final String SOCKET = "deploy/kubernetes/socket-mode";

  /** The Secret the manifests read the tokens from, created by hand (README). */
  static final String SECRET = "runtime-doctor-slack";

  /** Values for the Secret's keys, shaped as Slack's are, for starting the bot in tests. */
  static final Map<String, String> FAKE_SECRETS =
      Map.of(
          "bot-token", "xoxb-test-token",
          "signing-secret", "8f742231b10e8888abcd99yyyzzz85a5",
          "app-token", "xapp-test-token");

  Rendered {
    objects = List.copyOf(objects);
  }

  static Rendered of(String dir) {
    return new Rendered(dir, Kustomize.build(RepoFiles.path(dir)));
  }

  boolean socketMode() {
    return dir.equals(SOCKET);
  }

  List<Map<String, Object>> all(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  Map<String, Object> one(String kind) {
    List<Map<String, Object>> found = all(kind);
    if (found.size() != 1) {
      throw new AssertionError(dir + ": expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  Map<String, Object> named(String kind, String name) {
    return all(kind).stream()
        .filter(o -> name.equals(get(o, "metadata", "name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dir + ": no " + kind + " " + name));
  }

  Map<String, Object> podSpec() {
    return map(one("Deployment"), "spec", "template", "spec");
  }

  Map<String, Object> container() {
    List<Map<String, Object>> containers = maps(podSpec(), "containers");
    if (containers.size() != 1) {
      throw new AssertionError(dir + ": expected one container, found " + containers.size());
    }
    return containers.get(0);
  }

  /** The container's port named {@code http}. */
  int httpPort() {
    return maps(container(), "ports").stream()
        .filter(p -> "http".equals(p.get("name")))
        .map(p -> (Integer) p.get("containerPort"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dir + ": no container port named http"));
  }

  /**
   * The environment the container would start with: values, {@code envFrom} ConfigMaps, Secret keys
   * from {@code secrets}, and ConfigMap volumes written below {@code volumes} so that a path
   * pointing at their mount points at the written files instead.
   */
  Map<String, String> environment(Map<String, String> secrets, Path volumes) {
    Map<String, String> mounts = writeConfigMapVolumes(volumes);
    Map<String, String> env = new HashMap<>();
    for (Map<String, Object> from : maps(container(), "envFrom")) {
      String cm = string(from, "configMapRef", "name");
      map(named("ConfigMap", cm), "data").forEach((k, v) -> env.put(k, (String) v));
    }
    for (Map<String, Object> e : maps(container(), "env")) {
      String name = string(e, "name");
      if (e.get("value") instanceof String v) {
        env.put(name, mounts.getOrDefault(v, v));
      } else {
        Map<String, Object> ref = map(e, "valueFrom", "secretKeyRef");
        if (!SECRET.equals(ref.get("name"))) {
          throw new AssertionError(name + " reads Secret " + ref.get("name") + ", not " + SECRET);
        }
        String key = string(ref, "key");
        env.put(name, Objects.requireNonNull(secrets.get(key), "no value for secret key " + key));
      }
    }
    return env;
  }

  private Map<String, String> writeConfigMapVolumes(Path root) {
    Map<String, String> mounts = new HashMap<>();
    Map<String, Map<String, Object>> volumes = new HashMap<>();
    for (Map<String, Object> v : maps(podSpec(), "volumes")) {
      volumes.put(string(v, "name"), v);
    }
    for (Map<String, Object> m : maps(container(), "volumeMounts")) {
      Object cm = get(volumes.get(string(m, "name")), "configMap", "name");
      if (cm instanceof String name) {
        Path dir = root.resolve(string(m, "name"));
        try {
          Files.createDirectories(dir);
          for (Map.Entry<String, Object> f : map(named("ConfigMap", name), "data").entrySet()) {
            Files.writeString(
                dir.resolve(f.getKey()), (String) f.getValue(), StandardCharsets.UTF_8);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        mounts.put(string(m, "mountPath"), dir.toString());
      }
    }
    return mounts;
  }
}
