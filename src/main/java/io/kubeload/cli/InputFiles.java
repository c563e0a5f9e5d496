package io.kubeload.cli;

import io.kubeload.analysis.Source;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Policy;
import io.kubeload.yaml.BoundedInput;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the files a user names, whole and within the byte limit, for the stages that parse them:
 * kubeload's own files (profile, policy) here, manifests through {@link Inputs}.
 */
final class InputFiles {

  private InputFiles() {}

  /** A profile, and the documents after its ClusterProfile that the analysis reads as the cluster's flow control. */
  record Profile(ClusterProfile profile, List<Source> flowControl) {
    Profile {
      flowControl = List.copyOf(flowControl);
    }
  }

  /** A preset by name, else a ClusterProfile file. */
  static Profile profile(String nameOrFile, InputLimits limits) {
    if (Profiles.PRESETS.contains(nameOrFile)) {
      return new Profile(Profiles.load(nameOrFile), List.of());
    }
    if (!Files.isRegularFile(Path.of(nameOrFile))) {
      throw new InputException(
          nameOrFile,
          "no such profile: not a file and not a preset (presets: "
              + String.join(", ", Profiles.PRESETS)
              + ")");
    }
    byte[] bytes = read(nameOrFile, limits);
    return new Profile(
        Profiles.parse(nameOrFile, bytes, limits), List.of(new Source(nameOrFile, bytes)));
  }

  static Policy policy(String file, InputLimits limits) {
    return Policy.parse(file, read(file, limits), limits);
  }

  /** A kubeload file of its own (profile, policy), within {@link InputLimits#maxInputBytes()}. */
  static byte[] read(String file, InputLimits limits) {
    return read(Path.of(file), limits.maxInputBytes(), limits);
  }

  /** At most {@code budget} bytes of {@code file}; a regular file's size is checked before reading. */
  static byte[] read(Path file, long budget, InputLimits limits) {
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.isRegularFile(file) ? Files.size(file) : 0;
      if (size > budget) {
        throw BoundedInput.tooLarge(file.toString(), limits);
      }
      return BoundedInput.read(file.toString(), in, budget, limits, size);
    } catch (IOException e) {
      throw new InputException(file.toString(), "cannot read: " + IoErrors.describe(e));
    }
  }
}
