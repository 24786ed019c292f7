package dev.runtimedoctor.bench;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A large GKE cluster's API server on the loopback interface, for the cluster benchmark: {@code
 * nodes} nodes of {@code podsPerNode} pods each, generated on the fly page by page ({@code limit},
 * {@code continue}) with the fields real objects carry (labels, managed fields, images, env,
 * probes, statuses), field selectors on events ({@code reason}, {@code involvedObject.kind}) and
 * pods ({@code spec.nodeName}), {@code /version}, kube-system, and a few webhooks. Nothing is held
 * in memory but the page being written. One node's pod IPs leaked (sandbox events, few pods); some
 * pods have exec probes; some pulls fail with a registry's x509.
 */
public final class FakeKubeApi implements AutoCloseable {
  /** Kube-system pods of every node: netd, kube-proxy, fluentbit. */
  private static final String[] SYSTEM = {"netd", "kube-proxy", "fluentbit-gke"};

  private static final String[] REASONS = {
    "Scheduled",
    "Pulling",
    "Pulled",
    "Created",
    "Started",
    "Killing",
    "Unhealthy",
    "BackOff",
    "Failed",
    "FailedCreatePodSandBox"
  };

  private final int nodes;
  private final int podsPerNode;
  private final int events;
  private final Server server;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicInteger requests = new AtomicInteger();

