package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Placeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskerTest {

  static Stream<Arguments> masked() {
    return Stream.of(
        Arguments.of(
            "IP range",
            "no IP addresses available in range set: 10.48.131.1-10.48.131.62",
            "no IP addresses available in range set: <ip-range>"),
        Arguments.of(
            "redacted IP range", "range set: xx.xx.xx.x-xx.xx.xx.xx", "range set: <ip-range>"),
        Arguments.of(
            "CIDR", "overlaps 172.17.0.0/16, and 10.0.0.0/8", "overlaps <cidr>, and <cidr>"),
        Arguments.of(
            "IPv4 with a port",
            "dial tcp 10.0.0.12:443: i/o timeout",
            "dial tcp <ip>:<n>: i/o timeout"),
        Arguments.of("redacted IPv4", "address xx.xx.xx.xxx refused", "address <ip> refused"),
        Arguments.of(
            "digest",
            "failed to extract layer"
                + " sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08:"
                + " mkparent",
            "failed to extract layer <sha256>: mkparent"),
        Arguments.of(
            "UUID", "pod 3f2504e0-4f89-11d3-9a0c-0305e82c3301 deleted", "pod <uuid> deleted"),
        Arguments.of(
            "64-hex container id",
            "sandbox \"8a3c0e1f4b2d6a9c7e5f1d3b0a8c6e4f2d1b9a7c5e3f1d0b8a6c4e2f0d9b7a5c\": plugin",
            "sandbox \"<id>\": plugin"),
        Arguments.of(
            "quoted Linux path",
            "failed to stat \"/var/lib/kubelet/pods/data\": no such file",
            "failed to stat \"<path>\": no such file"),
        Arguments.of(
            "quoted Windows path with escaped backslashes",
            "failed to stat \"C:\\\\ProgramData\\\\containerd\\\\data\": CreateFile",
            "failed to stat \"<path>\": CreateFile"),
        Arguments.of(
            "unquoted Windows path",
            "CreateFile C:\\ProgramData\\containerd\\data: The system cannot find the path",
            "CreateFile <path>: The system cannot find the path"),
        Arguments.of(
            "quoted https URL",
            "Head \"https://registry.corp.internal:5000/v2/app/manifests/1.0\": http: server gave",
            "Head \"<url>\": http: server gave"),
        Arguments.of(
            "unix socket URL",
            "dial unix:///run/containerd/containerd.sock failed",
            "dial <url> failed"),
        Arguments.of("duration in seconds", "timeout 5s exceeded", "timeout <duration> exceeded"),
        Arguments.of(
            "compound duration", "back-off 2m30s restarting", "back-off <duration> restarting"),
        Arguments.of(
            "duration in minutes",
            "restarted 2m ago, back-off 58m",
            "restarted <duration> ago, back-off <duration>"),
        Arguments.of("milliseconds", "took 250ms", "took <duration>"),
        Arguments.of("GKE version", "node 1.24.6-gke.1500 ready", "node <version> ready"),
        Arguments.of(
            "containerd version", "containerd 1.6.18 started", "containerd <version> started"),
        Arguments.of("numbers", "code: 403. exit code 137", "code: <n>. exit code <n>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("variable parts become the placeholders signatures use")
  void masked(String what, String line, String expected) {
    assertThat(Masker.mask(line)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x509: certificate signed by unknown authority",
        "k8s_POD_web-abc_default",
        "io.containerd.runc.v2 and containerd-shim-runc-v2",
        "the v2 API",
        "cat: /etc/mtab: No such file or directory",
        "ls /etc/mtab",
        "e2e tests on ipv4",
        "hcs::System::CreateProcess",
        "reason:NetworkPluginNotReady message:Network plugin returns error",
      })
  @DisplayName("words with digits and unquoted Linux paths are left as they are")
  void notMasked(String line) {
    assertThat(Masker.mask(line)).isEqualTo(line);
  }

  @Test
  @DisplayName("a line with nothing variable is returned as is")
  void unchangedLineIsSameInstance() {
    String line = "cni plugin not initialized";

    assertThat(Masker.mask(line)).isSameAs(line);
  }

  @Test
  @DisplayName("masking an already masked line changes nothing")
  void idempotent() {
    String once =
        Masker.mask(
            "failed to setup network for sandbox"
                + " \"8a3c0e1f4b2d6a9c7e5f1d3b0a8c6e4f2d1b9a7c5e3f1d0b8a6c4e2f0d9b7a5c\":"
                + " no IP addresses available in range set: 10.48.131.1-10.48.131.62 after 5s");

    assertThat(Masker.mask(once)).isEqualTo(once);
  }

  @Test
  @DisplayName("a 1 MB line is masked without trouble")
  void longLine() {
    String line = "10.0.0.1 sha256:abcdef0123456789 ".repeat(30_000);

    String masked = Masker.mask(line);

    assertThat(masked).startsWith("<ip> <sha256> <ip> <sha256>").doesNotContain("10.0.0.1");
  }

  @Test
  @DisplayName("every placeholder the masker writes is one a signature may use")
  void writesOnlyPlaceholdersSignaturesUse() {
    String masked =
        Masker.mask(
            "ip 10.0.0.1 range 10.0.0.1-10.0.0.9 cidr 10.0.0.0/8 digest sha256:abcdef012345"
                + " id 8a3c0e1f4b2d6a9c7e5f uuid 3f2504e0-4f89-11d3-9a0c-0305e82c3301"
                + " path \"/etc/mtab\" url https://example.com/x count 42 after 5s"
                + " version 1.24.6-gke.1500");

    List<Placeholder> written = new ArrayList<>();
    Matcher m = Pattern.compile("<([^>]*)>").matcher(masked);
    while (m.find()) {
      written.add(Placeholder.byLabel(m.group(1)).orElseThrow());
    }

    assertThat(written)
        .containsExactly(
            Placeholder.IP,
            Placeholder.IP_RANGE,
            Placeholder.CIDR,
            Placeholder.SHA256,
            Placeholder.ID,
            Placeholder.UUID,
            Placeholder.PATH,
            Placeholder.URL,
            Placeholder.N,
            Placeholder.DURATION,
            Placeholder.VERSION);
  }
}
