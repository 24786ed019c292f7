package dev.runtimedoctor.bot.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.util.List;
import java.util.Optional;

/**
 * The only reads the checks can make of a cluster: get and list on nodes, pods, events, namespaces
 * and admission webhook configurations. Every method either answers within the configured timeouts
 * or throws {@link ClusterAccessException} with a message a person can act on.
 */
public interface ClusterReader extends AutoCloseable {

  /** The kubeconfig context (or {@code in-cluster}) the reads go to. */
  String context();

  /** The nodes of the cluster. */
  List<Node> listNodes();

  /** One node by name; empty when it does not exist. */
  Optional<Node> getNode(String name);

  /** The pods of one namespace, or of every namespace when none is given. */
  List<Pod> listPods(Optional<String> namespace);

  /** The events of one namespace, or of every namespace when none is given. */
  List<Event> listEvents(Optional<String> namespace);

  /** One namespace by name; empty when it does not exist. */
  Optional<Namespace> getNamespace(String name);

  /** The mutating admission webhook configurations. */
  List<MutatingWebhookConfiguration> listMutatingWebhooks();

  /** The validating admission webhook configurations. */
  List<ValidatingWebhookConfiguration> listValidatingWebhooks();

  /** Releases the connection; never throws. */
  @Override
  void close();

  /** A reader for when no cluster can be reached: every read fails with {@code reason}. */
  static ClusterReader unavailable(String context, String reason) {
    return new Disconnected(context, reason);
  }
}
