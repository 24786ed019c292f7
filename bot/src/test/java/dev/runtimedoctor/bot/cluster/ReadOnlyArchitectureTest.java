package dev.runtimedoctor.bot.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Nothing in the code base can write to a cluster, exec, attach, port-forward, proxy, read logs or
 * read secrets: only {@link KubeClusterReader} touches fabric8's client, and it calls nothing but
 * the reads (and the setup) listed here.
 */
class ReadOnlyArchitectureTest {
  private static final String CLIENT = "io.fabric8.kubernetes.client";
  private static final String READER = KubeClusterReader.class.getName();

  /** Methods that change a cluster or reach into a container, whatever class declares them. */
  private static final Set<String> FORBIDDEN =
      Set.of(
          "create",
          "createOr",
          "createOrReplace",
          "update",
          "updateStatus",
          "patch",
          "patchStatus",
          "delete",
          "edit",
          "editStatus",
          "replace",
          "replaceStatus",
          "apply",
          "serverSideApply",
          "scale",
          "rolling",
          "evict",
          "exec",
          "attach",
          "portForward",
          "getLog",
          "log",
          "watchLog",
          "watch",
          "inform",
          "informOnCondition",
          "runnableInformer",
          "redirectingInput",
          "writingOutput",
          "writingError",
          "upload",
          "file",
          "dir",
          "secrets",
          "raw",
          "proxy",
          "resource",
          "resourceList",
          "load",
          "genericKubernetesResources",
          "getHttpClient");

  /** Every fabric8 client method the reader may call: navigation, get, list and setup. */
  private static final Set<String> ALLOWED =
      Set.of(
          // navigation to the six resources and their reads
          "nodes",
          "pods",
          "v1",
          "events",
          "namespaces",
          "admissionRegistration",
          "mutatingWebhookConfigurations",
          "validatingWebhookConfigurations",
          "inNamespace",
          "inAnyNamespace",
          "withName",
          "get",
          "list",
          // GET /version, a non-resource URL every authenticated user may read
          "getKubernetesVersion",
          "getGitVersion",
          // configuration and lifecycle
          "fromKubeconfig",
          // the kubeconfig file read again, to name a current-context it does not hold
          "parseConfig",
          "empty",
          "setConnectionTimeout",
          "setRequestTimeout",
          "setRequestRetryBackoffLimit",
          "setMasterUrl",
          "setCaCertFile",
          "setOauthTokenProvider",
          "getCurrentContext",
          "getContexts",
          "getMasterUrl",
          "withConfig",
          "build",
          "close",
          "<init>",
          // reading a failure
          "getCode",
          "getStatus",
          "getMessage");

  private final JavaClasses codeBase =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.runtimedoctor");

  @Test
  @DisplayName("only KubeClusterReader depends on fabric8's client")
  void onlyTheReaderTouchesTheClient() {
    onlyTheReader().check(codeBase);
  }

  @Test
  @DisplayName("no class calls a writing, exec, attach, log, watch or secrets method of fabric8")
  void nothingWrites() {
    noWrites().check(codeBase);
  }

  @Test
  @DisplayName("the reader calls only the fabric8 client methods on the allow-list")
  void readerCallsOnlyReads() {
    classes().that(isTheReader()).should(callOnlyAllowedClientMethods()).check(codeBase);
  }

  @Test
  @DisplayName("the rules catch a class that deletes pods and reads secrets")
  void rulesBite() {
    JavaClasses bad = new ClassFileImporter().importClasses(BadReader.class);
    assertThatThrownBy(() -> onlyTheReader().check(bad)).hasMessageContaining("BadReader");
    assertThatThrownBy(() -> noWrites().check(bad))
        .hasMessageContaining("delete()")
        .hasMessageContaining("secrets()");
  }

  private static ArchRule onlyTheReader() {
    return noClasses()
        .that(isNotTheReader())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CLIENT + "..")
        .because("the read-only wrapper is the one door to the cluster");
  }

  private static ArchRule noWrites() {
    return noClasses()
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a fabric8 method that writes or reaches into containers",
                (JavaMethodCall call) ->
                    call.getTargetOwner().getPackageName().startsWith("io.fabric8")
                        && FORBIDDEN.contains(call.getName())));
  }

  private static DescribedPredicate<JavaClass> isTheReader() {
    return DescribedPredicate.describe(
        "KubeClusterReader",
        c -> c.getName().equals(READER) || c.getName().startsWith(READER + "$"));
  }

  private static DescribedPredicate<JavaClass> isNotTheReader() {
    return DescribedPredicate.not(isTheReader());
  }

  private static ArchCondition<JavaClass> callOnlyAllowedClientMethods() {
    return new ArchCondition<>("call only allowed fabric8 client methods") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaAccess<?> access : c.getAccessesFromSelf()) {
          String owner = access.getTargetOwner().getPackageName();
          if (owner.startsWith(CLIENT) && !ALLOWED.contains(access.getName())) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        }
      }
    };
  }
}
