package dev.runtimedoctor.knowledge.eval;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic unrelated log lines and concrete instances of signatures, for self-tests and
 * benchmarks: a known error must still be found when buried in noise.
 */
public final class SyntheticLogs {
  private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z][a-z0-9_-]*)>");
  private static final Pattern FORMAT = Pattern.compile("%(0\\d)?[sd]");
  private static final List<String> NOISE =
      List.of(
          "I1127 12:%02d:%02d.%06d    1234 kubelet.go:2%03d] \"SyncLoop (PLEG): event for pod\" pod=\"default/web-%s\" event={ID:%s Type:ContainerStarted}",
          "I1127 12:%02d:%02d.%06d    1234 reconciler.go:%03d] \"operationExecutor.VerifyControllerAttachedVolume started for volume\" volumeName=\"kubernetes.io/projected/%s-kube-api-access\"",
          "2026-11-27T12:%02d:%02d.%06dZ stdout F GET /healthz 200 %dms user-agent=kube-probe/1.27 id=%s",
          "Nov 27 12:%02d:%02d gke-pool-%s containerd[%d]: time=\"2026-11-27T12:00:00Z\" level=info msg=\"ImageCreate event name:\\\"%s\\\"\"",
          "  Normal   Pulled     %dm (x%d over %dh)  kubelet  Container image \"nginx:1.%d\" already present on machine %s",
          "  Normal   Scheduled  %dm  default-scheduler  Successfully assigned prod/api-%s to gke-prod-pool-%d",
          "2026-11-27 12:00:01,123 INFO  [main] com.example.Service - request handled in %d ms (%d bytes) trace=%s",
          "W1127 12:%02d:%02d.%06d    987 warnings.go:%d] metadata.finalizers: \"%s\": prefer a domain-qualified finalizer name");

  private final Random random;

  public SyntheticLogs(long seed) {
    this.random = new Random(seed);
  }

  /** One line of unrelated log. */
  public String noiseLine() {
    String template = NOISE.get(random.nextInt(NOISE.size()));
    StringBuilder sb = new StringBuilder();
    Matcher m = FORMAT.matcher(template);
    while (m.find()) {
      String spec = m.group();
      Object a = spec.endsWith("d") ? (Object) (random.nextInt(59) + 1) : hex(8);
      m.appendReplacement(sb, Matcher.quoteReplacement(String.format(Locale.ROOT, spec, a)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** {@code lines} lines of noise joined by newlines. */
  public String noise(int lines) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      sb.append(noiseLine()).append('\n');
    }
    return sb.toString();
  }

  /** Noise of about {@code bytes} characters. */
  public String noiseOfSize(int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 200);
    while (sb.length() < bytes) {
      sb.append(noiseLine()).append('\n');
    }
    return sb.toString();
  }

  /** {@code paste} inserted at a random line of {@code lines} lines of noise. */
  public String buried(String paste, int lines) {
    int at = random.nextInt(lines + 1);
    return noise(at) + paste + "\n" + noise(lines - at);
  }

  /** A signature with each placeholder replaced by a plausible concrete value. */
  public String instantiate(String signature) {
    Matcher m = PLACEHOLDER.matcher(signature);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private String value(String placeholder) {
    return switch (placeholder) {
      case "ip" ->
          "10." + random.nextInt(255) + "." + random.nextInt(255) + "." + (1 + random.nextInt(250));
      case "ip-range" -> "10.48.131.1-10.48.131.62";
      case "cidr" -> "10.0.0.0/8";
      case "sha256" -> "sha256:" + hex(64);
      case "id" -> hex(64);
      case "uuid", "pod-uid" -> hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12);
      case "path" ->
          "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/"
              + random.nextInt(999)
              + "/fs";
      case "url" ->
          "https://registry.example.internal:5000/v2/team/app/manifests/v" + random.nextInt(9);
      case "image" -> "registry.example.internal:5000/team/app:v" + random.nextInt(9);
      case "n" -> Integer.toString(random.nextInt(500));
      case "duration" -> (1 + random.nextInt(30)) + "s";
      case "version" ->
          "1.2" + random.nextInt(9) + "." + random.nextInt(9) + "-gke." + random.nextInt(2000);
      case "json" ->
          "{\"Owner\":\"containerd-shim-runhcs-v1.exe\",\"SchemaVersion\":{\"Major\":2,\"Minor\":1}}";
      case "host" -> "registry.example.internal";
      default -> "web-" + hex(5);
    };
  }

  private String hex(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }
}
