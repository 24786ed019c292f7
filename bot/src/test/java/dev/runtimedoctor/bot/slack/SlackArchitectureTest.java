package dev.runtimedoctor.bot.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
