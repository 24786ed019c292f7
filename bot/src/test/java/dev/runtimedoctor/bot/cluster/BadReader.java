package dev.runtimedoctor.bot.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/** What the architecture rules must reject: a cluster class that deletes pods and reads secrets. */
final class BadReader {
  private final KubernetesClient client;

  BadReader(KubernetesClient client) {
    this.client = client;
  }

  void cleanUp() {
    client.pods().inNamespace("shop").withName("web-1").delete();
    client.secrets().inNamespace("shop").list();
  }
}
