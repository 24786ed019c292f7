package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorLineTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Error: failed to create containerd task: failed to create shim task: OCI runtime create"
            + " failed: unknown",
        "cat: /etc/mtab: No such file or directory",
        "Warning  Failed  3m  kubelet  Failed to pull image \"a:1\": rpc error: code = Unknown",
        "msg=\"trying next host\" error=\"failed to do request\"",
        "KubeletNotReady runtime network not ready: NetworkReady=false message:docker: network"
            + " plugin is not ready: cni config uninitialized"
      })
  @DisplayName("lines programs print about a failure are error lines")
  void errorLines(String line) {
    assertThat(ErrorLine.is(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dove sono finite le metriche GPU dei nodi containerd?",
        "I get an error when the pod starts, any idea?",
        "mountPath: 'D:' on windows containerd node gives CreateComputeSystem error",
        "thanks, it worked"
      })
  @DisplayName("what people write, even about errors, is prose")
  void proseLines(String line) {
    assertThat(ErrorLine.is(line)).isFalse();
    assertThat(ErrorLine.prosePart(line)).isEqualTo(line);
  }

  @Test
  @DisplayName(
      "a person's words around a quoted error stay prose, a runtime's whole chain does not")
  void prosePartAroundError() {
    String quoted =
        "il pull dal registry privato fallisce con x509: certificate signed by unknown authority";
    assertThat(ErrorLine.prosePart(quoted)).isEqualTo(quoted);
    assertThat(
            ErrorLine.prosePart(
                "il pull fallisce con failed to pull and unpack image \"r/a:1\": failed to resolve"
                    + " reference \"r/a:1\": failed to do request: Head \"https://r/v2/a\": x509:"
                    + " certificate signed by unknown authority"))
        .isEqualTo("il pull fallisce con");
    String sidecar =
        "our sidecar can't reach the app: \"connect: connection refused\" on [::1]:8080."
            + " Why does localhost resolve to ::1?";
    assertThat(ErrorLine.prosePart(sidecar)).isEqualTo(sidecar);
    assertThat(
            ErrorLine.prosePart(
                "Error: failed to create containerd task: failed to create shim task: exec:"
                    + " \"/app\": executable file not found in $PATH: unknown"))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "a semicolon and lowercase words end a quoted error; a runtime's '; Skipping' does not")
  void semicolonEndsAQuotedError() {
    String quoted =
        "pulls from our Artifactory fail with x509: certificate signed by unknown authority; docker"
            + " nodes had the CA in certs.d";
    assertThat(ErrorLine.prosePart(quoted)).isEqualTo(quoted);
    assertThat(
            ErrorLine.prosePart(
                "Failed to setup network for pod \"web-1_default\" using network plugins \"cni\":"
                    + " cni config uninitialized; Skipping pod"))
        .isEmpty();
  }
}
