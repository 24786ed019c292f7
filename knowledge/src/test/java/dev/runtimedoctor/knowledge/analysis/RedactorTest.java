package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  @DisplayName("Slack, GitHub, AWS and Google tokens are masked wherever they appear")
  void masksTokens() {
    String s =
        "token xoxb-1234567890-abcdefghij and xapp-1-A0-12345-abcdef"
            + " ghp_abcdefghijklmnopqrstuvwxyz0123456789 AKIAABCDEFGHIJKLMNOP"
            + " AIzaSyA-abcdefghijklmnopqrstuvwxyz012345";
    String r = Redactor.redact(s);
    assertThat(r)
        .doesNotContain("xoxb-1234567890", "xapp-1-A0", "ghp_abc", "AKIAABCD", "AIzaSyA")
        .contains(Redactor.MASK);
  }

  @Test
  @DisplayName("bearer tokens, passwords and URL credentials keep their key and lose their value")
  void masksKeyValues() {
    assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig"))
        .isEqualTo("Authorization: [redacted]");
    assertThat(Redactor.redact("curl -H 'bearer abcdef123456' x"))
        .isEqualTo("curl -H 'bearer [redacted]' x");
    assertThat(Redactor.redact("password=hunter22 user=bob"))
        .isEqualTo("password=[redacted] user=bob");
    assertThat(Redactor.redact("\"client_secret\": \"s3cr3t-value\""))
        .isEqualTo("\"client_secret\": \"[redacted]\"");
    assertThat(Redactor.redact("pull https://robot:pa55word@registry.example.com/x"))
        .isEqualTo("pull https://robot:[redacted]@registry.example.com/x");
  }

  @Test
  @DisplayName("a private key block is masked whole")
  void masksPrivateKeys() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc\n-----END RSA PRIVATE KEY-----";
    assertThat(Redactor.redact("key:\n" + pem + "\ndone")).isEqualTo("key:\n[redacted]\ndone");
  }

  @Test
  @DisplayName("error messages without secrets are left as they are")
  void leavesErrorsAlone() {
    String line =
        "failed to allocate for range 0: no IP addresses available in range set:"
            + " 10.48.131.1-10.48.131.62";
    assertThat(Redactor.redact(line)).isEqualTo(line);
    String x509 = "x509: certificate signed by unknown authority";
    assertThat(Redactor.redact(x509)).isEqualTo(x509);
  }
}
