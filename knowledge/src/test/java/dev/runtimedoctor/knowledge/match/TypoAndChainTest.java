package dev.runtimedoctor.knowledge.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.Kind;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The kinds of paste issue 9 found answered wrongly or not at all, each in its own variants. */
class TypoAndChainTest {
  private static Matcher matcher;

  /** The seed's pack alone, as the dev and regression cases are scored: its words weigh more. */
  private static Matcher seedOnly;

  /** The everyday pack alone ({@code --packs everyday}): no known issue claims a cause first. */
  private static Matcher everydayOnly;

  @BeforeAll
  static void build() {
    matcher = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));
    seedOnly =
        new Matcher(
            KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled(List.of("gke-runtime")))));
    everydayOnly =
        new Matcher(
            KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled(List.of("everyday")))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // a runtime's own typo, in an older kubelet wording
        "cni-config-uninitialized|Warning FailedSync kubelet Error syncing pod, skipping: failed to"
            + " \"SetupNetwork\" for \"web-1_default\" with SetupNetworkError: \"Failed to setup"
            + " network for pod \\\"web-1_default(8d1f0c1e-1111-2222-3333-444455556666)\\\" using"
            + " network plugins \\\"cni\\\": cni config unintialized; Skipping pod\"",
        "cni-config-uninitialized|E0402 05:41:21.534946 20797 kubelet.go:2067] Container runtime"
            + " network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker:"
            + " network plugin is not ready: cni config unintialized",
        // the cause and its context, with the wrappers of another runtime version
        "private-registry-x509|Failed to pull image \"registry.corp.example:8443/pay/api:2.4.1\"\\n"
            + "failed to do request: Head"
            + " \"https://registry.corp.example:8443/v2/pay/api/manifests/2.4.1\": x509: certificate"
            + " signed by unknown authority",
        "octet-stream-media-type|Warning Failed 3m kubelet Failed to pull image \"r.example/a:0.9\":"
            + " rpc error: code = NotFound desc = failed to pull and unpack image"
            + " \"r.example/a:0.9\": failed to unpack image on snapshotter overlayfs: content digest"
            + " sha256:4c3b1d8f3a1e2b7c9d0e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708: not found",
        // the frame of a known issue's error around another cause: an HTTP probe timing out is
        // not the exec probe's known issue
        "probe-failure|Dec 01 02:40:11 gke-web-pool-1-77c1 kubelet[2210]: I1201 02:40:11.301877"
            + " 2210 prober.go:107] \"Probe failed\" probeType=\"Liveness\" pod=\"shop/cart-5\""
            + " podUID=\"0a1b2c3d-1111-4222-8333-944455556666\" containerName=\"cart\""
            + " probeResult=\"failure\" output=\"Get \\\"http://10.20.3.4:8080/livez\\\":"
            + " context deadline exceeded (Client.Timeout exceeded while awaiting headers)\"",
        "probe-failure|  Warning  Unhealthy  2m (x9 over 6m)  kubelet  Readiness probe failed: Get"
            + " \"http://10.12.0.7:8080/ready\": context deadline exceeded (Client.Timeout"
            + " exceeded while awaiting headers)",
        "exec-probe-timeout|  Warning  Unhealthy  40s (x4 over 2m)  kubelet  Liveness probe"
            + " errored: rpc error: code = DeadlineExceeded desc = failed to exec in container:"
            + " timeout 5s exceeded: context deadline exceeded"
      })
  @DisplayName("known errors in other wordings, typos and shorter chains are answered")
  void answered(String entry, String paste) {
    Diagnosis d = matcher.diagnose(paste.replace("\\n", "\n"));

    assertThat(d.top()).hasValueSatisfying(m -> assertThat(m.entry().id()).isEqualTo(entry));
    assertThat(d.reply()).as("reply, got %s", d.matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a symptom word ("shim") inside an ordinary start failure
        "Error: failed to create containerd task: failed to create shim task: OCI runtime create"
            + " failed: runc create failed: unable to start container process: exec:"
            + " \"/app/server\": executable file not found in $PATH: unknown",
        // an http:// URL with missing credentials
        "Failed to pull image \"10.0.0.7:8081/apps/api:1.0\": rpc error: code = Unknown desc ="
            + " Error response from daemon: Get http://10.0.0.7:8081/v2/apps/api/manifests/1.0: no"
            + " basic auth credentials",
        // a name of the question against an error line that contradicts the entry
        "We build our images with kaniko 1.3 in CI. Pulling one fails:\nFailed to pull image"
            + " \"registry.example.com/team/app:1.3\": rpc error: code = Unknown desc = failed to"
            + " register layer: mkdir /var/lib/docker/overlay2/8a7f/diff/usr/lib: no such file or"
            + " directory",
        // lookalikes: the same cause in another context
        "Error: UPGRADE FAILED: failed to create resource: Internal error occurred: failed calling"
            + " webhook \"validate.nginx.ingress.kubernetes.io\": failed to call webhook: Post"
            + " \"https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/"
            + "ingresses?timeout=10s\": tls: failed to verify certificate: x509: certificate signed"
            + " by unknown authority",
        "$ kubectl logs web-1\nError from server: Get"
            + " \"https://10.128.0.5:10250/containerLogs/default/web-1/web\": http: server gave HTTP"
            + " response to HTTPS client",
        "Warning FailedCreatePodSandBox kubelet Failed to create pod sandbox: plugin"
            + " type=\"calico\" failed (add): failed to request IPv4 addresses: IPAM error: failed"
            + " to get host-local IPAM block for host: resource does not exist",
        // the same chain with a negation of its own: a taken address, not an empty range
        "Warning FailedCreatePodSandBox kubelet Failed to create pod sandbox: rpc error: code ="
            + " Unknown desc = failed to setup network for sandbox \"4f1c\": plugin type=\"gke\""
            + " failed (add): failed to allocate for range 0: requested IP address 10.4.2.17 is not"
            + " available in range set 10.4.2.1-10.4.2.254",
        "failed to allocate for range 0: requested IP address 10.48.3.9 is not available in range"
            + " set 10.48.3.1-10.48.3.62",
        // the same chain without the signature's negation: a missing parent, not a file in the way
        "failed to pull and unpack image \"r.example/app:2\": failed to extract layer"
            + " sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08: mkparent"
            + " /var/lib/containerd/tmpmounts/m1/usr/share: no such file or directory: unknown",
        "Error response from daemon: hcsshim::CreateComputeSystem 5a6b: The container operating"
            + " system does not match the host operating system."
      })
  @DisplayName(
      "errors the seed's entries do not explain get no known-issue answer (an everyday failure"
          + " mode may explain them)")
  void silent(String paste) {
    Diagnosis d = matcher.diagnose(paste);

    assertThat(d.confident())
        .as("known issues answered, got %s", d.matches())
        .noneMatch(m -> m.entry().kind() == Kind.KNOWN_ISSUE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Internal error pulling certificate for registry.corp.example.com: secret"
            + " projects/123/secrets/registry-ca/versions/latest not accessible",
        "Dec 01 03:12:09 gke-prod-pool-1-abcd configure.sh[812]: Internal error pulling"
            + " certificate: rpc error: code = PermissionDenied desc = Permission denied on"
            + " resource",
        "i nodi nuovi loggano \"Internal error pulling certificate\" e poi i pull dal nostro"
            + " registry falliscono con x509, cosa controllo?"
      })
  @DisplayName(
      "a line holding a phrase of the seed's Logs Explorer query is answered, whatever follows it")
  void seedQueryPhraseIsAnswered(String paste) {
    for (Matcher m : List.of(matcher, seedOnly)) {
      Diagnosis d = m.diagnose(paste);

      assertThat(d.top())
          .hasValueSatisfying(
              x -> assertThat(x.entry().id()).isEqualTo("private-registry-certificate-missing"));
      assertThat(d.reply()).as("reply, got %s", d.matches()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Internal error occurred: failed calling webhook \"validate.nginx.ingress.kubernetes.io\":"
            + " failed to call webhook: Post \"https://ingress-nginx-controller-admission"
            + ".ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s\": x509: certificate"
            + " signed by unknown authority",
        "Error from server (InternalError): Internal error occurred: conversion webhook for"
            + " cert-manager.io/v1, Kind=Certificate failed: Post"
            + " \"https://cert-manager-webhook.cert-manager.svc:443/convert?timeout=30s\": x509:"
            + " certificate has expired or is not yet valid",
        "Error from server (InternalError): error when creating \"cert.yaml\": Internal error"
            + " occurred: failed calling webhook \"webhook.cert-manager.io\": the server could"
            + " not find the requested certificate"
      })
  @DisplayName("a short signature missing one of its words is another sentence, not an answer")
  void shortSignatureMissingAWordIsNotAnswered(String paste) {
    for (Matcher m : List.of(matcher, seedOnly)) {
      Diagnosis d = m.diagnose(paste);

      assertThat(d.matches())
          .filteredOn(x -> x.entry().id().equals("private-registry-certificate-missing"))
          .allSatisfy(x -> assertThat(x.confidence()).isLessThan(Matcher.REPLY_THRESHOLD));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$ kubectl exec -n db pg-0 -- ls -l /dev/pgdata\nls: cannot access '/dev/pgdata': No such"
            + " file or directory",
        "user@bastion:~$ kubectl exec -it web-0 -- cat /etc/app/app.conf\ncat: /etc/app/app.conf:"
            + " No such file or directory"
      })
  @DisplayName("a command typed at a prompt lends no words to an error string below it")
  void commandsLendNoWords(String paste) {
    Diagnosis d = matcher.diagnose(paste.replace("\\n", "\n"));

    assertThat(d.reply()).as("answered %s", d.matches()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "it's not OOMKilled, exit code is 1 and the app just exits",
        "this is not ImagePullBackOff, the image is already on the node",
        "Container status: not OOMKilled (exit code 2, the config file is missing)",
        "the pod is not OOMKilled and not in CrashLoopBackOff, it just returns 500",
        "it isn't CrashLoopBackOff, pod is Running and Ready",
        "non è OOMKilled",
        "non è un problema di OOMKilled, il pod risponde 500",
        "non è un OOMKilled e non è un CrashLoopBackOff: il pod è Running ma risponde 500"
      })
  @DisplayName("an error the person denies is not answered")
  void deniedErrorsAreNotAnswered(String paste) {
    Diagnosis d = matcher.diagnose(paste);

    assertThat(d.reply()).as("answered %s", d.matches()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x509: certificate signed by unknown authority",
        "tls: failed to verify certificate: x509: certificate has expired or is not yet valid",
        "http: server gave HTTP response to HTTPS client",
        "unexpected status code 500 Internal Server Error"
      })
  @DisplayName(
      "the frame of a not-found chain around another cause is not answered as not found, with"
          + " any pack")
  void aChainWhoseCauseIsAnotherIsNotThatError(String cause) {
    String paste =
        "Warning  Failed  12s  kubelet  Failed to pull image \"harbor.corp.example/app/api:2.1\":"
            + " rpc error: code = Unknown desc = failed to pull and unpack image"
            + " \"harbor.corp.example/app/api:2.1\": failed to resolve reference"
            + " \"harbor.corp.example/app/api:2.1\": failed to do request: Head"
            + " \"https://harbor.corp.example/v2/app/api/manifests/2.1\": "
            + cause;
    for (Matcher m : List.of(matcher, everydayOnly)) {
      Diagnosis d = m.diagnose(paste);

      assertThat(d.confident())
          .as("answered %s", d.matches())
          .noneMatch(x -> x.entry().id().equals("image-pull-not-found"));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "pod-ip-exhaustion|no IP addresses available in range set: 10.1.1.1-10.1.1.62|no IP"
            + " addresses available",
        "private-registry-x509|i pull da harbor falliscono con x509: certificate signed by"
            + " unknown authority, perché?|x509: certificate signed by unknown authority"
      })
  @DisplayName("a cause the paste quotes is shown as evidence, even when the words weigh more")
  void quotedCauseIsEvidence(String entry, String paste, String shown) {
    Diagnosis d = matcher.diagnose(paste);

    assertThat(d.top())
        .hasValueSatisfying(
            m -> {
              assertThat(m.entry().id()).isEqualTo(entry);
              assertThat(m.evidence())
                  .singleElement()
                  .satisfies(e -> assertThat(e.text()).contains(shown));
            });
  }
}
