package io.kubeload.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point down the pipeline only (docs/architecture.md). */
class ArchitectureTest {

  /** The main code's classes, imported once for every rule here and in this package's other tests. */
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kubeload");

  private static final String CAPTURE = "io.kubeload.cluster.capture..";

  @Test
  void stagesDependOnlyOnTheStagesBeforeThem() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy("io.kubeload.cli..")
        .layer("analysis")
        .definedBy("io.kubeload.analysis..")
        .layer("capture")
        .definedBy(CAPTURE)
        .layer("metrics")
        .definedBy("io.kubeload.cluster.metrics..")
        .layer("report")
        .definedBy("io.kubeload.report..")
        .layer("gate")
        .definedBy("io.kubeload.gate..")
        .layer("model")
        .definedBy("io.kubeload.model..")
        .layer("access")
        .definedBy("io.kubeload.access..")
        .layer("workload")
        .definedBy("io.kubeload.workload..")
        .layer("cluster")
        .definedBy("io.kubeload.cluster")
        .layer("manifest")
        .definedBy("io.kubeload.manifest..")
        .layer("yaml")
        .definedBy("io.kubeload.yaml..")
        .layer("text")
        .definedBy("io.kubeload.text..")
        .layer("parallel")
        .definedBy("io.kubeload.parallel..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("analysis")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("capture")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("metrics")
        .mayOnlyBeAccessedByLayers("cli", "capture")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("gate")
        .mayOnlyBeAccessedByLayers("cli", "analysis", "report")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("cli", "analysis", "report", "gate")
        .whereLayer("access")
        .mayOnlyBeAccessedByLayers("cli", "analysis", "report", "gate", "model")
        .whereLayer("workload")
        .mayOnlyBeAccessedByLayers("cli", "analysis", "report", "gate", "model", "access")
        .whereLayer("cluster")
        .mayOnlyBeAccessedByLayers(
            "cli",
            "analysis",
            "capture",
            "metrics",
            "report",
            "gate",
            "model",
            "access",
            "workload")
        .whereLayer("manifest")
        .mayOnlyBeAccessedByLayers(
            "cli",
            "analysis",
            "capture",
            "metrics",
            "report",
            "gate",
            "model",
            "access",
            "workload")
        .whereLayer("yaml")
        .mayNotAccessAnyLayer()
        .whereLayer("text")
        .mayNotAccessAnyLayer()
        .whereLayer("parallel")
        .mayNotAccessAnyLayer()
        .check(CLASSES);
  }

  /** The rule: no two top-level packages reach each other, however indirectly. */
  @Test
  void topLevelPackagesAreFreeOfCycles() {
    slices().matching("io.kubeload.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  /**
   * One slice per package, so a cycle between a package and its own sub-package (which the top-level rule folds into one
   * slice), such as access and access.catalog, fails too.
   */
  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.kubeload.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  /**
   * Only the command line reads files and standard input (and capture, its kubeconfig): every stage
   * parses the bytes it is given, so a stage can be called as a library (analysis.Analyzer) and its
   * errors never depend on the file system.
   */
  @Test
  void onlyTheCliReadsFiles() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.kubeload.cli..", CAPTURE)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Paths")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileInputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileReader")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.RandomAccessFile")
        .orShould()
        .accessField(System.class, "in")
        .check(CLASSES);
  }

  @Test
  void onlyTheCliKnowsPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.kubeload.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(CLASSES);
  }

  /** Only capture talks to a cluster; analyze and everything else never open a connection. */
  @Test
  void onlyCaptureOpensNetworkConnections() {
    noClasses()
        .that()
        .resideOutsideOfPackage(CAPTURE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "io.fabric8.kubernetes.client..", "okhttp3..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.Socket")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.URLConnection")
        .check(CLASSES);
  }

  /** Within the CLI, ProfileCapture alone reaches capture (not even the command: AnalyzeStaysOfflineTest). */
  @Test
  void onlyTheCaptureCommandReachesCapture() {
    noClasses()
        .that()
        .resideOutsideOfPackage(CAPTURE)
        .and()
        .haveNameNotMatching("io\\.kubeload\\.cli\\.ProfileCapture(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CAPTURE)
        .check(CLASSES);
  }

  /**
   * A workload holds its fabric8 pod spec as the manifest stage bound it: later stages only read it (a pod spec they
   * make up, as for an operator's workloads, they build with fabric8's builders), so every record that holds one stays
   * as immutable as the stage that built it. The capture's client configuration is not a Kubernetes object.
   */
  @Test
  void onlyTheManifestStageFillsFabric8Objects() {
    DescribedPredicate<JavaMethodCall> fabric8Setter =
        DescribedPredicate.describe(
            "a setter of a fabric8 object",
            call ->
                call.getTargetOwner().getPackageName().startsWith("io.fabric8.kubernetes.api.model")
                    && call.getName().startsWith("set"));
    noClasses()
        .that()
        .resideOutsideOfPackage("io.kubeload.manifest..")
        .should()
        .callMethodWhere(fabric8Setter)
        .check(CLASSES);
  }
}
