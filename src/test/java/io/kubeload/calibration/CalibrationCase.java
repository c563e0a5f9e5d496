package io.kubeload.calibration;

import io.kubeload.cluster.Profiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One reference of the calibration suite: a manifest set written as the component's installer
 * writes it, the scale and churn at which it is publicly known to run or to have broken, the
 * scenario, and the sources ({@code src/test/resources/calibration/<id>/case.yaml}).
 *
 * @param overrides deep-merged onto the preset's {@code spec} (the churn or version of the incident)
 */
record CalibrationCase(
    String id,
    Path dir,
    String title,
    boolean expectPass,
    int nodes,
    String profile,
    Scenario scenario,
    Map<String, Object> overrides,
    Optional<String> knob,
    Optional<String> knobSetting,
    String why,
    List<String> sources) {

  static final Path ROOT = Path.of("src/test/resources/calibration");

  private static final Set<String> KEYS =
      Set.of(
          "title",
          "expect",
          "nodes",
          "profile",
          "scenario",
          "profileOverrides",
          "knob",
          "knobSetting",
          "why",
          "sources");

  /**
   * steady: the release already runs (its baseline is itself); update: {@code baseline/} holds the
   * running release and the head rolls out with its own strategy; install: a brand-new release.
   */
  enum Scenario {
    STEADY,
    UPDATE,
    INSTALL
  }

  static List<CalibrationCase> all() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).sorted().map(CalibrationCase::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static CalibrationCase read(Path dir) {
    Path file = dir.resolve("case.yaml");
    Map<String, Object> yaml;
    try {
      yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> unknown = yaml.keySet().stream().filter(k -> !KEYS.contains(k)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(file + ": unknown keys " + unknown);
    }
    String expect = String.valueOf(yaml.get("expect"));
    if (!expect.equals("pass") && !expect.equals("fail")) {
      throw new IllegalArgumentException(file + ": expect must be pass or fail, not " + expect);
    }
    return new CalibrationCase(
        dir.getFileName().toString(),
        dir,
        (String) yaml.get("title"),
        expect.equals("pass"),
        ((Number) yaml.get("nodes")).intValue(),
        (String) yaml.get("profile"),
        Scenario.valueOf(String.valueOf(yaml.get("scenario")).toUpperCase(java.util.Locale.ROOT)),
        (Map<String, Object>) yaml.getOrDefault("profileOverrides", Map.of()),
        Optional.ofNullable((String) yaml.get("knob")),
        Optional.ofNullable((String) yaml.get("knobSetting")),
        String.valueOf(yaml.get("why")).strip(),
        List.copyOf((List<String>) yaml.getOrDefault("sources", List.of())));
  }

  Path manifests() {
    return dir.resolve("manifests");
  }

  Path baseline() {
    return dir.resolve("baseline");
  }

  /** The preset's profile with this case's overrides merged into its spec, as a YAML tree. */
  Map<String, Object> profileTree(String preset) {
    return presetTree(preset, overrides);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> presetTree(String preset, Map<String, Object> overrides) {
    String text =
        Profiles.presetText(preset)
            .orElseThrow(() -> new IllegalArgumentException("no preset " + preset));
    Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    merge((Map<String, Object>) tree.get("spec"), overrides);
    return tree;
  }

  /** Writes {@link #profileTree} under {@code dir} (made if missing) and returns the file for {@code --profile}. */
  Path writeProfile(String preset, Path dir) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Path file = dir.resolve(id + "." + preset + ".yaml");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, new Yaml(options).dump(profileTree(preset)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * The flags that judge the scenario. A steady release judged against itself with the default gate
   * cannot fail by construction (nothing changes), so a known-bad one is judged with {@code --gate all}:
   * its harm is its own running load.
   */
  List<String> verdictFlags() {
    return switch (scenario) {
      case STEADY ->
          expectPass ? List.of("--baseline", manifests().toString()) : ownBaselineGateAll();
      case UPDATE -> List.of("--baseline", baseline().toString());
      case INSTALL -> List.of();
    };
  }

  /** A known-good reference must also pass when every error counts, against itself as the running release. */
  List<String> ownBaselineGateAll() {
    return List.of("--baseline", manifests().toString(), "--gate", "all");
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    for (Map.Entry<String, Object> e : from.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> m
          && into.get(e.getKey()) instanceof Map<?, ?> existing) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
        merge(copy, (Map<String, Object>) m);
        into.put(e.getKey(), copy);
      } else {
        into.put(e.getKey(), e.getValue());
      }
    }
  }
}
