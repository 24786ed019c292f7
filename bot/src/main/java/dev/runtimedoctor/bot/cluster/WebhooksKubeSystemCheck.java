package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code webhooks-kube-system}: an admission webhook that intercepts pod creation in {@code
 * kube-system} and fails closed. When it breaks, the DaemonSet controller cannot create {@code
 * netd} or {@code calico-node}, and new nodes stay NotReady with "cni config uninitialized". A
 * webhook spares {@code kube-system} when its namespaceSelector does not select the namespace, or
 * its objectSelector selects none of the namespace's pods.
 */
final class WebhooksKubeSystemCheck implements ClusterCheck {
  private static final String KUBE_SYSTEM = "kube-system";

  @Override
  public String type() {
    return "webhooks-kube-system";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    Map<String, String> nsLabels = kubeSystemLabels(view);
    Optional<List<Map<String, String>>> podLabels = kubeSystemPodLabels(view);
    List<Hook> hooks = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try {
      for (var config : view.mutatingWebhooks()) {
        for (MutatingWebhook w : nullSafe(config.getWebhooks())) {
          hooks.add(
              new Hook(
                  "mutating",
                  config.getMetadata().getName(),
                  w.getName(),
                  w.getRules(),
                  w.getNamespaceSelector(),
                  w.getObjectSelector(),
                  w.getFailurePolicy()));
        }
      }
    } catch (ClusterAccessException e) {
      failures.add(e.getMessage());
    }
    try {
      for (var config : view.validatingWebhooks()) {
        for (ValidatingWebhook w : nullSafe(config.getWebhooks())) {
          hooks.add(
              new Hook(
                  "validating",
                  config.getMetadata().getName(),
                  w.getName(),
                  w.getRules(),
                  w.getNamespaceSelector(),
                  w.getObjectSelector(),
                  w.getFailurePolicy()));
        }
      }
    } catch (ClusterAccessException e) {
      failures.add(e.getMessage());
    }
    List<Hook> intercepting =
        hooks.stream()
            .filter(Hook::interceptsPodCreation)
            .filter(h -> !h.sparesKubeSystem(nsLabels, podLabels))
            .toList();
    List<Hook> failClosed = intercepting.stream().filter(Hook::failsClosed).toList();
    if (!failClosed.isEmpty()) {
      Hook h = failClosed.get(0);
      String more = failClosed.size() == 1 ? "" : " (and " + (failClosed.size() - 1) + " more)";
      return Finding.confirmed(
          h.kind()
              + " webhook "
              + h.name()
              + more
              + " intercepts pod creation in kube-system"
              + " and fails closed: while it is down, netd and calico-node pods cannot start",
          failClosed.stream().map(Hook::describe).toList());
    }
    if (failures.size() == 2) {
      return Finding.unavailable(failures.get(0), failures.subList(1, 2));
    }
    List<String> evidence = new ArrayList<>(intercepting.stream().map(Hook::describe).toList());
    evidence.addAll(failures);
    String summary =
        intercepting.isEmpty()
            ? "no admission webhook intercepts pod creation in kube-system ("
                + hooks.size()
                + " webhooks read)"
            : intercepting.size()
                + " webhooks see kube-system pods but ignore their own failures"
                + " (failurePolicy Ignore), so they cannot block the CNI pods";
    return failures.isEmpty()
        ? Finding.inconclusive(summary, evidence)
        : Finding.unavailable(failures.get(0), evidence);
  }

  private static Map<String, String> kubeSystemLabels(ClusterView view) {
    // Since Kubernetes 1.21 every namespace carries its name as a label; use that when the
    // namespace cannot be read.
    Map<String, String> fallback = Map.of("kubernetes.io/metadata.name", KUBE_SYSTEM);
    try {
      return view.namespace(KUBE_SYSTEM)
          .map(n -> n.getMetadata().getLabels())
          .filter(l -> l != null && !l.isEmpty())
          .orElse(fallback);
    } catch (ClusterAccessException e) {
      return fallback;
    }
  }

  private static Optional<List<Map<String, String>>> kubeSystemPodLabels(ClusterView view) {
    try {
      List<Map<String, String>> labels = new ArrayList<>();
      for (Pod p : view.allPods()) {
        if (KUBE_SYSTEM.equals(p.getMetadata().getNamespace())) {
          labels.add(p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels());
        }
      }
      return Optional.of(labels);
    } catch (ClusterAccessException e) {
      return Optional.empty();
    }
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** One webhook of either kind, with what decides whether it can block kube-system pods. */
  private record Hook(
      String kind,
      String configuration,
      String name,
      List<RuleWithOperations> rules,
      LabelSelector namespaceSelector,
      LabelSelector objectSelector,
      String failurePolicy) {

    boolean interceptsPodCreation() {
      return nullSafe(rules).stream()
          .anyMatch(
              r ->
                  anyOf(r.getApiGroups(), "", "*")
                      && anyOf(r.getResources(), "pods", "*", "*/*", "pods/*")
                      && anyOf(r.getOperations(), "CREATE", "*"));
    }

    boolean sparesKubeSystem(
        Map<String, String> nsLabels, Optional<List<Map<String, String>>> podLabels) {
      if (!LabelSelectors.matches(namespaceSelector, nsLabels)) {
        return true;
      }
      if (LabelSelectors.isEmpty(objectSelector)) {
        return false;
      }
      // Without the pods' labels, an objectSelector may or may not spare them: assume it does
      // rather than blame a webhook on a guess.
      return podLabels
          .map(pods -> pods.stream().noneMatch(l -> LabelSelectors.matches(objectSelector, l)))
          .orElse(true);
    }

    /** The v1 default is Fail: a webhook that is down rejects the request. */
    boolean failsClosed() {
      return failurePolicy == null || failurePolicy.equals("Fail");
    }

    String describe() {
      return kind
          + "webhookconfiguration "
          + configuration
          + " · webhook "
          + name
          + " · pods CREATE · namespaceSelector "
          + (LabelSelectors.isEmpty(namespaceSelector) ? "none" : "does not exclude kube-system")
          + " · failurePolicy "
          + (failurePolicy == null ? "Fail (default)" : failurePolicy);
    }

    private static boolean anyOf(List<String> values, String... wanted) {
      return values != null && values.stream().anyMatch(v -> List.of(wanted).contains(v));
    }
  }
}
