package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The only reads the checks can make of a cluster: get and list on nodes, pods, events, namespaces
 * and admission webhook configurations, and the API server's {@code /version}. Lists of nodes, pods
 * and events come page by page ({@link #PAGE_SIZE} items, {@code limit} and {@code continue}),
 * handed to a consumer so that no whole list of a large cluster is ever held. Every method either
 * answers within the configured timeouts (per request, so per page) or throws {@link
 * ClusterAccessException} with a message a person can act on.
 */
public interface ClusterReader extends AutoCloseable {

  /** Items asked for per list request, as {@code kubectl} does. */
  int PAGE_SIZE = 500;

  /** The kubeconfig context (or {@code in-cluster}) the reads go to. */
  String context();

  /** Hands every node to {@code each}, page by page. */
  void listNodes(Consumer<Node> each);

  /** One node by name; empty when it does not exist. */
  Optional<Node> getNode(String name);

  /** Hands every pod of {@code selection} to {@code each}, page by page. */
  void listPods(ListSelection selection, Consumer<Pod> each);

  /** Hands every event of {@code selection} to {@code each}, page by page. */
  void listEvents(ListSelection selection, Consumer<Event> each);

  /** One namespace by name; empty when it does not exist. */
  Optional<Namespace> getNamespace(String name);

  /** The mutating admission webhook configurations. */
  List<MutatingWebhookConfiguration> listMutatingWebhooks();

  /** The validating admission webhook configurations. */
  List<ValidatingWebhookConfiguration> listValidatingWebhooks();

  /**
   * The control plane's version as {@code /version} reports it ({@code gitVersion}, e.g. {@code
   * v1.20.5-gke.1500}). A non-resource URL every authenticated user may read by default (the {@code
   * system:public-info-viewer} ClusterRole), so it needs no grant of its own.
   */
  String serverVersion();

  /** Releases the connection; never throws. */
  @Override
  void close();

  /** A reader for when no cluster can be reached: every read fails with {@code reason}. */
  static ClusterReader unavailable(String context, String reason) {
    return unavailable(context, Message.of(Msg.AS_IS, reason));
  }

  /** As {@link #unavailable(String, String)}, with the reason in the reader's language. */
  static ClusterReader unavailable(String context, Message reason) {
    return new Disconnected(context, reason);
  }
}
