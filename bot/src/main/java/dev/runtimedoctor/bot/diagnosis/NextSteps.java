package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to collect when no entry explains a paste, for the terminal and for Slack: the commands that
 * kind of failure needs (a crash loop the previous run's logs, a NotReady node its conditions and
 * the kubelet journal, a volume its claim and CSI driver, …), with the ways onto a node and to a
 * registry of the platform the paste comes from, and no cloud's steps for a paste from another.
 */
public final class NextSteps {
  /** The most steps shown: enough for two kinds of failure, short enough to read. */
  private static final int MAX_STEPS = 7;

  /** Only the head and tail of a huge paste are read, as the matcher does. */
  private static final int SCAN_CHARS = 512 * 1024;

  private NextSteps() {}

  /** A step in both languages, Markdown. */
  private record Step(String it, String en) {
    String in(Language l) {
      return l == Language.IT ? it : en;
    }
  }

  /**
   * What a paste is about, judged from the words Kubernetes and the runtimes print for it. Listed
   * most specific first: an OOMKilled container also shows CrashLoopBackOff, and the OOM says why.
   */
  enum Topic {
    OOM("OOMKilled|exit code:?\\s*137|out of memory|oom[-_ ]?kill|memoria esaurita"),
    CONFIG("CreateContainerConfigError|(secret|configmap) \"[^\"]*\" not found|couldn't find key"),
    PROBE("(liveness|readiness|startup) probe (failed|errored)|\\bUnhealthy\\b"),
    IMAGE_PULL(
        "ImagePullBackOff|ErrImagePull|Failed to pull image|Back-off pulling image|pull access"
            + " denied|manifest unknown|toomanyrequests|InvalidImageName"),
    VOLUME(
        "FailedMount|FailedAttachVolume|MountVolume\\.|Unable to attach or mount|Multi-Attach"
            + " error|AttachVolume\\.Attach|persistentvolumeclaim|\\bPVC\\b|\\bCSI\\b"),
    SANDBOX_NETWORK(
        "FailedCreatePodSandBox|failed to set ?up network|\\bCNI\\b|plugin type=|network plugin"),
    CONTAINER_START(
        "OCI runtime (create|exec|start) failed|runc create failed|exec format error|executable"
            + " file not found|failed to create shim|StartError|RunContainerError"),
    DISK_EVICTION(
        "\\bEvicted\\b|low on resource|no space left on device|DiskPressure|ephemeral-storage"
            + "|ImageGCFailed|FreeDiskSpaceFailed|disco pieno|spazio (su disco )?esaurito"),
    NODE(
        "\\bNotReady\\b|NodeNotReady|Kubelet stopped posting node status|PLEG is not healthy|node\\.kubernetes\\.io/"
            + "(unreachable|not-ready)|container runtime is down|ContainerRuntimeUnhealthy"),
    CRASH_LOOP(
        "CrashLoopBackOff|Back-off restarting failed container|Init:Error|restarting failed"
            + " container|\\bExit Code:\\s*[1-9]");

    private final Pattern pattern;

    Topic(String regex) {
      this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
  }

  /** Where a paste comes from, by the names only that platform prints. */
  enum Platform {
    GKE("\\bgke\\b|\\bgke-|cloud\\.google\\.com|\\bgcloud\\b"),
    EKS(
        "\\beks\\b|amazonaws\\.com|\\.compute\\.internal|\\.ec2\\.internal|\\baws-node\\b"
            + "|bottlerocket"),
    AKS("\\baks\\b|\\baks-|azurecr\\.io|\\bazure\\b"),
    K3S("\\bk3s\\b|\\bk3d\\b"),
    MINIKUBE("\\bminikube\\b"),
    SELF_MANAGED(
        "\\bkubeadm\\b|\\bmicrok8s\\b|\\bkind-control-plane\\b|\\brke2\\b|\\bopenshift\\b"),
    /** Nothing says, or several do: only steps that work everywhere. */
    UNKNOWN(null);

    private final Pattern pattern;

    Platform(String regex) {
      this.pattern = regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
  }

  /**
   * The steps for {@code paste} in {@code language}, Markdown, most useful first: those of the (at
   * most two) kinds of failure the paste names, else a general set.
   */
  public static List<String> forPaste(String paste, Language language) {
    String text = scanned(paste);
    Platform platform = platform(text);
    Set<String> out = new LinkedHashSet<>();
    List<Topic> topics = topics(text);
    for (Topic t : topics.subList(0, Math.min(2, topics.size()))) {
      for (Step s : steps(t, platform)) {
        out.add(s.in(language));
      }
    }
    if (topics.isEmpty()) {
      general(platform).forEach(s -> out.add(s.in(language)));
    }
    return new ArrayList<>(out).subList(0, Math.min(MAX_STEPS, out.size()));
  }

