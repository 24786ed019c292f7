package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DenialsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "it's not OOMKilled|OOMKilled",
        "the pod is not OOMKilled and not in CrashLoopBackOff, it returns 500|CrashLoopBackOff",
        "the pod is not OOMKilled and not in CrashLoopBackOff, it returns 500|OOMKilled",
        "it isn't CrashLoopBackOff, pod is Running|CrashLoopBackOff",
        "no ImagePullBackOff anymore since the fix|ImagePullBackOff",
        "neither OOMKilled nor ErrImagePull, the app exits 1|ErrImagePull",
        "non è OOMKilled|OOMKilled",
        "non è un problema di OOMKilled, il pod risponde 500|OOMKilled",
        "il pod non va in CrashLoopBackOff, resta Running|CrashLoopBackOff",
        "NOT OOMKilled, exit code 2|OOMKilled",
        "it doesn't get OOMKilled, it just restarts|OOMKilled"
      })
  @DisplayName("a reason's name after a negation, in English or Italian, is taken out")
  void deniedNamesAreTakenOut(String line, String name) {
    assertThat(Denials.strip(line)).doesNotContain(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "node gke-prod-1 is not ready: NotReady since 10 minutes",
        "Readiness probe failed: HTTP probe failed with statuscode: 503",
        "cat: /etc/mtab: No such file or directory",
        "Back-off restarting failed container app in pod web-1: CrashLoopBackOff",
        "web-1   0/1   CrashLoopBackOff   7   12m",
        "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: no"
            + " preemption victims found for incoming pod.",
        "failed to pull image: not found, so the pod went to ImagePullBackOff",
        "the pod doesn't start, CrashLoopBackOff after 3 restarts"
      })
  @DisplayName("lines that report an error, states and names not after a negation, stay whole")
  void reportsStayWhole(String line) {
    assertThat(Denials.strip(line)).isEqualTo(line);
  }
}
