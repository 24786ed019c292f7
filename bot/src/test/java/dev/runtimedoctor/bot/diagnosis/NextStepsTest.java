package dev.runtimedoctor.bot.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** "What to collect next" fits the paste: its kind of failure and the platform it comes from. */
class NextStepsTest {
  private static final String CRASH_LOOP =
      "NAME                     READY   STATUS             RESTARTS      AGE\n"
          + "api-6c9f7d8b9d-7xk2p     0/1     CrashLoopBackOff   7 (2m ago)    14m\n"
          + "  Warning  BackOff  3m (x41 over 12m)  kubelet  Back-off restarting failed container"
          + " api in pod api-6c9f7d8b9d-7xk2p_shop(5f0c2b1e-0d7a-4a57-9c1e-2b9f0d3c4e11)\n"
          + "    Ready             False\n"
          + "  ContainersReady   False  ContainersNotReady\n";

  private static final String GKE_NOT_READY =
      "NAME                                  STATUS     ROLES    AGE   VERSION\n"
          + "gke-prod-pool-1-3c2b1a9e-x7k2         NotReady   <none>   41d   v1.29.6-gke.1326000\n"
          + "gke-prod-pool-1-3c2b1a9e-q1w9         Ready      <none>   41d   v1.29.6-gke.1326000\n";

  private static final String EKS_NOT_READY =
      "ip-10-0-12-34.eu-west-1.compute.internal   NotReady   <none>   12d   v1.29.3-eks-ae9a62a\n"
          + "  Ready  Unknown  NodeStatusUnknown  Kubelet stopped posting node status.\n";

  private static final String K3S_NOT_READY =
      "k3s-agent-2   NotReady   <none>   90d   v1.28.5+k3s1\n";

  private static final String IMAGE_PULL =
      "  Warning  Failed  8s  kubelet  Failed to pull image \"shop/api:1.4.2\": rpc error: code ="
          + " NotFound desc = failed to pull and unpack image \"docker.io/shop/api:1.4.2\": not"
          + " found\n"
          + "  Warning  Failed  8s  kubelet  Error: ErrImagePull\n";

  private static final String AKS_IMAGE_PULL =
      "aks-nodepool1-28371645-vmss000002  Failed to pull image"
          + " \"contoso.azurecr.io/shop/api:1.4.2\": failed to authorize: 401 Unauthorized\n";

  private static final String VOLUME =
      "  Warning  FailedMount  2m (x12 over 26m)  kubelet  MountVolume.SetUp failed for volume"
          + " \"pvc-7c1d\" : rpc error: code = Internal desc = mount failed: exit status 32\n";

  private static final String OOM =
      "    State:          Waiting\n"
          + "      Reason:       CrashLoopBackOff\n"
          + "    Last State:     Terminated\n"
          + "      Reason:       OOMKilled\n"
          + "      Exit Code:    137\n";

  private static final String PROBE =
      "  Warning  Unhealthy  11s (x9 over 91s)  kubelet  Liveness probe failed: Get"
          + " \"http://10.8.0.12:8080/healthz\": dial tcp 10.8.0.12:8080: connect: connection"
          + " refused\n";

  private static final String CONFIG =
      "  Warning  Failed  4s (x3 over 20s)  kubelet  Error: secret \"db-credentials\" not found\n";

  private static final String EVICTED =
      "Status:   Failed\nReason:   Evicted\nMessage:  The node was low on resource:"
          + " ephemeral-storage. Threshold quantity: 1Gi, available: 512Mi.\n";

  private static final String SANDBOX =
      "  Warning  FailedCreatePodSandBox  1m  kubelet  Failed to create pod sandbox: rpc error:"
          + " code = Unknown desc = failed to setup network for sandbox \"9a1b\": plugin"
          + " type=\"calico\" failed (add): error getting ClusterInformation: connection is"
          + " unauthorized: Unauthorized\n";

  private static final String EXEC_FORMAT = "exec /usr/local/bin/api: exec format error\n";

  private static String steps(String paste) {
    return String.join("\n", NextSteps.forPaste(paste, Language.EN));
  }

  @Test
  @DisplayName(
      "a CrashLoopBackOff gets the previous run's logs and the init container's, no node steps")
  void crashLoop() {
    assertThat(steps(CRASH_LOOP))
        .contains("kubectl logs <pod> -n <namespace> --previous")
        .contains("-c <init-container>")
        .doesNotContain("describe node", "journalctl");
  }

  @Test
  @DisplayName("a NotReady GKE node gets describe node, the kubelet journal and gcloud compute ssh")
  void gkeNodeNotReady() {
    assertThat(steps(GKE_NOT_READY))
        .contains("kubectl describe node <node>")
        .contains("journalctl -u kubelet")
        .contains("journalctl -u containerd")
        .contains("gcloud compute ssh <node>")
        .doesNotContain("--previous");
  }

