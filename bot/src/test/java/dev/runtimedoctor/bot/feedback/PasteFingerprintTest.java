package dev.runtimedoctor.bot.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.http.SlackHarness;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasteFingerprintTest {
  private static final String FIRST =
      "E0304 10:05:00.123456    1234 kuberuntime_manager.go:815] CreatePodSandbox for pod"
          + " \"web-7d9c8b6f5d-xk2lp_shop(5f0c2e9d-8b7a-4c1e-9d3f-0a1b2c3d4e5f)\" failed: rpc"
          + " error: code = Unknown desc = mystery plugin refused 10.48.131.7 after 3 attempts";

  private static final String SECOND =
      "E0305 22:41:09.000001    9876 kuberuntime_manager.go:815] CreatePodSandbox for pod"
          + " \"api-5c4b3a2f1e-q9z1w_payments(11111111-2222-3333-4444-555555555555)\" failed: rpc"
          + " error: code = Unknown desc = mystery plugin refused 10.12.0.9 after 12 attempts";

  @Test
  @DisplayName("the same error from other pods, IPs and times has the same fingerprint")
  void variablePartsDoNotCount() {
    assertThat(PasteFingerprint.of(FIRST))
        .hasSize(16)
        .matches("[0-9a-f]{16}")
        .isEqualTo(PasteFingerprint.of(SECOND));
  }

  @Test
  @DisplayName("surrounding noise lines do not change it; another error does")
  void errorLinesDecide() {
    String noisy = "Events:\n  Normal  Scheduled  2m  default-scheduler\n" + FIRST + "\nthanks!";
    assertThat(PasteFingerprint.of(noisy)).isEqualTo(PasteFingerprint.of(FIRST));
    assertThat(PasteFingerprint.of(FIRST.replace("refused", "crashed with error")))
        .isNotEqualTo(PasteFingerprint.of(FIRST));
  }

  @Test
  @DisplayName("a paste with no words has no fingerprint, and the fingerprint holds no text")
  void emptyAndOpaque() {
    assertThat(PasteFingerprint.of("   \n\t")).isEmpty();
    assertThat(PasteFingerprint.of(FIRST)).doesNotContain("mystery", "refused");
  }

  @Test
  @DisplayName("the fingerprint of the matcher's paste equals the one of the text, paste by paste")
  void matcherPasteGivesTheSameFingerprint() {
    List<String> pastes =
        List.of(
            FIRST,
            SECOND,
            "Events:\n  Normal  Scheduled  2m  default-scheduler\n" + FIRST + "\nthanks!",
            "Failed to pull image \"registry.example.com/shop/web:1.4.2\": rpc error: code ="
                + " NotFound desc = failed to pull and unpack image: not found",
            "Warning  FailedCreatePodSandBox  3m  kubelet  Failed to create pod sandbox: rpc"
                + " error: code = DeadlineExceeded desc = context deadline exceeded",
            "api-6c9f7d8b9d-7xk2p  0/1  CrashLoopBackOff  7 (2m ago)  14m",
            "il pod non parte, errore: impossibile montare il volume pvc-1234abcd",
            "x509: certificate signed by unknown authority\nOOMKilled\nexit code 137",
            "hello there",
            "   \n\t",
            "");
    for (String paste : pastes) {
      assertThat(PasteFingerprint.of(SlackHarness.SERVICE.diagnose(paste).paste()))
          .as(paste)
          .isEqualTo(PasteFingerprint.of(paste));
    }
  }
}
