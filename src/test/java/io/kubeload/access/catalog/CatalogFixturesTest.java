package io.kubeload.access.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.Access;
import io.kubeload.access.AccessSet;
import io.kubeload.access.NoteKind;
import io.kubeload.access.inference.AccessInference;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.LoadModel;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.testing.RealManifests;
import io.kubeload.testing.TestManifests;
import io.kubeload.workload.Workload;
import io.kubeload.workload.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every catalog entry on the project's own minimal manifests (src/test/resources/catalog/, one
 * folder per component, its expectations in expected.yaml): the accesses the catalog reads, the
 * notes it raises and the scaling class the model gives, in a harmful and a fixed configuration,
 * and, for an entry whose accesses depend on its configuration, with that configuration unread.
 */
class CatalogFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/catalog");

  /** @param basis how the basis starts: {@code catalog: } unless the catalog leaves the decision to RBAC */
  record Expected(
      String fixture,
      String workload,
      String basis,
      String scaling,
      List<String> accesses,
      List<String> notes) {
    @Override
    public String toString() {
      return fixture + " " + workload;
    }
  }

  static Stream<Expected> expectations() throws IOException {
    List<Expected> out = new ArrayList<>();
    for (Path dir : folders()) {
      Map<String, Map<String, Map<String, Object>>> expected =
          new Yaml().load(Files.readString(dir.resolve("expected.yaml")));
      expected.forEach(
          (file, workloads) ->
              workloads.forEach(
                  (ref, e) ->
                      out.add(
                          new Expected(
                              dir.getFileName() + "/" + file,
                              ref,
                              String.valueOf(e.getOrDefault("basis", "catalog: ")),
                              String.valueOf(e.get("scaling")),
                              strings(e.get("accesses")),
                              strings(e.get("notes"))))));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void theCatalogReadsEachFixtureAsExpected(Expected e) throws IOException {
    ClusterProfile production = TestManifests.production();
    List<AccessSet> sets = accessSets(FIXTURES.resolve(e.fixture()), production);
    AccessSet set =
        sets.stream()
            .filter(s -> s.workload().ref().toString().equals(e.workload()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(e.workload() + " is not in " + e.fixture()));
    assertThat(set.basis()).as("basis").startsWith(e.basis());
    assertThat(set.accesses().stream().map(Access::describe).sorted().toList())
        .as("accesses")
        .isEqualTo(e.accesses());
    assertThat(set.notes().stream().map(n -> n.kind().id()).distinct().sorted().toList())
        .as("notes")
        .isEqualTo(e.notes());
    if (e.basis().startsWith("catalog")) {
      assertThat(set.accesses())
          .allSatisfy(
              a -> assertThat(a.provenance().detail()).startsWith("entry ").contains("(source "));
    }
    WorkloadLoad load = LoadModel.project(List.of(set), production).workloads().get(0);
    assertThat(load.scalingClass().label()).as("scaling class").isEqualTo(e.scaling());
  }

  /** Every workload of every fixture is expected: none is read silently. */
  @Test
  void everyFixtureWorkloadHasAnExpectation() throws IOException {
    Set<String> expected = new TreeSet<>();
    expectations().forEach(e -> expected.add(e.fixture() + " " + e.workload()));
    Set<String> found = new TreeSet<>();
    for (Path dir : folders()) {
      for (Path file : fixtureFiles(dir)) {
        accessSets(file, TestManifests.production())
            .forEach(
                s ->
                    found.add(
                        dir.getFileName() + "/" + file.getFileName() + " " + s.workload().ref()));
      }
    }
    assertThat(found).isEqualTo(expected);
  }

  /**
   * Each entry is recognised in some fixture; an entry whose accesses depend on settings (conditions,
   * switches, repetitions, discoveries, notes) in at least two workloads, its harmful and its fixed
   * configuration.
   */
  @Test
  void everyEntryIsTriedInAHarmfulAndAFixedConfiguration() throws IOException {
    Map<String, Set<String>> workloadsByEntry = new TreeMap<>();
    for (Path dir : folders()) {
      for (Path file : fixtureFiles(dir)) {
        ManifestSet manifests = read(file);
        for (Workload w : Workloads.from(manifests, TestManifests.production())) {
          CatalogInference.infer(w, manifests)
              .recognised()
              .forEach(
                  r ->
                      workloadsByEntry
                          .computeIfAbsent(r.entry().name(), k -> new TreeSet<>())
                          .add(file + " " + w.ref()));
        }
      }
    }
    for (CatalogEntry entry : Catalog.entries()) {
      boolean switchable =
          !entry.notes().isEmpty()
              || entry.accesses().stream()
                  .anyMatch(
                      a ->
                          a.when().isPresent()
                              || !a.switches().isEmpty()
                              || a.target().forEach().isPresent()
                              || a.target().discoveries().isPresent());
      assertThat(workloadsByEntry.getOrDefault(entry.name(), Set.of()))
          .as("fixtures recognising %s", entry.name())
          .hasSizeGreaterThanOrEqualTo(switchable ? 2 : 1);
    }
  }

  /**
   * An entry whose accesses depend on its configuration is tried with that configuration unread:
   * it then either says what it assumes (promtail's chart default) or leaves the decision to RBAC,
   * and either way the pods are not read as making no requests.
   */
  @Test
  void everyConfigDrivenEntryIsTriedWithItsConfigurationUnread() throws IOException {
    Set<String> triedUnread = new TreeSet<>();
    for (Path dir : folders()) {
      for (Path file : fixtureFiles(dir)) {
        ManifestSet manifests = read(file);
        for (Workload w : Workloads.from(manifests, TestManifests.production())) {
          AccessSet set = AccessInference.infer(w, manifests);
          if (set.notes().stream().anyMatch(n -> n.kind() == NoteKind.CONFIG_UNREAD)) {
            assertThat(set.accesses()).as("accesses of %s in %s", w.ref(), file).isNotEmpty();
            CatalogInference.infer(w, manifests)
                .recognised()
                .forEach(r -> triedUnread.add(r.entry().name()));
          }
        }
      }
    }
    List<String> configDriven =
        Catalog.entries().stream()
            .filter(CatalogEntry::accessesReadConfig)
            .map(CatalogEntry::name)
            .toList();
    assertThat(triedUnread).containsAll(configDriven);
  }

  private static List<AccessSet> accessSets(Path file, ClusterProfile profile) throws IOException {
    ManifestSet manifests = read(file);
    return Workloads.from(manifests, profile).stream()
        .map(w -> AccessInference.infer(w, manifests))
        .toList();
  }

  private static ManifestSet read(Path file) {
    return RealManifests.read(file);
  }

  private static List<Path> folders() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static List<Path> fixtureFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f ->
                  f.toString().endsWith(".yaml")
                      && !f.getFileName().toString().equals("expected.yaml"))
          .sorted()
          .toList();
    }
  }

  private static List<String> strings(Object value) {
    return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
  }
}
