package dev.runtimedoctor.bot.cluster;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import java.util.List;

/**
 * Whether an admission webhook rule matches the creation of a pod, by the admission API's rules:
 * operation {@code CREATE} or {@code *}; API group {@code ""} (core) or {@code *}; version {@code
 * v1} or {@code *}; resource {@code pods}, {@code *} (every resource, no subresource) or {@code
 * *\/*} (every resource and subresource) — not {@code pods/*}, which means only the subresources of
 * pods ({@code pods/exec}, {@code pods/status} …); scope {@code Namespaced} or {@code *} (the
 * default), since a pod is namespaced. {@code matchPolicy} changes nothing here: pods are served in
 * the core group at v1 alone, so there is no equivalent request to convert to.
 */
final class AdmissionRule {
  private AdmissionRule() {}

  static boolean matchesPodCreate(RuleWithOperations r) {
    return anyOf(r.getOperations(), "CREATE", "*")
        && anyOf(r.getApiGroups(), "", "*")
        && anyOf(r.getApiVersions(), "v1", "*")
        && anyOf(r.getResources(), "pods", "*", "*/*")
        && (r.getScope() == null || r.getScope().equals("*") || r.getScope().equals("Namespaced"));
  }

  static boolean anyMatchesPodCreate(List<RuleWithOperations> rules) {
    return rules != null && rules.stream().anyMatch(AdmissionRule::matchesPodCreate);
  }

  private static boolean anyOf(List<String> values, String... wanted) {
    return values != null && values.stream().anyMatch(v -> List.of(wanted).contains(v));
  }
}
