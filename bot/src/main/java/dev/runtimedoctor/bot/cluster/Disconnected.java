package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The reader of a cluster that could not be configured: each read fails with the same reason. */
final class Disconnected implements ClusterReader {
  private final String context;
  private final Message reason;

  Disconnected(String context, Message reason) {
    this.context = context;
    this.reason = reason;
  }

  @Override
  public String context() {
    return context;
  }

  @Override
  public void listNodes(Consumer<Node> each) {
    throw fail();
  }

  @Override
  public Optional<Node> getNode(String name) {
    throw fail();
  }

  @Override
  public void listPods(ListSelection selection, Consumer<Pod> each) {
    throw fail();
  }

  @Override
  public void listEvents(ListSelection selection, Consumer<Event> each) {
    throw fail();
  }

  @Override
  public Optional<Namespace> getNamespace(String name) {
    throw fail();
  }

  @Override
  public List<MutatingWebhookConfiguration> listMutatingWebhooks() {
    throw fail();
  }

  @Override
  public List<ValidatingWebhookConfiguration> listValidatingWebhooks() {
    throw fail();
  }

  @Override
  public String serverVersion() {
    throw fail();
  }

  @Override
  public void close() {}

  private ClusterAccessException fail() {
    return new ClusterAccessException(reason);
  }
}
