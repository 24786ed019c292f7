package dev.runtimedoctor.bot.cluster;

import static dev.runtimedoctor.bot.cluster.GkeClusterChecksTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationListBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The webhooks-kube-system check against the admission API's matching rules, with what it cannot
 * read, and with the difference between a cluster exposed to the issue and one that has it.
 */
class WebhookRulesTest {
  private static final String CHECK = "webhooks-kube-system";
  private static final String ENTRY = "cni-config-uninitialized";

  private final KnowledgeBase kb = KnowledgeBase.bundledWith(List.of());

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @DisplayName(
      "a fail-closed webhook is exposure only when its rules match creating a pod in kube-system")
  @CsvSource(
      delimiter = '|',
      value = {
        "pods CREATE                                  | rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods]}] | exposed",
        "every resource and subresource               | rules: [{apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*/*']}] | exposed",
        "every resource, scope Namespaced             | rules: [{apiGroups: ['*'], apiVersions: ['*'], operations: [CREATE], resources: ['*'], scope: Namespaced}] | exposed",
        "subresources of pods only                    | rules: [{apiGroups: [''], apiVersions: [v1], operations: ['*'], resources: ['pods/*']}] | spared",
        "pods/exec                                    | rules: [{apiGroups: [''], apiVersions: [v1], operations: [CONNECT], resources: [pods/exec]}] | spared",
        "cluster-scoped resources only                | rules: [{apiGroups: ['*'], apiVersions: ['*'], operations: [CREATE], resources: ['*'], scope: Cluster}] | spared",
        "pods UPDATE only                             | rules: [{apiGroups: [''], apiVersions: [v1], operations: [UPDATE], resources: [pods]}] | spared",
        "apps group only                              | rules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: ['*']}] | spared",
        "a version pods are not served at             | rules: [{apiGroups: [''], apiVersions: [v1beta1], operations: [CREATE], resources: [pods]}] | spared",
        "namespaceSelector excludes kube-system       | rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods]}], namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system]}]} | spared",
        "namespaceSelector on a label it lacks        | rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods]}], namespaceSelector: {matchLabels: {istio-injection: enabled}} | spared",
        "Gatekeeper-style selector it passes          | rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods]}], namespaceSelector: {matchExpressions: [{key: admission.gatekeeper.sh/ignore, operator: DoesNotExist}]} | exposed",
        "objectSelector that skips the netd pods      | rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods]}], objectSelector: {matchExpressions: [{key: k8s-app, operator: NotIn, values: [netd]}]} | spared",
        "objectSelector that picks the netd pods      | rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods]}], objectSelector: {matchLabels: {k8s-app: netd}} | exposed",
        "failurePolicy Ignore                         | rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods]}], failurePolicy: Ignore | fails open",
      })
  void admissionRules(String what, String spec, String outcome) {
    try (MockCluster cluster = MockCluster.crud("healthy-cluster.yaml")) {
      cluster.addYaml(webhook("policy.example.com", spec));
      CheckResult r = run(cluster);
      assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      if (outcome.equals("exposed")) {
        assertThat(r.summary())
            .startsWith("exposed, not seen: validating webhook policy.example.com intercepts");
      } else if (outcome.equals("fails open")) {
        assertThat(r.summary()).contains("failurePolicy Ignore").doesNotStartWith("exposed");
      } else {
        assertThat(r.summary()).doesNotContain("policy.example.com").doesNotStartWith("exposed");
        assertThat(r.evidence()).noneMatch(e -> e.contains("policy.example.com"));
      }
    }
  }

