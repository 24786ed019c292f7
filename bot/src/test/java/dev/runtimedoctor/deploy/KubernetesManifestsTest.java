package dev.runtimedoctor.deploy;

import static dev.runtimedoctor.deploy.Yamls.get;
import static dev.runtimedoctor.deploy.Yamls.list;
import static dev.runtimedoctor.deploy.Yamls.map;
import static dev.runtimedoctor.deploy.Yamls.maps;
import static dev.runtimedoctor.deploy.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.cluster.ApiPermission;
import dev.runtimedoctor.bot.cluster.KubeClusterReader;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of both variants of {@code deploy/kubernetes} (HTTP mode and Socket Mode), built as
 * kustomize builds them, held to DESIGN §7: least privilege from the code's own list, a locked-down
 * pod, tokens only from the Secret, and settings the bot accepts.
 */
class KubernetesManifestsTest {
  private static final Map<String, Rendered> BUILDS = new ConcurrentHashMap<>();

  /** Sub-resources and resources that read secrets or run code in pods: never granted. */
  private static final Set<String> NEVER =
      Set.of(
          "*",
          "secrets",
          "pods/log",
          "pods/exec",
          "pods/attach",
          "pods/portforward",
          "pods/proxy",
          "nodes/proxy",
          "services/proxy",
          "serviceaccounts/token",
          "pods/ephemeralcontainers");