  private FakeKubeApi(int nodes, int podsPerNode, int events) throws Exception {
    this.nodes = nodes;
    this.podsPerNode = podsPerNode;
    this.events = events;
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("fake-kube-api");
    threads.setDaemon(true);
    this.server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            String body = answer(request.getHttpURI().toURI());
            if (body == null) {
              Response.writeError(request, response, callback, 404);
              return true;
            }
            bytes.addAndGet(body.length());
            requests.incrementAndGet();
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(response, true, body, callback);
            return true;
          }
        });
    server.start();
  }

  /** Starts a cluster of {@code nodes × podsPerNode} pods and {@code events} events. */
  public static FakeKubeApi start(int nodes, int podsPerNode, int events) throws Exception {
    return new FakeKubeApi(nodes, podsPerNode, events);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Characters of JSON served so far (all ASCII: bytes). */
  public long bytesServed() {
    return bytes.get();
  }

  /** Requests answered so far. */
  public int requestsServed() {
    return requests.get();
  }

  /** The name of node {@code i}. */
  public static String nodeName(int i) {
    String n = Integer.toString(i);
    return "gke-prod-pool-"
        + (i / 1000)
        + "-"
        + hex(i / 1000).substring(0, 8)
        + "-n"
        + "0".repeat(Math.max(0, 4 - n.length()))
        + n;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** The JSON body for a GET of {@code uri}, or null for a 404. */
  private String answer(URI uri) {
    {
      Map<String, String> q = query(uri);
      String path = uri.getPath();
      int from = q.containsKey("continue") ? Integer.parseInt(q.get("continue")) : 0;
      int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : Integer.MAX_VALUE;
      Map<String, String> fields = fields(q.get("fieldSelector"));
      String body;
      if (path.equals("/version")) {
        body = "{\"major\":\"1\",\"minor\":\"27\",\"gitVersion\":\"v1.27.8-gke.1067004\"}";
      } else if (path.equals("/api/v1/nodes")) {
        body = list("NodeList", nodes, from, limit, i -> node(i));
      } else if (path.startsWith("/api/v1/nodes/")) {
        body = node(nodeIndex(path.substring("/api/v1/nodes/".length())));
      } else if (path.equals("/api/v1/namespaces/kube-system")) {
        body =
            "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"kube-system\","
                + "\"labels\":{\"kubernetes.io/metadata.name\":\"kube-system\"}}}";
      } else if (path.equals("/api/v1/pods") && fields.containsKey("spec.nodeName")) {
        int node = nodeIndex(fields.get("spec.nodeName"));
        body =
            list(
                "PodList",
                node < 0 ? 0 : podsPerNode,
                from,
                limit,
                i -> pod(node * podsPerNode + i));
      } else if (path.equals("/api/v1/pods")) {
        body = list("PodList", nodes * podsPerNode, from, limit, this::pod);
      } else if (path.equals("/api/v1/namespaces/kube-system/pods")) {
        body =
            list(
                "PodList",
                nodes * SYSTEM.length,
                from,
                limit,
                i -> pod(i / SYSTEM.length * podsPerNode + i % SYSTEM.length));
      } else if (path.equals("/api/v1/events")) {
        body = events(fields, from, limit);
      } else if (path.startsWith("/api/v1/namespaces/kube-system/events")) {
        body = list("EventList", 0, 0, limit, i -> "");
      } else if (path.endsWith("/mutatingwebhookconfigurations")) {
        body = webhooks("Mutating");
      } else if (path.endsWith("/validatingwebhookconfigurations")) {
        body = webhooks("Validating");
      } else {
        body = null;
      }
      return body;
    }
  }

  private static String list(
      String kind, int total, int from, int limit, IntFunction<String> item) {
    StringBuilder sb = new StringBuilder(1 << 20);
    int to = (int) Math.min(total, (long) from + limit);
    sb.append("{\"kind\":\"").append(kind).append("\",\"apiVersion\":\"v1\",\"metadata\":{");
    sb.append("\"resourceVersion\":\"987654321\"");
    if (to < total) {
      sb.append(",\"continue\":\"").append(to).append('"');
      sb.append(",\"remainingItemCount\":").append(total - to);
    }
    sb.append("},\"items\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(',');
      }
      sb.append(item.apply(i));
    }
    return sb.append("]}").toString();
  }

  private int nodeIndex(String name) {
    int at = name.lastIndexOf("-n");
    try {
      int i = Integer.parseInt(name.substring(at + 2));
      return i < nodes && nodeName(i).equals(name) ? i : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** The node whose pod IPs leaked: the events name it, it runs few pods. */
  private int leakyNode() {
    return nodes / 2;
  }

  private String node(int i) {
    String name = nodeName(i);
    String pool = "pool-" + (i / 1000);
    StringBuilder images = new StringBuilder();
    for (int k = 0; k < 25; k++) {
      if (k > 0) {
        images.append(',');
      }
      images
          .append("{\"names\":[\"europe-docker.pkg.dev/acme/apps/service-")
          .append(k)
          .append("@sha256:")
          .append(hex(i * 31 + k))
          .append("\",\"europe-docker.pkg.dev/acme/apps/service-")
          .append(k)
          .append(":1.")
          .append(k)
          .append(".0\"],\"sizeBytes\":")
          .append(40_000_000 + k * 1_000_000)
          .append('}');
    }
    return "{\"kind\":\"Node\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\""
        + name
        + "\",\"uid\":\""
        + uuid(i)
        + "\",\"resourceVersion\":\""
        + (1000 + i)
        + "\",\"creationTimestamp\":\"2024-03-01T08:00:00Z\",\"labels\":{"
        + "\"beta.kubernetes.io/arch\":\"amd64\",\"beta.kubernetes.io/instance-type\":\"e2-standard-8\","
        + "\"cloud.google.com/gke-boot-disk\":\"pd-balanced\",\"cloud.google.com/gke-container-runtime\":\"containerd\","
        + "\"cloud.google.com/gke-max-pods-per-node\":\"110\",\"cloud.google.com/gke-nodepool\":\""
        + pool
        + "\","
        + "\"cloud.google.com/gke-os-distribution\":\"cos\",\"cloud.google.com/machine-family\":\"e2\","
        + "\"kubernetes.io/arch\":\"amd64\",\"kubernetes.io/hostname\":\""
        + name
        + "\",\"kubernetes.io/os\":\"linux\","
        + "\"node.kubernetes.io/instance-type\":\"e2-standard-8\",\"topology.kubernetes.io/region\":\"europe-west1\","
        + "\"topology.kubernetes.io/zone\":\"europe-west1-"
        + "bcd".charAt(i % 3)
        + "\"},"
        + "\"annotations\":{\"container.googleapis.com/instance_id\":\""
        + (7_000_000_000_000_000L + i)
        + "\",\"node.alpha.kubernetes.io/ttl\":\"0\",\"volumes.kubernetes.io/controller-managed-attach-detach\":\"true\"}},"
        + "\"spec\":{\"podCIDR\":\""
        + cidr(i)
        + "\",\"podCIDRs\":[\""
        + cidr(i)
        + "\"],"
        + "\"providerID\":\"gce://acme-prod/europe-west1-b/"
        + name
        + "\"},"
        + "\"status\":{\"capacity\":{\"cpu\":\"8\",\"ephemeral-storage\":\"98831908Ki\",\"memory\":\"32880988Ki\",\"pods\":\"110\"},"
        + "\"allocatable\":{\"cpu\":\"7910m\",\"ephemeral-storage\":\"47060071478\",\"memory\":\"29094748Ki\",\"pods\":\"110\"},"
        + "\"conditions\":["
        + condition(
            "FrequentContainerdRestart",
            "False",
            "NoFrequentContainerdRestart",
            "containerd is functioning properly")
        + ","
        + condition("KernelDeadlock", "False", "KernelHasNoDeadlock", "kernel has no deadlock")
        + ","
        + condition(
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available")
        + ","
        + condition(
            "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure")
        + ","
        + condition(
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available")
        + ","
        + condition(
            "Ready", "True", "KubeletReady", "kubelet is posting ready status. AppArmor enabled")
        + "],\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10.132."
        + (i / 250)
        + "."
        + (i % 250 + 2)
        + "\"},{\"type\":\"Hostname\",\"address\":\""
        + name
        + "\"}],"
        + "\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":10250}},"
        + "\"nodeInfo\":{\"machineID\":\""
        + hex(i)
        + "\",\"systemUUID\":\""
        + uuid(i)
        + "\",\"bootID\":\""
        + uuid(i + 1)
        + "\",\"kernelVersion\":\"6.1.58+\",\"osImage\":\"Container-Optimized OS from Google\","
        + "\"containerRuntimeVersion\":\"containerd://1.7.7\",\"kubeletVersion\":\"v1.27.8-gke.1067004\","
        + "\"kubeProxyVersion\":\"v1.27.8-gke.1067004\",\"operatingSystem\":\"linux\",\"architecture\":\"amd64\"},"
        + "\"images\":["
        + images
        + "]}}";
  }

  private static String condition(String type, String status, String reason, String message) {
    return "{\"type\":\""
        + type
        + "\",\"status\":\""
        + status
        + "\",\"lastHeartbeatTime\":\"2024-03-04T10:00:00Z\",\"lastTransitionTime\":\"2024-03-01T08:01:00Z\","
        + "\"reason\":\""
        + reason
        + "\",\"message\":\""
        + message
        + "\"}";
  }

  private String pod(int p) {
    int node = p / podsPerNode;
    int slot = p % podsPerNode;
    boolean system = slot < SYSTEM.length;
    String app = system ? SYSTEM[slot] : "svc-" + (p % 397);
    String namespace = system ? "kube-system" : "team-" + (p % 20);
    String name =
        system
            ? app + "-" + hex(node).substring(0, 5)
            : app + "-7d9c8b6f5d-" + hex(p).substring(0, 5);
    boolean leaky = node == leakyNode();
    // The leaky node runs a handful of pods; the rest of its slots wait for a sandbox.
    boolean creating = leaky && slot >= 8;
    String phase = creating ? "Pending" : "Running";
    boolean execProbe = !system && p % 50 == 0;
    String probe =
        execProbe
            ? ",\"livenessProbe\":{\"exec\":{\"command\":[\"/bin/sh\",\"-c\",\"/app/healthcheck\"]},"
                + "\"timeoutSeconds\":"
                + (1 + p % 5)
                + ",\"periodSeconds\":10,\"successThreshold\":1,\"failureThreshold\":3}"
            : ",\"readinessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":8080,\"scheme\":\"HTTP\"},"
                + "\"timeoutSeconds\":1,\"periodSeconds\":10,\"successThreshold\":1,\"failureThreshold\":3}";
    String state =
        creating
            ? "{\"waiting\":{\"reason\":\"ContainerCreating\"}}"
            : "{\"running\":{\"startedAt\":\"2024-03-02T09:00:00Z\"}}";
    return "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\""
        + name
        + "\",\"generateName\":\""
        + app
        + "-\",\"namespace\":\""
        + namespace
        + "\",\"uid\":\""
        + uuid(p)
        + "\",\"resourceVersion\":\""
        + (5000 + p)
        + "\",\"creationTimestamp\":\"2024-03-02T09:00:00Z\",\"labels\":{\"app\":\""
        + app
        + "\",\"k8s-app\":\""
        + app
        + "\",\"pod-template-hash\":\"7d9c8b6f5d\",\"team\":\"team-"
        + (p % 20)
        + "\"},"
        + "\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"2024-03-02T08:59:00Z\","
        + "\"prometheus.io/scrape\":\"true\",\"prometheus.io/port\":\"9090\"},"
        + "\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\""
        + (system ? "DaemonSet" : "ReplicaSet")
        + "\",\"name\":\""
        + app
        + "\",\"uid\":\""
        + uuid(p % 397)
        + "\",\"controller\":true,\"blockOwnerDeletion\":true}],"
        + "\"managedFields\":[{\"manager\":\"kube-controller-manager\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
        + "\"time\":\"2024-03-02T09:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{\".\":{},"
        + "\"f:app\":{}}},\"f:spec\":{\"f:containers\":{}}}}]},"
        + "\"spec\":{\"nodeName\":\""
        + nodeName(node)
        + "\",\"serviceAccountName\":\"default\",\"restartPolicy\":\"Always\","
        + "\"terminationGracePeriodSeconds\":30,\"dnsPolicy\":\"ClusterFirst\",\"schedulerName\":\"default-scheduler\","
        + (slot == 1 ? "\"hostNetwork\":true," : "")
        + "\"volumes\":[{\"name\":\"kube-api-access\",\"projected\":{\"sources\":[{\"serviceAccountToken\":{\"path\":\"token\","
        + "\"expirationSeconds\":3607}}],\"defaultMode\":420}}],"
        + "\"containers\":[{\"name\":\"app\",\"image\":\"europe-docker.pkg.dev/acme/apps/"
        + app
        + ":1.4."
        + (p % 9)
        + "\",\"ports\":[{\"containerPort\":8080,\"protocol\":\"TCP\"}],\"env\":[{\"name\":\"LOG_LEVEL\",\"value\":\"info\"},"
        + "{\"name\":\"POD_NAME\",\"valueFrom\":{\"fieldRef\":{\"apiVersion\":\"v1\",\"fieldPath\":\"metadata.name\"}}}],"
        + "\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"},\"limits\":{\"memory\":\"256Mi\"}},"
        + "\"volumeMounts\":[{\"name\":\"kube-api-access\",\"readOnly\":true,\"mountPath\":\"/var/run/secrets/kubernetes.io/serviceaccount\"}]"
        + probe
        + ",\"imagePullPolicy\":\"IfNotPresent\"}]},"
        + "\"status\":{\"phase\":\""
        + phase
        + "\",\"conditions\":[{\"type\":\"Ready\",\"status\":\""
        + (creating ? "False" : "True")
        + "\",\"lastTransitionTime\":\"2024-03-02T09:00:10Z\"},{\"type\":\"PodScheduled\",\"status\":\"True\","
        + "\"lastTransitionTime\":\"2024-03-02T09:00:00Z\"}],\"hostIP\":\"10.132."
        + (node / 250)
        + "."
        + (node % 250 + 2)
        + "\",\"podIP\":\""
        + (creating ? "" : "10.64." + (node % 250) + "." + (slot + 2))
        + "\",\"startTime\":\"2024-03-02T09:00:00Z\","
        + "\"containerStatuses\":[{\"name\":\"app\",\"state\":"
        + state
        + ",\"ready\":"
        + !creating
        + ",\"restartCount\":0,\"image\":\"europe-docker.pkg.dev/acme/apps/"
        + app
        + ":1.4."
        + (p % 9)
        + "\",\"imageID\":\"europe-docker.pkg.dev/acme/apps/"
        + app
        + "@sha256:"
        + hex(p)
        + "\",\"containerID\":\"containerd://"
        + hex(p * 7)
        + "\"}],\"qosClass\":\"Burstable\"}}";
  }

  /** Events of every reason in turn; the selector picks those of one reason. */
  private String events(Map<String, String> fields, int from, int limit) {
    String reason = fields.get("reason");
    String kind = fields.get("involvedObject.kind");
    if (kind != null && !kind.equals("Pod")) {
      return list("EventList", 0, 0, limit, i -> "");
    }
    int r = reason == null ? -1 : List.of(REASONS).indexOf(reason);
    if (reason != null && r < 0) {
      return list("EventList", 0, 0, limit, i -> "");
    }
    int per = events / REASONS.length;
    return reason == null
        ? list("EventList", per * REASONS.length, from, limit, this::event)
        : list("EventList", per, from, limit, i -> event(i * REASONS.length + r));
  }

  private String event(int e) {
    String reason = REASONS[e % REASONS.length];
    int p = (e * 7919) % (nodes * podsPerNode);
    int node = reason.equals("FailedCreatePodSandBox") ? leakyNode() : p / podsPerNode;
    String pod = "svc-" + (p % 397) + "-7d9c8b6f5d-" + hex(p).substring(0, 5);
    String image = "europe-docker.pkg.dev/acme/apps/svc-" + (p % 397) + ":1.4." + (p % 9);
    String message =
        switch (reason) {
          case "Scheduled" ->
              "Successfully assigned team-" + (p % 20) + "/" + pod + " to " + nodeName(node);
          case "Pulling" -> "Pulling image \\\"" + image + "\\\"";
          case "Pulled" ->
              "Successfully pulled image \\\"" + image + "\\\" in 1.2s (1.2s including waiting)";
          case "Created" -> "Created container app";
          case "Started" -> "Started container app";
          case "Killing" -> "Stopping container app";
          case "Unhealthy" ->
              "Readiness probe failed: Get \\\"http://10.64.0.5:8080/healthz\\\": dial tcp 10.64.0.5:8080: connect: connection refused";
          case "BackOff" -> "Back-off pulling image \\\"" + image + "\\\"";
          case "Failed" ->
              e % 3 == 0
                  ? "Failed to pull image \\\"registry.corp.example:5000/apps/svc:1.4\\\": rpc error: code = Unknown desc = failed to pull and unpack image \\\"registry.corp.example:5000/apps/svc:1.4\\\": failed to resolve reference \\\"registry.corp.example:5000/apps/svc:1.4\\\": failed to do request: Head \\\"https://registry.corp.example:5000/v2/apps/svc/manifests/1.4\\\": x509: certificate signed by unknown authority"
                  : "Error: ErrImagePull";
          default -> {
            String base = cidr(node).substring(0, cidr(node).lastIndexOf('.'));
            yield "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup"
                + " network for sandbox \\\""
                + hex(e).substring(0, 12)
                + "\\\": plugin type=\\\"gke\\\""
                + " failed (add): failed to allocate for range 0: no IP addresses available in range"
                + " set: "
                + base
                + ".1-"
                + base
                + ".254";
          }
        };
    return "{\"kind\":\"Event\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\""
        + pod
        + "."
        + hex(e)
        + "\",\"namespace\":\"team-"
        + (p % 20)
        + "\",\"uid\":\""
        + uuid(e)
        + "\",\"resourceVersion\":\""
        + (90000 + e)
        + "\",\"creationTimestamp\":\"2024-03-04T09:00:00Z\"},\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"team-"
        + (p % 20)
        + "\",\"name\":\""
        + pod
        + "\",\"uid\":\""
        + uuid(p)
        + "\",\"apiVersion\":\"v1\",\"resourceVersion\":\""
        + (5000 + p)
        + "\",\"fieldPath\":\"spec.containers{app}\"},\"reason\":\""
        + reason
        + "\",\"message\":\""
        + message
        + "\",\"source\":{\"component\":\"kubelet\",\"host\":\""
        + nodeName(node)
        + "\"},"
        + "\"firstTimestamp\":\"2024-03-04T09:00:00Z\",\"lastTimestamp\":\"2024-03-04T09:"
        + (e % 60 < 10 ? "0" : "")
        + (e % 60)
        + ":00Z\",\"count\":"
        + (1 + e % 5)
        + ",\"type\":\""
        + (e % 2 == 0 ? "Normal" : "Warning")
        + "\","
        + "\"reportingComponent\":\"kubelet\",\"reportingInstance\":\""
        + nodeName(node)
        + "\"}";
  }

  private static String webhooks(String kind) {
    String type =
        kind.equals("Mutating")
            ? "mutatingwebhookconfigurations"
            : "validatingwebhookconfigurations";
    String selector =
        kind.equals("Mutating")
            ? "\"namespaceSelector\":{\"matchExpressions\":[{\"key\":\"kubernetes.io/metadata.name\",\"operator\":\"NotIn\",\"values\":[\"kube-system\"]}]}"
            : "\"objectSelector\":{\"matchExpressions\":[{\"key\":\"k8s-app\",\"operator\":\"NotIn\",\"values\":[\"netd\"]}]}";
    return "{\"kind\":\""
        + kind
        + "WebhookConfigurationList\",\"apiVersion\":\"admissionregistration.k8s.io/v1\","
        + "\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[{\"metadata\":{\"name\":\"policy-"
        + type
        + "\"},\"webhooks\":[{\"name\":\"policy.example.com\",\"admissionReviewVersions\":[\"v1\"],\"sideEffects\":\"None\","
        + "\"clientConfig\":{\"service\":{\"name\":\"policy\",\"namespace\":\"policy\"}},\"failurePolicy\":\"Fail\","
        + "\"rules\":[{\"apiGroups\":[\"\"],\"apiVersions\":[\"v1\"],\"operations\":[\"CREATE\"],\"resources\":[\"pods\"]}],"
        + selector
        + "}]}]}";
  }

  private static String cidr(int node) {
    return "10." + (64 + node / 256) + "." + (node % 256) + ".0/24";
  }

  /** 64 hex digits derived from {@code v}: a digest-like value, cheap to make. */
  private static String hex(long v) {
    // The top bit set keeps every rendering 16 digits long.
    String h = Long.toHexString(v * 0x9E3779B97F4A7C15L | Long.MIN_VALUE);
    return h + h + h + h;
  }

  private static String uuid(int v) {
    String h = hex(v);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-"
        + h.substring(12, 16)
        + "-"
        + h.substring(16, 20)
        + "-"
        + h.substring(20, 32);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    if (uri.getRawQuery() == null) {
      return out;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Map<String, String> fields(String selector) {
    Map<String, String> out = new HashMap<>();
    if (selector == null) {
      return out;
    }
    for (String term : selector.split(",")) {
      int eq = term.indexOf('=');
      if (eq > 0) {
        out.put(term.substring(0, eq), term.substring(eq + 1).replaceFirst("^=", ""));
      }
    }
    return out;
  }
}
