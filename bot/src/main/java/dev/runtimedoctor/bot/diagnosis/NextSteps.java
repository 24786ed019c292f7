package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to collect when no entry explains a paste, for the terminal and for Slack: the commands that
 * kind of failure needs (a crash loop the previous run's logs, a NotReady node its conditions and
 * the kubelet journal, a volume its claim and CSI driver, …), with the ways onto a node and to a
 * registry of the platform the paste comes from, and no cloud's steps for a paste from another. The
 * steps' words are the message catalog's {@code STEP_…} keys.
 */
public final class NextSteps {
  /** The most steps shown: enough for two kinds of failure, short enough to read. */
  private static final int MAX_STEPS = 7;

  /** Only the head and tail of a huge paste are read, as the matcher does. */
  private static final int SCAN_CHARS = 512 * 1024;

  private NextSteps() {}

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
      for (Message s : steps(t, platform)) {
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

  private static List<Message> steps(Topic topic, Platform platform) {
    return switch (topic) {
      case OOM -> said(Msg.STEP_OOM_DESCRIBE, Msg.STEP_OOM_USAGE, Msg.STEP_OOM_NODE);
      case CONFIG -> said(Msg.STEP_CONFIG_DESCRIBE, Msg.STEP_CONFIG_EXISTS);
      case PROBE -> said(Msg.STEP_PROBE_EVENTS, Msg.STEP_PROBE_SETTINGS, Msg.STEP_PROBE_LOGS);
      case IMAGE_PULL ->
          said(Msg.STEP_PULL_REASON, Msg.STEP_PULL_EVENTS, Msg.STEP_PULL_IMAGE, registry(platform));
      case VOLUME ->
          said(
              Msg.STEP_VOLUME_EVENTS,
              Msg.STEP_VOLUME_CLAIM,
              Msg.STEP_VOLUME_ATTACHMENT,
              Msg.STEP_VOLUME_CSI);
      case SANDBOX_NETWORK ->
          List.of(
              Message.of(Msg.STEP_SANDBOX_MESSAGE),
              Message.of(Msg.STEP_SANDBOX_PODS, cniPods(platform)),
              Message.of(Msg.STEP_SANDBOX_CNI),
              Message.of(nodeAccess(platform)));
      case CONTAINER_START ->
          said(Msg.STEP_START_MESSAGE, Msg.STEP_START_COMMAND, runtimeJournal(platform));
      case DISK_EVICTION ->
          said(
              Msg.STEP_DISK_CONDITIONS,
              Msg.STEP_DISK_EVICTED,
              Msg.STEP_DISK_USAGE,
              nodeAccess(platform));
      case NODE ->
          said(
              Msg.STEP_NODE_CONDITIONS,
              kubeletJournal(platform),
              runtimeJournal(platform),
              nodeAccess(platform));
      case CRASH_LOOP ->
          said(Msg.STEP_CRASH_PREVIOUS, Msg.STEP_CRASH_DESCRIBE, Msg.STEP_CRASH_INIT);
    };
  }

  /** When the paste names no kind of failure: where any diagnosis starts. */
  private static List<Message> general(Platform platform) {
    return said(
        Msg.STEP_DESCRIBE_POD,
        Msg.STEP_EVENTS,
        kubeletJournal(platform),
        runtimeJournal(platform),
        Msg.STEP_NODES_WIDE);
  }

  /** Steps that take no argument. */
  private static List<Message> said(Msg... steps) {
    return Arrays.stream(steps).map(k -> Message.of(k)).toList();
  }

  private static Msg registry(Platform platform) {
    return switch (platform) {
      case GKE -> Msg.STEP_REGISTRY_GKE;
      case EKS -> Msg.STEP_REGISTRY_EKS;
      case AKS -> Msg.STEP_REGISTRY_AKS;
      default -> Msg.STEP_REGISTRY_PULL;
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

  private static Msg kubeletJournal(Platform platform) {
    return switch (platform) {
      case K3S -> Msg.STEP_KUBELET_K3S;
      case MINIKUBE -> Msg.STEP_KUBELET_MINIKUBE;
      default -> Msg.STEP_KUBELET;
    };
  }

  private static Msg runtimeJournal(Platform platform) {
    return switch (platform) {
      case K3S -> Msg.STEP_RUNTIME_K3S;
      case MINIKUBE -> Msg.STEP_RUNTIME_MINIKUBE;
      default -> Msg.STEP_RUNTIME;
    };
  }

  private static Msg nodeAccess(Platform platform) {
    return switch (platform) {
      case GKE -> Msg.STEP_NODE_ACCESS_GKE;
      case EKS -> Msg.STEP_NODE_ACCESS_EKS;
      case MINIKUBE -> Msg.STEP_NODE_ACCESS_MINIKUBE;
      default -> Msg.STEP_NODE_ACCESS;
    };
  }
}