  static Rendered rendered(String dir) {
    return BUILDS.computeIfAbsent(dir, Rendered::of);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("builds the bot's objects and nothing else: no Namespace, no Secret, no namespace")
  void objects(String dir) {
    Rendered r = rendered(dir);
    List<String> kinds = r.objects().stream().map(o -> (String) o.get("kind")).sorted().toList();
    List<String> expected =
        new ArrayList<>(
            List.of(
                "ClusterRole",
                "ClusterRoleBinding",
                "ConfigMap",
                "ConfigMap",
                "Deployment",
                "PodDisruptionBudget",
                "ServiceAccount"));
    if (!r.socketMode()) {
      // Only HTTP mode is called into; Socket Mode connects out.
      expected.add("Service");
    }
    assertThat(kinds).containsExactlyInAnyOrderElementsOf(expected);
    for (Map<String, Object> o : r.objects()) {
      assertThat(get(o, "metadata", "namespace"))
          .as(
              "%s %s: the namespace is the overlay's choice",
              o.get("kind"), get(o, "metadata", "name"))
          .isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("the ClusterRole grants exactly KubeClusterReader.PERMISSIONS, read-only")
  void clusterRoleIsThePermissionsList(String dir) {
    Rendered r = rendered(dir);
    assertThat(r.all("Role")).isEmpty();
    Set<String> granted = new HashSet<>();
    for (Map<String, Object> rule : maps(r.one("ClusterRole"), "rules")) {
      assertThat(rule.keySet()).containsExactlyInAnyOrder("apiGroups", "resources", "verbs");
      for (Object verb : list(rule, "verbs")) {
        assertThat(verb).as("verbs").isIn("get", "list", "watch");
        for (Object group : list(rule, "apiGroups")) {
          for (Object resource : list(rule, "resources")) {
            assertThat(resource).isNotIn(NEVER.toArray());
            assertThat(group).isNotEqualTo("*");
            granted.add(group + "|" + resource + "|" + verb);
          }
        }
      }
    }
    Set<String> needed = new HashSet<>();
    for (ApiPermission p : KubeClusterReader.PERMISSIONS) {
      p.verbs().forEach(v -> needed.add(p.apiGroup() + "|" + p.resource() + "|" + v));
    }
    assertThat(granted)
        .as("(apiGroup|resource|verb) granted vs what the cluster client uses")
        .containsExactlyInAnyOrderElementsOf(needed);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("the binding gives that ClusterRole to the pod's ServiceAccount, whose token mounts")
  void bindingAndServiceAccount(String dir) {
    Rendered r = rendered(dir);
    Map<String, Object> binding = r.one("ClusterRoleBinding");
    assertThat(map(binding, "roleRef"))
        .containsEntry("kind", "ClusterRole")
        .containsEntry("name", get(r.one("ClusterRole"), "metadata", "name"));
    String account = string(r.podSpec(), "serviceAccountName");
    assertThat(get(r.one("ServiceAccount"), "metadata", "name")).isEqualTo(account);
    List<Map<String, Object>> subjects = maps(binding, "subjects");
    assertThat(subjects).hasSize(1);
    assertThat(subjects.get(0))
        .containsEntry("kind", "ServiceAccount")
        .containsEntry("name", account)
        .containsKey("namespace");
    // The in-cluster checks need the token: neither the account nor the pod may turn it off.
    assertThat(get(r.one("ServiceAccount"), "automountServiceAccountToken")).isNotEqualTo(false);
    assertThat(get(r.podSpec(), "automountServiceAccountToken")).isNotEqualTo(false);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("the pod runs non-root, read-only, without privileges or capabilities")
  void lockedDown(String dir) {
    Rendered r = rendered(dir);
    Map<String, Object> pod = r.podSpec();
    assertThat(map(pod, "securityContext"))
        .containsEntry("runAsNonRoot", true)
        .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    assertThat((Integer) get(pod, "securityContext", "runAsUser")).isPositive();
    for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
      assertThat(get(pod, host)).as(host).isNotEqualTo(true);
    }
    for (Map<String, Object> v : maps(pod, "volumes")) {
      assertThat(v).as("volume").doesNotContainKey("hostPath");
    }
    Map<String, Object> sc = map(r.container(), "securityContext");
    assertThat(sc)
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("runAsNonRoot", true);
    assertThat(sc.get("privileged")).isNotEqualTo(true);
    assertThat(list(sc, "capabilities", "drop")).containsExactly("ALL");
    assertThat(get(sc, "capabilities", "add")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("the only writable path is an emptyDir on /tmp")
  void writableTmp(String dir) {
    Rendered r = rendered(dir);
    Map<String, String> volumeOf = new HashMap<>();
    for (Map<String, Object> m : maps(r.container(), "volumeMounts")) {
      if (!Boolean.TRUE.equals(m.get("readOnly"))) {
        volumeOf.put(string(m, "mountPath"), string(m, "name"));
      }
    }
    assertThat(volumeOf).containsOnlyKeys("/tmp");
    Map<String, Object> tmp =
        maps(r.podSpec(), "volumes").stream()
            .filter(v -> volumeOf.get("/tmp").equals(v.get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(tmp).containsKey("emptyDir");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("two replicas with requests and limits, spread and kept through disruptions")
  void replicasAndResources(String dir) {
    Rendered r = rendered(dir);
    Map<String, Object> deployment = r.one("Deployment");
    assertThat(get(deployment, "spec", "replicas")).isEqualTo(2);
    Map<String, Object> labels = map(deployment, "spec", "template", "metadata", "labels");
    assertThat(labels).containsAllEntriesOf(map(deployment, "spec", "selector", "matchLabels"));
    assertThat(labels)
        .containsAllEntriesOf(map(r.one("PodDisruptionBudget"), "spec", "selector", "matchLabels"));
    assertThat((Integer) get(r.one("PodDisruptionBudget"), "spec", "minAvailable"))
        .isPositive()
        .isLessThan((Integer) get(deployment, "spec", "replicas"));
    for (String bound : List.of("requests", "limits")) {
      assertThat(map(r.container(), "resources", bound)).as(bound).containsKeys("cpu", "memory");
    }
    // The heap is a share of the limit: a lower request would let the node overcommit it.
    assertThat(get(r.container(), "resources", "requests", "memory"))
        .isEqualTo(get(r.container(), "resources", "limits", "memory"));
    assertThat(list(r.container(), "args")).containsExactly("serve");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("the port named http is the bot's default PORT, and the Service targets it")
  void port(String dir) {
    Rendered r = rendered(dir);
    assertThat(r.httpPort()).isEqualTo(Config.DEFAULT_PORT);
    for (Map<String, Object> e : maps(r.container(), "env")) {
      if ("PORT".equals(e.get("name"))) {
        assertThat(e.get("value")).isEqualTo(String.valueOf(r.httpPort()));
      }
    }
    assertThat(get(r.one("Deployment"), "spec", "template", "metadata", "annotations"))
        .isEqualTo(
            Map.of(
                "prometheus.io/scrape", "true",
                "prometheus.io/port", String.valueOf(r.httpPort()),
                "prometheus.io/path", "/metrics"));
    if (!r.socketMode()) {
      Map<String, Object> service = r.one("Service");
      assertThat(map(r.one("Deployment"), "spec", "template", "metadata", "labels"))
          .containsAllEntriesOf(map(service, "spec", "selector"));
      assertThat(maps(service, "spec", "ports"))
          .singleElement()
          .satisfies(p -> assertThat(p.get("targetPort")).isEqualTo("http"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("probes: startup and liveness on /healthz, readiness on /readyz, on the http port")
  void probes(String dir) {
    Rendered r = rendered(dir);
    Map<String, Object> c = r.container();
    assertThat(get(c, "startupProbe", "httpGet"))
        .isEqualTo(Map.of("path", "/healthz", "port", "http"));
    assertThat(get(c, "livenessProbe", "httpGet"))
        .isEqualTo(Map.of("path", "/healthz", "port", "http"));
    assertThat(get(c, "readinessProbe", "httpGet"))
        .isEqualTo(Map.of("path", "/readyz", "port", "http"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName(
      "tokens come only from the Secret runtime-doctor-slack, the mode's own token included")
  void tokensFromTheSecret(String dir) {
    Rendered r = rendered(dir);
    assertThat(r.all("Secret")).as("the Secret is created by hand, not shipped").isEmpty();
    Map<String, String> keyOf = new HashMap<>();
    for (Map<String, Object> e : maps(r.container(), "env")) {
      Object ref = get(e, "valueFrom", "secretKeyRef");
      if (ref != null) {
        assertThat(get(ref, "name")).isEqualTo(Rendered.SECRET);
        assertThat(get(ref, "optional")).isNotEqualTo(true);
        keyOf.put(string(e, "name"), string(ref, "key"));
      } else {
        assertThat(string(e, "name")).doesNotContain("TOKEN", "SECRET");
      }
    }
    Map<String, String> expected =
        r.socketMode()
            ? Map.of("SLACK_BOT_TOKEN", "bot-token", "SLACK_APP_TOKEN", "app-token")
            : Map.of("SLACK_BOT_TOKEN", "bot-token", "SLACK_SIGNING_SECRET", "signing-secret");
    assertThat(keyOf).isEqualTo(expected);
    for (Map<String, Object> cm : r.all("ConfigMap")) {
      map(cm, "data").keySet().forEach(k -> assertThat(k).doesNotContain("TOKEN", "SECRET"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("the pod's environment is one the bot accepts, in the mode the variant is for")
  void environmentIsValid(String dir, @TempDir Path volumes) throws ConfigException {
    Rendered r = rendered(dir);
    Config config = Config.fromEnv(r.environment(Rendered.FAKE_SECRETS, volumes));
    assertThat(config.socketMode()).isEqualTo(r.socketMode());
    assertThat(config.port()).isEqualTo(r.httpPort());
    assertThat(config.knowledgeDir()).isPresent();
  }

  @Test
  @DisplayName("every setting in the ConfigMap is a variable docs/slack.md documents")
  void settingsAreDocumented() {
    String docs = RepoFiles.read("docs/slack.md");
    Rendered r = rendered(Rendered.HTTP);
    String settings = string(maps(r.container(), "envFrom").get(0), "configMapRef", "name");
    for (String key : map(r.named("ConfigMap", settings), "data").keySet()) {
      assertThat(docs).as("docs/slack.md documents " + key).contains("| `" + key + "` |");
    }
  }
}
