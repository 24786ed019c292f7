package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MatchCondition;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code webhooks-kube-system}: an admission webhook that intercepts pod creation in {@code
 * kube-system} and fails closed. When it breaks, the DaemonSet controller cannot create the CNI
 * pods ({@code netd}, {@code calico-node}, {@code anetd}) and new nodes stay NotReady with "cni
 * config uninitialized".
 *
 * <p>Such a webhook is exposure; the issue is happening when those DaemonSets report {@code
 * FailedCreate} events that say "failed calling webhook": only that confirms. A webhook spares
 * kube-system when no rule matches pod creation ({@link AdmissionRule}), its namespaceSelector does
 * not select the namespace's real labels, or its objectSelector selects none of the CNI pods. What
 * could not be read (the namespace, the pods, a webhook list) is never guessed: the check says what
 * it could not tell.
 */
final class WebhooksKubeSystemCheck implements ClusterCheck {
  private static final String KUBE_SYSTEM = "kube-system";
  private static final Set<String> CNI_DAEMONSETS = Set.of("netd", "calico-node", "anetd");

  @Override
  public String type() {
    return "webhooks-kube-system";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    List<Hook> hooks = new ArrayList<>();
    List<ClusterAccessException> refused = new ArrayList<>();
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
                  w.getMatchConditions(),
                  w.getFailurePolicy()));
        }
      }
    } catch (ClusterAccessException e) {
      refused.add(e);
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
                  w.getMatchConditions(),
                  w.getFailurePolicy()));
        }
      }
    } catch (ClusterAccessException e) {
      refused.add(e);
    }
    if (refused.size() == 2) {
      return Finding.unavailable(refused.get(0), List.of(refused.get(1).getMessage()));
    }
    Selection selection = new Selection(view);
    List<String> exposed = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    List<String> ignoring = new ArrayList<>();
    String firstExposed = null;
    for (Hook h : hooks) {
      Optional<String> why = h.intercepts(selection);
      if (why.isEmpty()) {
        continue;
      }
      if (!h.failsClosed()) {
        ignoring.add(h.describe() + " · " + why.get());
      } else if (why.get().startsWith("cannot tell")) {
        undecided.add(h.describe() + " · " + why.get());
      } else {
        exposed.add(h.describe() + " · " + why.get());
        if (firstExposed == null) {
          firstExposed = h.kind() + " webhook " + h.name();
        }
      }
    }
    List<String> evidence = new ArrayList<>();
    Optional<Message> happeningUnknown = Optional.empty();
    List<EventFacts> failing = List.of();
    try {
      failing = failedCalls(view);
    } catch (ClusterAccessException e) {
      happeningUnknown = Optional.of(e.said());
    }
    if (!failing.isEmpty()) {
      EventFacts latest = failing.get(0);
      failing.stream().map(EventCheck::describe).forEach(evidence::add);
      evidence.addAll(exposed);
      evidence.addAll(undecided);
      return Finding.confirmed(
          Message.of(
              Msg.WH_BLOCKING,
              latest.subject(),
              latest.reason(),
              latest.count() > 1 ? " ×" + latest.count() : ""),
          evidence);
    }
    Message notSeen =
        happeningUnknown
            .map(m -> Message.of(Msg.WH_HAPPENING_UNKNOWN, m))
            .orElse(Message.of(Msg.WH_NOT_HAPPENING));
    if (!exposed.isEmpty()) {
      evidence.addAll(exposed);
      evidence.addAll(undecided);
      Object more = exposed.size() == 1 ? "" : Message.of(Msg.WH_AND_MORE, exposed.size() - 1);
      return Finding.inconclusive(
          Message.of(Msg.WH_EXPOSED, firstExposed, more, notSeen), evidence);
    }
    if (!undecided.isEmpty()) {
      evidence.addAll(undecided);
      return Finding.inconclusive(
          Message.of(
              undecided.size() == 1 ? Msg.WH_UNDECIDED_ONE : Msg.WH_UNDECIDED_MANY,
              undecided.size(),
              undecided.get(0).substring(undecided.get(0).lastIndexOf(" · ") + 3)),
          evidence);
    }
    evidence.addAll(ignoring);
    if (!refused.isEmpty()) {
      return Finding.unavailable(refused.get(0), evidence);
    }
    return Finding.inconclusive(
        ignoring.isEmpty()
            ? Message.of(Msg.WH_NONE, hooks.size())
            : Message.of(Msg.WH_IGNORING, ignoring.size(), hooks.size()),
        evidence);
  }

  /** FailedCreate events of the CNI DaemonSets that say a webhook call failed, latest first. */
  private static List<EventFacts> failedCalls(ClusterView view) {
    ClusterView.Events events =
        view.events(
            ListSelection.in(Optional.of(KUBE_SYSTEM))
                .with("reason", "FailedCreate")
                .with("involvedObject.kind", "DaemonSet"));
    return events.kept().stream()
        .filter(e -> CNI_DAEMONSETS.contains(e.name()))
        .filter(e -> e.message().contains("failed calling webhook"))
        .sorted((a, b) -> b.lastSeen().compareTo(a.lastSeen()))
        .toList();
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** The kube-system namespace's labels and CNI pods' labels, read once, refusals kept. */
  private static final class Selection {
    private final ClusterView view;

    Selection(ClusterView view) {
      this.view = view;
    }

    /** The namespace's labels, or why they cannot be read. */
    Result<Map<String, String>> namespaceLabels() {
      try {
        return view.namespace(KUBE_SYSTEM)
            .map(n -> n.getMetadata().getLabels())
            .<Result<Map<String, String>>>map(l -> new Result<>(l == null ? Map.of() : l, null))
            .orElse(new Result<>(null, "namespace kube-system does not exist"));
      } catch (ClusterAccessException e) {
        return new Result<>(null, e.getMessage());
      }
    }

    /** The labels of the CNI pods (else of every kube-system pod), or why they cannot be read. */
    Result<List<Map<String, String>>> podLabels() {
      try {
        List<PodFacts> pods = view.kubeSystemPods();
        List<PodFacts> cni =
            pods.stream()
                .filter(p -> CNI_DAEMONSETS.stream().anyMatch(d -> p.name().startsWith(d + "-")))
                .toList();
        List<Map<String, String>> labels =
            (cni.isEmpty() ? pods : cni).stream().map(PodFacts::labels).toList();
        return labels.isEmpty()
            ? new Result<>(null, "kube-system has no pod to hold its objectSelector to")
            : new Result<>(labels, null);
      } catch (ClusterAccessException e) {
        return new Result<>(null, e.getMessage());
      }
    }
  }

  /** A value, or why there is none. */
  private record Result<T>(T value, String failure) {}

  /** One webhook of either kind, with what decides whether it can block kube-system pods. */
  private record Hook(
      String kind,
      String configuration,
      String name,
      List<RuleWithOperations> rules,
      LabelSelector namespaceSelector,
      LabelSelector objectSelector,
      List<MatchCondition> matchConditions,
      String failurePolicy) {

    /**
     * Empty when it spares kube-system's pod creation; else why it does not ("rule pods CREATE, no
     * selector") or what could not be told ("cannot tell …").
     */
    Optional<String> intercepts(Selection s) {
      if (!AdmissionRule.anyMatchesPodCreate(rules)) {
        return Optional.empty();
      }
      List<String> why = new ArrayList<>();
      if (!LabelSelectors.isEmpty(namespaceSelector)) {
        Result<Map<String, String>> labels = s.namespaceLabels();
        if (labels.failure() != null) {
          return Optional.of(
              "cannot tell whether its namespaceSelector selects kube-system: " + labels.failure());
        }
        if (!LabelSelectors.matches(namespaceSelector, labels.value())) {
          return Optional.empty();
        }
        why.add("namespaceSelector selects kube-system");
      }
      if (!LabelSelectors.isEmpty(objectSelector)) {
        Result<List<Map<String, String>>> pods = s.podLabels();
        if (pods.failure() != null) {
          return Optional.of(
              "cannot tell which kube-system pods its objectSelector selects: " + pods.failure());
        }
        if (pods.value().stream().noneMatch(l -> LabelSelectors.matches(objectSelector, l))) {
          return Optional.empty();
        }
        why.add("objectSelector selects kube-system pods");
      }
      if (matchConditions != null && !matchConditions.isEmpty()) {
        return Optional.of(
            "cannot tell whether its "
                + matchConditions.size()
                + " matchConditions (CEL) let kube-system pods through: they are not evaluated"
                + " here");
      }
      return Optional.of(why.isEmpty() ? "no selector spares kube-system" : String.join(", ", why));
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
          + " · pods CREATE · failurePolicy "
          + (failurePolicy == null ? "Fail (default)" : failurePolicy);
    }
  }
}
