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

  @Test
  @DisplayName("secrets given as command-line flags lose their value, other flags keep theirs")
  void masksFlags() {
    assertThat(Redactor.redact("psql --password hunter2 --host db"))
        .isEqualTo("psql --password [redacted] --host db");
    assertThat(Redactor.redact("vault login --token s.abcdef12345 -method=token"))
        .isEqualTo("vault login --token [redacted] -method=token");
    assertThat(Redactor.redact("oidc --client-secret 'Zx9-abc_123' --client-id app"))
        .isEqualTo("oidc --client-secret '[redacted]' --client-id app");
    assertThat(Redactor.redact("docker login -u robot -p hunter2 registry.example.com"))
        .isEqualTo("docker login -u robot -p [redacted] registry.example.com");
    assertThat(Redactor.redact("helm registry login reg.example.com -u bob -pS3cr3tValue"))
        .isEqualTo("helm registry login reg.example.com -u bob -p[redacted]");
    assertThat(Redactor.redact("mysql -uroot -phunter2 -h 10.0.0.3 shop"))
        .isEqualTo("mysql -uroot -p[redacted] -h 10.0.0.3 shop");
    assertThat(Redactor.redact("redis-cli -h cache -a hunter2 ping"))
        .isEqualTo("redis-cli -h cache -a [redacted] ping");
    assertThat(Redactor.redact("curl -u admin:hunter2 https://x"))
        .isEqualTo("curl -u admin:[redacted] https://x");
    // Flags that only say where a secret is, and a prompt for one, are left alone.
    String stdin = "echo $P | docker login --password-stdin -u robot registry.example.com";
    assertThat(Redactor.redact(stdin)).isEqualTo(stdin);
    String prompt = "mysql -u root -p shop";
    assertThat(Redactor.redact(prompt)).isEqualTo(prompt);
    String file = "kubectl --token-file /var/run/token get pods";
    assertThat(Redactor.redact(file)).isEqualTo(file);
  }

  @Test
  @DisplayName("Docker config auth values, also base64-encoded whole, are masked")
  void masksDockerConfig() {
    assertThat(Redactor.redact("{\"auths\":{\"reg.io\":{\"auth\": \"cm9ib3Q6aHVudGVyMg==\"}}}"))
        .isEqualTo("{\"auths\":{\"reg.io\":{\"auth\": \"[redacted]\"}}}");
    assertThat(Redactor.redact("  .dockerconfigjson: eyJhdXRocyI6eyJyZWcuaW8iOnt9fX0="))
        .isEqualTo("  .dockerconfigjson: [redacted]");
    assertThat(
            Redactor.redact(
                "pull access denied, repository does not exist or may require 'docker login'"))
        .isEqualTo("pull access denied, repository does not exist or may require 'docker login'");
  }

  @Test
  @DisplayName("npm, Stripe, fine-grained GitHub tokens, refresh tokens and webhooks are masked")
  void masksMoreTokens() {
    String r =
        Redactor.redact(
            "npm_abcdefghijklmnopqrstuvwxyz0123456789 sk_live_abcdefghijklmnop1234"
                + " github_pat_11ABCDEFG0123456789_abcdefghijkl 1//0gAbCdEfGhIjKlMnOpQrStUv"
                + " https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX");
    assertThat(r)
        .doesNotContain("npm_abc", "sk_live_abc", "github_pat_11", "1//0gAb", "XXXXXXXX")
        .contains("hooks.slack.com/[redacted]");
  }

  @Test
  @DisplayName(
      "a runtime's own words after 'token:' stay readable, a value that could be a secret does not")
  void keepsErrorWordsAfterTokenKeys() {
    String pull =
        "failed to authorize: failed to fetch oauth token: unexpected status from GET request to"
            + " https://europe-docker.pkg.dev/v2/token: 403 Forbidden";

    assertThat(Redactor.redact(pull)).isEqualTo(pull);
    assertThat(Redactor.redact("token: unexpected42 and password: hunter2"))
        .doesNotContain("unexpected42", "hunter2");
  }

  @Test
  @DisplayName(
      "Docker Hub and API-key tokens, and *_PASS, auth, session and cookie values are masked")
  void masksRegistryTokensAndShortKeys() {
    String s =
        "docker login -u bob --password-stdin <<< dckr_pat_AbCdEfGhIjKlMnOpQrStUv"
            + " key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx DB_PASS=Hunter2Secret"
            + " DOCKER_PASS=Tr0ub4dor auth=Ym9iOkh1bnRlcjJTZWNyZXQ= session=9f8e7d6c5b"
            + " cookie: sid=a1b2c3d4e5";

    assertThat(Redactor.redact(s))
        .doesNotContain(
            "dckr_pat_AbCd",
            "sk-proj-AbCd",
            "Hunter2Secret",
            "Tr0ub4dor",
            "Ym9iOkh1",
            "9f8e7d6c5b",
            "a1b2c3d4e5");
  }

  @Test
  @DisplayName(
      "a kubeconfig user's key, certificate and tokens are masked, its names and paths are kept")
  void masksKubeconfigCredentials() {
    String kubeconfig =
        String.join(
            "\n",
            "users:",
            "- name: gke_proj_europe-west1_prod",
            "  user:",
            "    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3",
            "    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NB",
            "    token: 8f3e2a91c4d7b6e5f0a1b2c3d4e5f6a7",
            "    auth-provider:",
            "      config:",
            "        id-token: eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwcyJ9.c2lnbmF0dXJlc2ln",
            "        refresh-token: r3fr3sh-T0ken-Value",
            "    client-key: /home/me/.minikube/profiles/minikube/client.key");

    String r = Redactor.redact(kubeconfig);

    assertThat(r)
        .doesNotContain(
            "LS0tLS1", "8f3e2a91", "eyJhbGci", "r3fr3sh", "BDRVJU", "BSU0Eg", "c2lnbmF0")
        .contains(
            "client-certificate-data: [redacted]",
            "client-key-data: [redacted]",
            "token: [redacted]",
            "refresh-token: [redacted]",
            "name: gke_proj_europe-west1_prod",
            "client-key: /home/me/.minikube/profiles/minikube/client.key");
    // A base64 PEM block is masked under any key (a Secret's tls.key).
    assertThat(Redactor.redact("  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t"))
        .isEqualTo("  tls.key: [redacted]");
  }

  @Test
  @DisplayName(
      "Vault, GitHub, Slack, GitLab and npm tokens are masked, a short or lower-case s.word is not")
  void masksVaultAndForgeTokens() {
    String s =
        "VAULT_TOKEN hvs.CAESIJ3k9xQm2AbCdEfGhIjKlMnOpQrStUv and"
            + " hvb.AAAAAQJ7xQm2AbCdEfGhIjKlMnOpQrStUvWx and s.Ab3dEfGhIjKlMnOpQrStUvWx"
            + " gho_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 xoxp-1234-5678-AbCdEfGh"
            + " glpat-AbCdEfGhIjKlMnOpQrSt npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

    assertThat(Redactor.redact(s))
        .doesNotContain(
            "CAESIJ3k", "AAAAAQJ7", "Ab3dEfGh", "gho_AbCd", "1234-5678", "glpat-Ab", "npm_AbCd")
        .startsWith("VAULT_TOKEN [redacted] and [redacted] and [redacted] ");
    String prose = "see pods.abcdefghijklmnopqrstuvwxyz and s.abcdefghijklmnopqrstuvwxyz";
    assertThat(Redactor.redact(prose)).isEqualTo(prose);
  }

  @Test
  @DisplayName(
      "a signed URL loses its signature and keeps its expiry and version (Azure SAS, S3, GCS)")
  void masksUrlSignatures() {
    assertThat(
            Redactor.redact(
                "GET https://acct.blob.core.windows.net/c/b.tgz?sv=2021-08-06&se=2026-01-01T00%3A00Z"
                    + "&sr=b&sp=r&sig=AbCdEf0123456789%2BxyzAbCdEf%3D: 403"))
        .isEqualTo(
            "GET https://acct.blob.core.windows.net/c/b.tgz?sv=2021-08-06&se=2026-01-01T00%3A00Z"
                + "&sr=b&sp=r&sig=[redacted]: 403");
    assertThat(
            Redactor.redact(
                "https://b.s3.amazonaws.com/k?X-Amz-Expires=300&X-Amz-Signature=9f8e7d6c5b4a3f2e"))
        .isEqualTo("https://b.s3.amazonaws.com/k?X-Amz-Expires=300&X-Amz-Signature=[redacted]");
    assertThat(
            Redactor.redact(
                "Endpoint=sb://x.servicebus.windows.net/;SharedAccessSignature=sv=2022&sig=Zx9Yw8Vu7"))
        .doesNotContain("Zx9Yw8Vu7");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "FATAL: password authentication failed for user \"postgres\"",
        "Error response from daemon: Get https://reg.example.com/v2/: no basic auth credentials",
        "Error: invalid username/password: unauthorized: authentication required",
        "Head https://reg.example.com/v2/app/manifests/1: unauthorized: authentication required",
        "failed to resolve reference \"docker.io/library/app:1\": pull access denied, repository"
            + " does not exist or may require authorization: server message: insufficient_scope:"
            + " authorization failed",
        "Calico unauthorized: restart the calico-node pods",
        "the password is wrong",
        "the password was rotated yesterday and the pull still fails",
        "la password \u00e8 scaduta",
        "la password \u00e8 sbagliata, come la cambio?",
        "the token is expired",
        "password required",
        "with password authentication the login fails",
        "no credentials for docker.io/library/nginx",
        "error getting credentials from reg.example.com:5000 - err: exit status 1",
        "Secret \"regcred\" not found",
        "the secret is regcred in namespace shop",
        "TOKEN=$(gcloud auth print-access-token)",
        "PASSWORD=${DB_PASSWORD} psql -h db"
      })
  @DisplayName("ordinary error text and questions about passwords stay readable")
  void keepsOrdinaryTextAboutCredentials(String line) {
    assertThat(Redactor.redact(line)).isEqualTo(line);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "Liveness probe failed: HTTP probe failed with statuscode: 500 password='<S>'",
        "PASSWORD: '<S>'",
        "DB_PASSWORD=<S>",
        "{\"password\":\"<S>\"}",
        "client_secret = \"<S>\"",
        "--docker-password=<S>",
        "PGPASSWORD=<S> psql -h db",
        "api_key: <S>",
        "redis://:<S>@redis:6379",
        "https://bot:<S>@registry.example.com/v2/",
        "token=<S>&user=ci",
        "the password is <S>",
        "The password was <S> and the pull still fails",
        "la password \u00e8 <S>",
        "la password era \"<S>\" ma non va",
        "I tried password: <S> but it fails",
        "machine registry.example.com login robot password <S>",
        "  password <S>",
        "docker login with password <S>",
        "credenziali admin:<S>",
        "credentials admin:<S>",
        "with credentials admin/<S> on the registry",
        "username/password: admin:<S>",
        "    client-key-data: <S>",
        "    client-certificate-data: <S>",
        "    id-token: <S>",
        "    refresh-token: <S>"
      })
  @DisplayName(
      "no six characters of a password survive, whatever its quotes and punctuation ('&', ';',"
          + " ',', '@', spaces in quotes)")
  void noPieceOfAPasswordSurvives(String template) {
    for (String secret :
        java.util.List.of("Tr0ub4dor&3horse", "Pa55;w0rd,XYZ", "p@ssw0rd123@x", "hunter2hunter2")) {
      String redacted = Redactor.redact(template.replace("<S>", secret));
      for (int i = 0; i + 6 <= secret.length(); i++) {
        assertThat(redacted)
            .as(template + " / " + secret)
            .doesNotContain(secret.substring(i, i + 6));
      }
    }
  }
}