  @Test
  @DisplayName(
      "with every node Ready, a fail-closed webhook is exposure; FailedCreate on netd saying the"
          + " call failed confirms")
  void exposureVersusHappening() {
    String hook =
        webhook(
            "policy.example.com",
            "rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods]}]");
    try (MockCluster cluster = MockCluster.crud("healthy-cluster.yaml")) {
      cluster.addYaml(hook);
      cluster.addYaml(failedCreate("fluentbit-gke", "fluentbit-gke.1"));
      CheckResult exposed = run(cluster);
      assertThat(exposed.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(exposed.summary())
          .isEqualTo(
              "exposed, not seen: validating webhook policy.example.com intercepts pod creation in"
                  + " kube-system and fails closed, so while it is down netd and calico-node pods"
                  + " cannot start; no FailedCreate event of the CNI DaemonSets (netd,"
                  + " calico-node, anetd) says failed calling webhook now");

      cluster.addYaml(failedCreate("netd", "netd.1"));
      CheckResult happening = run(cluster);
      assertThat(happening.verdict()).isEqualTo(Verdict.CONFIRMED);
      assertThat(happening.summary())
          .isEqualTo(
              "a webhook blocks the CNI pods now: kube-system/daemonset/netd cannot create pods"
                  + " (FailedCreate ×4, failed calling webhook)");
    }
  }

  @Test
  @DisplayName(
      "with get namespaces forbidden, a Gatekeeper-style namespaceSelector is undecided, never"
          + " confirmed")
  void namespaceForbidden() {
    try (MockCluster cluster = MockCluster.expectations()) {
      serveWebhook(
          cluster,
          "namespaceSelector: {matchExpressions: [{key: admission.gatekeeper.sh/ignore, operator:"
              + " DoesNotExist}]}");
      forbid(cluster, "/api/v1/namespaces/kube-system", "namespaces");
      CheckResult r = run(cluster);
      assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(r.summary())
          .isEqualTo(
              "cannot tell whether 1 fail-closed webhook spares kube-system: cannot tell whether"
                  + " its namespaceSelector selects kube-system: cannot get namespaces kube-system:"
                  + " grant get on namespaces");
    }
  }

  @Test
  @DisplayName(
      "with list pods forbidden, an objectSelector webhook is undecided, never 'no webhook"
          + " intercepts'")
  void podsForbidden() {
    try (MockCluster cluster = MockCluster.expectations()) {
      serveWebhook(
          cluster,
          "objectSelector: {matchExpressions: [{key: k8s-app, operator: NotIn, values: [istio]}]}");
      forbid(cluster, "/api/v1/namespaces/kube-system/pods?limit=500", "pods");
      CheckResult r = run(cluster);
      assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(r.summary())
          .startsWith("cannot tell whether 1 fail-closed webhook spares kube-system:")
          .contains("grant list on pods in namespace kube-system")
          .doesNotContain("no admission webhook");
    }
  }

  @Test
  @DisplayName("with both webhook lists forbidden the check is unavailable and names the grant")
  void webhooksForbidden() {
    try (MockCluster cluster = MockCluster.expectations()) {
      forbid(
          cluster,
          "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations?limit=500",
          "mutatingwebhookconfigurations");
      forbid(
          cluster,
          "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations?limit=500",
          "validatingwebhookconfigurations");
      CheckResult r = run(cluster);
      assertThat(r.verdict()).isEqualTo(Verdict.UNAVAILABLE);
      assertThat(r.summary())
          .isEqualTo(
              "cannot list mutatingwebhookconfigurations.admissionregistration.k8s.io at cluster"
                  + " scope: grant list on"
                  + " mutatingwebhookconfigurations.admissionregistration.k8s.io");
    }
  }

  private CheckResult run(MockCluster cluster) {
    Entry entry = kb.get(ENTRY).orElseThrow();
    try (ClusterChecks checks = cluster.checks(dir, ClusterSettings.DEFAULT)) {
      return result(checks.run(List.of(entry), CheckScope.CLUSTER), ENTRY, CHECK);
    }
  }

  private static String webhook(String name, String spec) {
    return String.join(
        "\n",
        "apiVersion: admissionregistration.k8s.io/v1",
        "kind: ValidatingWebhookConfiguration",
        "metadata: {name: policy}",
        "webhooks:",
        "  - {name: " + name + ", admissionReviewVersions: [v1], sideEffects: None,",
        "     clientConfig: {service: {name: policy, namespace: policy}},",
        "     " + spec + "}",
        "");
  }

  private static String failedCreate(String daemonSet, String name) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Event",
        "metadata: {name: " + name + ", namespace: kube-system}",
        "involvedObject: {kind: DaemonSet, namespace: kube-system, name: " + daemonSet + "}",
        "reason: FailedCreate",
        "type: Warning",
        "count: 4",
        "lastTimestamp: '2024-03-04T10:00:00Z'",
        "message: 'Error creating: Internal error occurred: failed calling webhook"
            + " \"policy.example.com\": failed to call webhook: Post"
            + " \"https://policy.policy.svc:443/validate?timeout=10s\": context deadline"
            + " exceeded'",
        "");
  }

  /** An expectations server with one fail-closed pods webhook and empty other lists. */
  private static void serveWebhook(MockCluster cluster, String selector) {
    ValidatingWebhookConfiguration config =
        Serialization.unmarshal(
            webhook(
                "policy.example.com",
                "rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources:"
                    + " [pods]}], "
                    + selector),
            ValidatingWebhookConfiguration.class);
    var server = cluster.server();
    server
        .expect()
        .get()
        .withPath("/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations?limit=500")
        .andReturn(200, new ValidatingWebhookConfigurationListBuilder().addToItems(config).build())
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations?limit=500")
        .andReturn(200, new MutatingWebhookConfigurationListBuilder().build())
        .always();
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/kube-system/events?fieldSelector=reason%3DFailedCreate%2CinvolvedObject.kind%3DDaemonSet&limit=500")
        .andReturn(200, new EventListBuilder().build())
        .always();
  }

  private static void forbid(MockCluster cluster, String path, String resource) {
    cluster
        .server()
        .expect()
        .get()
        .withPath(path)
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(403)
                .withMessage(
                    resource
                        + " is forbidden: User"
                        + " \"system:serviceaccount:runtime-doctor:runtime-doctor\" cannot read"
                        + " resource \""
                        + resource
                        + "\"")
                .build())
        .always();
  }
}