  @Test
  @DisplayName("a NotReady EKS node gets the same checks and SSM onto the node, nothing of GKE")
  void eksNodeNotReady() {
    assertThat(steps(EKS_NOT_READY))
        .contains("kubectl describe node <node>", "journalctl -u kubelet")
        .contains("aws ssm start-session")
        .doesNotContain("gcloud", "GKE");
  }

  @Test
  @DisplayName(
      "a NotReady k3s node gets the k3s journal and k3s crictl instead of the kubelet unit")
  void k3sNodeNotReady() {
    assertThat(steps(K3S_NOT_READY))
        .contains("kubectl describe node <node>", "journalctl -u k3s", "k3s crictl")
        .doesNotContain("journalctl -u kubelet", "gcloud");
  }

  @Test
  @DisplayName("an image pull gets the Failed event, the pod's image and secrets, a registry check")
  void imagePull() {
    assertThat(steps(IMAGE_PULL))
        .contains("`Failed` event")
        .contains("--field-selector involvedObject.name=<pod>")
        .contains("{.spec.imagePullSecrets}")
        .contains("crictl pull <image>")
        .doesNotContain("gcloud", "artifactregistry");
    assertThat(steps(AKS_IMAGE_PULL)).contains("az aks check-acr").doesNotContain("gcloud");
    assertThat(steps(IMAGE_PULL + "node gke-prod-pool-1-3c2b1a9e-x7k2"))
        .contains("roles/artifactregistry.reader");
  }

  @Test
  @DisplayName(
      "a volume error gets the mount events, the PVC and PV, attachments and the CSI driver")
  void volume() {
    assertThat(steps(VOLUME))
        .contains("FailedMount")
        .contains("kubectl get pvc -n <namespace>", "kubectl describe pvc <pvc>")
        .contains("kubectl get volumeattachment")
        .contains("grep -i csi");
  }

  @Test
  @DisplayName("an OOMKilled container in a crash loop gets memory first, then the crash loop")
  void oomThenCrashLoop() {
    List<String> s = NextSteps.forPaste(OOM, Language.EN);

    assertThat(s.get(0)).contains("OOMKilled");
    assertThat(String.join("\n", s)).contains("--containers", "--previous");
    assertThat(s).hasSizeLessThanOrEqualTo(7).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("probe, config, eviction, sandbox and start errors each get their own commands")
  void otherKinds() {
    assertThat(steps(PROBE)).contains("livenessProbe", "`Unhealthy` events");
    assertThat(steps(CONFIG)).contains("kubectl get secret,configmap -n <namespace>");
    assertThat(steps(EVICTED)).contains("DiskPressure", "status.phase=Failed", "df -h");
    assertThat(steps(SANDBOX)).contains("FailedCreatePodSandBox", "/etc/cni/net.d");
    assertThat(steps(EXEC_FORMAT))
        .contains("docker image inspect <image>", "{.spec.containers[*].command}");
  }

  @Test
  @DisplayName("never the same block for every paste: each kind's steps differ from the others'")
  void blocksDiffer() {
    Map<String, String> pastes =
        Map.ofEntries(
            Map.entry("crash", CRASH_LOOP),
            Map.entry("node", GKE_NOT_READY),
            Map.entry("image", IMAGE_PULL),
            Map.entry("volume", VOLUME),
            Map.entry("oom", OOM),
            Map.entry("probe", PROBE),
            Map.entry("config", CONFIG),
            Map.entry("evicted", EVICTED),
            Map.entry("sandbox", SANDBOX),
            Map.entry("start", EXEC_FORMAT),
            Map.entry("general", "the deploy is slow today, any idea?"));
    Set<List<String>> blocks = new HashSet<>();
    pastes.values().forEach(p -> blocks.add(NextSteps.forPaste(p, Language.EN)));

    assertThat(blocks).hasSize(pastes.size());
  }

  @Test
  @DisplayName("a paste naming no failure gets the general steps, neutral about the platform")
  void general() {
    assertThat(steps("the deploy is slow today, any idea?"))
        .contains("kubectl describe pod", "kubectl get events", "kubectl get nodes -o wide")
        .doesNotContain("gcloud", "GKE");
  }

  @Test
  @DisplayName("a paste naming two platforms gets only steps that work on both")
  void ambiguousPlatform() {
    assertThat(steps(GKE_NOT_READY + EKS_NOT_READY))
        .contains("kubectl debug node/<node>")
        .doesNotContain("gcloud", "aws ssm");
  }

  @Test
  @DisplayName("the steps are in the answer's language")
  void italian() {
    assertThat(String.join("\n", NextSteps.forPaste(CRASH_LOOP, Language.IT)))
        .contains("l'output dell'esecuzione che si è interrotta", "--previous");
  }

  @Test
  @DisplayName(
      "in a paste of several megabytes, an error in the last lines still decides the steps")
  void hugePasteTail() {
    String paste = "noise line without anything telling\n".repeat(200_000) + VOLUME;

    assertThat(steps(paste)).contains("kubectl get volumeattachment");
  }
}