  /** The kinds of failure a paste names, most specific first. */
  static List<Topic> topics(String text) {
    List<Topic> out = new ArrayList<>();
    for (Topic t : Topic.values()) {
      if (t.pattern.matcher(text).find()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The one platform the paste names, else {@link Platform#UNKNOWN}. */
  static Platform platform(String text) {
    Set<Platform> seen = EnumSet.noneOf(Platform.class);
    for (Platform p : Platform.values()) {
      if (p.pattern != null && p.pattern.matcher(text).find()) {
        seen.add(p);
      }
    }
    return seen.size() == 1 ? seen.iterator().next() : Platform.UNKNOWN;
  }

  private static String scanned(String paste) {
    if (paste.length() <= 2 * SCAN_CHARS) {
      return paste;
    }
    return paste.substring(0, SCAN_CHARS) + "\n" + paste.substring(paste.length() - SCAN_CHARS);
  }

  private static final Step DESCRIBE_POD =
      new Step(
          "`kubectl describe pod <pod> -n <namespace>`: stato dei container ed eventi in fondo, col"
              + " messaggio completo",
          "`kubectl describe pod <pod> -n <namespace>`: the containers' state and the events at the"
              + " end, with the full message");

  private static List<Step> steps(Topic topic, Platform platform) {
    return switch (topic) {
      case OOM ->
          List.of(
              new Step(
                  "`kubectl describe pod <pod> -n <namespace>`: in *Last State* `Reason: OOMKilled`"
                      + " ed `Exit Code: 137` dicono quale container è stato ucciso",
                  "`kubectl describe pod <pod> -n <namespace>`: under *Last State*, `Reason:"
                      + " OOMKilled` and `Exit Code: 137` say which container was killed"),
              new Step(
                  "il consumo e il limite: `kubectl top pod <pod> -n <namespace> --containers` e"
                      + " `kubectl get pod <pod> -n <namespace> -o"
                      + " jsonpath='{.spec.containers[*].resources}'`",
                  "its use and its limit: `kubectl top pod <pod> -n <namespace> --containers` and"
                      + " `kubectl get pod <pod> -n <namespace> -o"
                      + " jsonpath='{.spec.containers[*].resources}'`"),
              new Step(
                  "se è finita la memoria del nodo: `kubectl describe node <node>` (*MemoryPressure*)"
                      + " e sul nodo `journalctl -k | grep -i \"out of memory\"`",
                  "whether the node itself ran out: `kubectl describe node <node>`"
                      + " (*MemoryPressure*) and on the node `journalctl -k | grep -i \"out of"
                      + " memory\"`"));
      case CONFIG ->
          List.of(
              new Step(
                  "`kubectl describe pod <pod> -n <namespace>`: l'evento nomina il Secret, la"
                      + " ConfigMap o la chiave che manca",
                  "`kubectl describe pod <pod> -n <namespace>`: the event names the missing Secret,"
                      + " ConfigMap or key"),
              new Step(
                  "`kubectl get secret,configmap -n <namespace>`: esiste nel namespace del pod?"
                      + " `kubectl describe configmap <name> -n <namespace>` (o `secret`) ne elenca"
                      + " le chiavi",
                  "`kubectl get secret,configmap -n <namespace>`: does it exist in the pod's"
                      + " namespace? `kubectl describe configmap <name> -n <namespace>` (or"
                      + " `secret`) lists its keys"));
      case PROBE ->
          List.of(
              new Step(
                  "`kubectl describe pod <pod> -n <namespace>`: gli eventi `Unhealthy` dicono quale"
                      + " sonda fallisce e come (connection refused, timeout, stato HTTP)",
                  "`kubectl describe pod <pod> -n <namespace>`: the `Unhealthy` events say which"
                      + " probe fails and how (connection refused, timeout, HTTP status)"),
              new Step(
                  "la configurazione della sonda: `kubectl get pod <pod> -n <namespace> -o"
                      + " jsonpath='{.spec.containers[*].livenessProbe}'` (anche `readinessProbe`,"
                      + " `startupProbe`): porta, path, `timeoutSeconds`, `initialDelaySeconds`",
                  "the probe's settings: `kubectl get pod <pod> -n <namespace> -o"
                      + " jsonpath='{.spec.containers[*].livenessProbe}'` (also `readinessProbe`,"
                      + " `startupProbe`): port, path, `timeoutSeconds`, `initialDelaySeconds`"),
              new Step(
                  "`kubectl logs <pod> -n <namespace> --previous`: cosa faceva l'applicazione prima"
                      + " che la liveness probe la riavviasse",
                  "`kubectl logs <pod> -n <namespace> --previous`: what the application did before"
                      + " the liveness probe restarted it"));
      case IMAGE_PULL ->
          List.of(
              new Step(
                  "`kubectl describe pod <pod> -n <namespace>`: l'evento `Failed` dopo `Failed to"
                      + " pull image` contiene il motivo (not found, unauthorized, timeout, x509,"
                      + " toomanyrequests)",
                  "`kubectl describe pod <pod> -n <namespace>`: the `Failed` event after `Failed to"
                      + " pull image` holds the reason (not found, unauthorized, timeout, x509,"
                      + " toomanyrequests)"),
              new Step(
                  "`kubectl get events -n <namespace> --field-selector involvedObject.name=<pod>`"
                      + " (gli eventi scadono dopo circa un'ora)",
                  "`kubectl get events -n <namespace> --field-selector involvedObject.name=<pod>`"
                      + " (events expire after about an hour)"),
              new Step(
                  "immagine, tag e secret di pull del pod: `kubectl get pod <pod> -n <namespace> -o"
                      + " jsonpath='{.spec.containers[*].image} {.spec.imagePullSecrets}'`",
                  "the pod's image, tag and pull secrets: `kubectl get pod <pod> -n <namespace> -o"
                      + " jsonpath='{.spec.containers[*].image} {.spec.imagePullSecrets}'`"),
              registry(platform));
      case VOLUME ->
          List.of(
              new Step(
                  "`kubectl describe pod <pod> -n <namespace>`: gli eventi `FailedMount` /"
                      + " `FailedAttachVolume` nominano il volume e l'errore",
                  "`kubectl describe pod <pod> -n <namespace>`: the `FailedMount` /"
                      + " `FailedAttachVolume` events name the volume and the error"),
              new Step(
                  "`kubectl get pvc -n <namespace>` e `kubectl describe pvc <pvc> -n <namespace>`: il"
                      + " claim è `Bound`, e a quale PV?",
                  "`kubectl get pvc -n <namespace>` and `kubectl describe pvc <pvc> -n <namespace>`:"
                      + " is the claim `Bound`, and to which PV?"),
              new Step(
                  "`kubectl get pv` e `kubectl get volumeattachment`: il volume è collegato a questo"
                      + " nodo o ancora a un altro (Multi-Attach)?",
                  "`kubectl get pv` and `kubectl get volumeattachment`: is the volume attached to"
                      + " this node, or still to another (Multi-Attach)?"),
              new Step(
                  "il pod del driver CSI su quel nodo: `kubectl get pods -A -o wide"
                      + " --field-selector spec.nodeName=<node> | grep -i csi`, poi `kubectl logs -n"
                      + " <namespace> <csi-node-pod> --all-containers`",
                  "the CSI driver's pod on that node: `kubectl get pods -A -o wide"
                      + " --field-selector spec.nodeName=<node> | grep -i csi`, then `kubectl logs"
                      + " -n <namespace> <csi-node-pod> --all-containers`"));
      case SANDBOX_NETWORK ->
          List.of(
              new Step(
                  "`kubectl describe pod <pod> -n <namespace>`: il messaggio completo di"
                      + " `FailedCreatePodSandBox` nomina il plugin CNI e il suo errore",
                  "`kubectl describe pod <pod> -n <namespace>`: the full `FailedCreatePodSandBox`"
                      + " message names the CNI plugin and its error"),
              new Step(
                  "i pod della rete su quel nodo e i loro log: `kubectl get pods -A -o wide"
                      + " --field-selector spec.nodeName=<node>` ("
                      + cniPods(platform)
                      + ")",
                  "the network pods on that node and their logs: `kubectl get pods -A -o wide"
                      + " --field-selector spec.nodeName=<node>` ("
                      + cniPods(platform)
                      + ")"),
              new Step(
                  "sul nodo: `journalctl -u containerd --since \"-1h\" | grep -i cni` e `ls"
                      + " /etc/cni/net.d`",
                  "on the node: `journalctl -u containerd --since \"-1h\" | grep -i cni` and `ls"
                      + " /etc/cni/net.d`"),
              nodeAccess(platform));
      case CONTAINER_START ->
          List.of(
              new Step(
                  "`kubectl describe pod <pod> -n <namespace>`: il messaggio in *Last State* o"
                      + " *State* contiene l'errore completo del runtime",
                  "`kubectl describe pod <pod> -n <namespace>`: the message under *Last State* or"
                      + " *State* holds the runtime's full error"),
              new Step(
                  "il comando del container, `kubectl get pod <pod> -n <namespace> -o"
                      + " jsonpath='{.spec.containers[*].command} {.spec.containers[*].args}'`, e"
                      + " entrypoint e architettura dell'immagine (`docker image inspect <image>`)",
                  "the container's command, `kubectl get pod <pod> -n <namespace> -o"
                      + " jsonpath='{.spec.containers[*].command} {.spec.containers[*].args}'`, and"
                      + " the image's entrypoint and architecture (`docker image inspect <image>`)"),
              runtimeJournal(platform));
      case DISK_EVICTION ->
          List.of(
              new Step(
                  "`kubectl describe node <node>`: *Conditions* (`DiskPressure`, `MemoryPressure`)"
                      + " e gli eventi di eviction e garbage collection delle immagini",
                  "`kubectl describe node <node>`: *Conditions* (`DiskPressure`, `MemoryPressure`)"
                      + " and the events about eviction and image garbage collection"),
              new Step(
                  "`kubectl get pods -A --field-selector=status.phase=Failed`: i pod espulsi, ognuno"
                      + " col suo motivo in `kubectl describe pod`",
                  "`kubectl get pods -A --field-selector=status.phase=Failed`: the evicted pods,"
                      + " each with its reason in `kubectl describe pod`"),
              new Step(
                  "sul nodo: `df -h /var/lib/containerd /var/lib/kubelet /var/log` e `crictl"
                      + " images`",
                  "on the node: `df -h /var/lib/containerd /var/lib/kubelet /var/log` and `crictl"
                      + " images`"),
              nodeAccess(platform));
      case NODE ->
          List.of(
              new Step(
                  "`kubectl describe node <node>`: *Conditions* (`Ready` col motivo, il messaggio e"
                      + " l'ultimo heartbeat) e gli eventi",
                  "`kubectl describe node <node>`: *Conditions* (`Ready` with its reason, message"
                      + " and last heartbeat) and the events"),
              kubeletJournal(platform),
              runtimeJournal(platform),
              nodeAccess(platform));
      case CRASH_LOOP ->
          List.of(
              new Step(
                  "`kubectl logs <pod> -n <namespace> --previous` (con `-c <container>`): l'output"
                      + " dell'esecuzione che si è interrotta",
                  "`kubectl logs <pod> -n <namespace> --previous` (with `-c <container>`): the"
                      + " output of the run that crashed"),
              new Step(
                  "`kubectl describe pod <pod> -n <namespace>`: *Last State*, *Exit Code* e"
                      + " *Reason* del container, e gli eventi",
                  "`kubectl describe pod <pod> -n <namespace>`: the container's *Last State*, *Exit"
                      + " Code* and *Reason*, and the events"),
              new Step(
                  "per un init container (`Init:Error`, `Init:CrashLoopBackOff`): `kubectl logs"
                      + " <pod> -n <namespace> -c <init-container>`",
                  "for an init container (`Init:Error`, `Init:CrashLoopBackOff`): `kubectl logs"
                      + " <pod> -n <namespace> -c <init-container>`"));
    };
  }

  /** When the paste names no kind of failure: where any diagnosis starts. */
  private static List<Step> general(Platform platform) {
    return List.of(
        DESCRIBE_POD,
        new Step(
            "`kubectl get events -n <namespace> --sort-by=.lastTimestamp` (gli eventi scadono dopo"
                + " circa un'ora)",
            "`kubectl get events -n <namespace> --sort-by=.lastTimestamp` (events expire after"
                + " about an hour)"),
        kubeletJournal(platform),
        runtimeJournal(platform),
        new Step(
            "`kubectl get nodes -o wide`: versione di Kubernetes, runtime del container e sistema"
                + " operativo dei nodi",
            "`kubectl get nodes -o wide`: the nodes' Kubernetes version, container runtime and"
                + " OS"));
  }

  private static Step registry(Platform platform) {
    return switch (platform) {
      case GKE ->
          new Step(
              "l'accesso al registry: il service account dei nodi ha"
                  + " `roles/artifactregistry.reader`? `gcloud artifacts docker images list"
                  + " <region>-docker.pkg.dev/<project>/<repo> --include-tags` mostra il tag?",
              "registry access: does the nodes' service account have"
                  + " `roles/artifactregistry.reader`? Does `gcloud artifacts docker images list"
                  + " <region>-docker.pkg.dev/<project>/<repo> --include-tags` show the tag?");
      case EKS ->
          new Step(
              "l'accesso al registry: il ruolo IAM dei nodi può leggere da ECR"
                  + " (`AmazonEC2ContainerRegistryReadOnly`)? `aws ecr describe-images"
                  + " --repository-name <repo>` mostra il tag?",
              "registry access: can the nodes' IAM role read from ECR"
                  + " (`AmazonEC2ContainerRegistryReadOnly`)? Does `aws ecr describe-images"
                  + " --repository-name <repo>` show the tag?");
      case AKS ->
          new Step(
              "l'accesso al registry: `az aks check-acr --name <cluster> --resource-group <rg>"
                  + " --acr <registry>.azurecr.io`",
              "registry access: `az aks check-acr --name <cluster> --resource-group <rg> --acr"
                  + " <registry>.azurecr.io`");
      default ->
          new Step(
              "sul nodo, `crictl pull <image>` mostra l'errore del runtime stesso (rete, DNS,"
                  + " credenziali)",
              "on the node, `crictl pull <image>` shows the runtime's own error (network, DNS,"
                  + " credentials)");
    };
  }

  private static String cniPods(Platform platform) {
    return switch (platform) {
      case GKE -> "`anetd`, `calico-node`, `netd`";
      case EKS -> "`aws-node`";
      case AKS -> "`azure-cns`, `azure-ip-masq-agent`, `cilium`";
      default -> "`calico-node`, `cilium`, `kube-flannel`, …";
    };
  }

  private static Step kubeletJournal(Platform platform) {
    return switch (platform) {
      case K3S ->
          new Step(
              "il journal di k3s sul nodo, che contiene il kubelet: `journalctl -u k3s --since"
                  + " \"-1h\"` (sugli agent `-u k3s-agent`)",
              "the k3s journal on the node, which holds the kubelet's: `journalctl -u k3s"
                  + " --since \"-1h\"` (on agents `-u k3s-agent`)");
      case MINIKUBE ->
          new Step(
              "`minikube logs` (kubelet e runtime del nodo)",
              "`minikube logs` (the node's kubelet and runtime)");
      default ->
          new Step(
              "il journal del kubelet sul nodo: `journalctl -u kubelet --since \"-1h\"`",
              "the kubelet's journal on the node: `journalctl -u kubelet --since \"-1h\"`");
    };
  }

  private static Step runtimeJournal(Platform platform) {
    return switch (platform) {
      case K3S ->
          new Step(
              "il containerd di k3s: `k3s crictl ps -a` e `k3s crictl info`",
              "k3s's embedded containerd: `k3s crictl ps -a` and `k3s crictl info`");
      case MINIKUBE ->
          new Step(
              "dentro il nodo (`minikube ssh`): `sudo crictl ps -a`",
              "inside the node (`minikube ssh`): `sudo crictl ps -a`");
      default ->
          new Step(
              "il runtime del container sul nodo: `systemctl status containerd`, `journalctl -u"
                  + " containerd --since \"-1h\"`, `crictl ps -a`",
              "the container runtime on the node: `systemctl status containerd`, `journalctl -u"
                  + " containerd --since \"-1h\"`, `crictl ps -a`");
    };
  }

  private static Step nodeAccess(Platform platform) {
    return switch (platform) {
      case GKE ->
          new Step(
              "per entrare nel nodo: `gcloud compute ssh <node> --zone <zone>`",
              "to get onto the node: `gcloud compute ssh <node> --zone <zone>`");
      case EKS ->
          new Step(
              "per entrare nel nodo: `aws ssm start-session --target <instance-id>`",
              "to get onto the node: `aws ssm start-session --target <instance-id>`");
      case MINIKUBE ->
          new Step("per entrare nel nodo: `minikube ssh`", "to get onto the node: `minikube ssh`");
      default ->
          new Step(
              "per entrare nel nodo: SSH, oppure `kubectl debug node/<node> -it --image=busybox` e"
                  + " poi `chroot /host`",
              "to get onto the node: SSH, or `kubectl debug node/<node> -it --image=busybox`,"
                  + " then `chroot /host`");
    };
  }
}
