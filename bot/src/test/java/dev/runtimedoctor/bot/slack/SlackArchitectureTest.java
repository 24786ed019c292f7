package dev.runtimedoctor.bot.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.runtimedoctor.bot.cli.Main;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.config.Environment;
import dev.runtimedoctor.bot.slack.pipeline.Admission;
import dev.runtimedoctor.bot.slack.pipeline.Diagnoser;
import dev.runtimedoctor.bot.slack.pipeline.PasteReading;
import dev.runtimedoctor.bot.slack.pipeline.ThreadAnswerer;
import dev.runtimedoctor.bot.slack.pipeline.ThreadReply;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Slack side flows one way: Bolt listeners ({@code handler}) call the stages of a message
 * ({@code pipeline}), which call rendering, the Web API and bounded memory ({@code render}, {@code
 * api}, {@code state}); only the composition root ({@code serve}) builds them all. The HTTP adapter
 * knows nothing of diagnosis or clusters, and no product class reaches a test fake.
 */
class SlackArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.runtimedoctor");

  @Test
  @DisplayName("handler → pipeline → render/api/state, each called only from above")
  void slackLayersFlowOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Wiring")
        .definedBy("dev.runtimedoctor.bot.serve..")
        .layer("Http")
        .definedBy("dev.runtimedoctor.bot.http..")
        .layer("Handler")
        .definedBy("dev.runtimedoctor.bot.slack.handler..")
        .layer("Pipeline")
        .definedBy("dev.runtimedoctor.bot.slack.pipeline..")
        .layer("Render")
        .definedBy("dev.runtimedoctor.bot.slack.render..")
        .layer("State")
        .definedBy("dev.runtimedoctor.bot.slack.state..")
        .layer("Api")
        .definedBy("dev.runtimedoctor.bot.slack.api..")
        .whereLayer("Wiring")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Handler")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Pipeline")
        .mayOnlyBeAccessedByLayers("Wiring", "Handler")
        .whereLayer("Render")
        .mayOnlyBeAccessedByLayers("Wiring", "Handler", "Pipeline")
        .whereLayer("State")
        .mayOnlyBeAccessedByLayers("Wiring", "Handler", "Pipeline")
        .whereLayer("Api")
        .mayOnlyBeAccessedByLayers("Wiring", "Http", "Handler", "Pipeline", "Render")
        .check(MAIN);
  }

  @Test
  @DisplayName("the HTTP adapter imports neither diagnosis nor cluster")
  void httpKnowsNoDiagnosisNorCluster() {
    noClasses()
        .that()
        .resideInAPackage("dev.runtimedoctor.bot.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.runtimedoctor.bot.diagnosis..", "dev.runtimedoctor.bot.cluster..")
        .check(MAIN);
  }

  @Test
  @DisplayName("nothing in the product depends on a test fake")
  void productHasNoFakes() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("Fake")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("..fake..", "..bench..")
        .check(MAIN);
  }

  @Test
  @DisplayName("a message's stages run one way: handlers reach them only through ThreadAnswerer")
  void messageStagesFlowOneWay() {
    noClasses()
        .that()
        .resideInAPackage("dev.runtimedoctor.bot.slack.handler..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(Admission.class, PasteReading.class, ThreadReply.class)
        .check(MAIN);
    noClasses()
        .that()
        .belongToAnyOf(PasteReading.class, Diagnoser.class, ThreadReply.class)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(ThreadAnswerer.class, Admission.class)
        .check(MAIN);
    noClasses()
        .that()
        .belongToAnyOf(Diagnoser.class, ThreadReply.class)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(PasteReading.class)
        .check(MAIN);
  }

  @Test
  @DisplayName(
      "only config and the CLI's entry point read the process environment; only the entry point"
          + " hands its variables to config")
  void onlyConfigReadsTheEnvironment() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.runtimedoctor.bot.config..")
        .and()
        .doNotHaveFullyQualifiedName(Main.class.getName())
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(Environment.class, "of", Map.class)
        .orShould()
        .callMethod(Config.class, "fromEnv", Map.class)
        .check(MAIN);
  }
}
