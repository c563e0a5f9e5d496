package io.kubeload.cli;

import io.kubeload.cluster.Profiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeload init}: a commented starter {@code .kubeload.yaml} and a profile skeleton to edit. */
final class InitCommand implements Callable<Integer> {

  static final String PROFILE_FILE = "kubeload-profile.yaml";

  final CommandSpec spec =
      CommandSpecs.command(
          this,
          "init",
          "Writes a commented starter configuration (.kubeload.yaml) and a cluster profile skeleton",
          "(kubeload-profile.yaml, from the chosen built-in profile) into DIR. Existing files are kept",
          "unless --force. See docs/configuration.md.");

  private final Main.Io io;

  String dir;
  String base;
  boolean force;

  InitCommand(Main.Io io) {
    this.io = io;
    spec.usageMessage().header("Writes a starter .kubeload.yaml and a cluster profile skeleton.");
    spec.addOption(
        CommandSpecs.option(String.class, () -> dir, v -> dir = v, "--dir")
            .paramLabel("DIR")
            .defaultValue(".")
            .description("Where to write the files. Default: the working directory.")
            .build());
    spec.addOption(
        DraftOptions.baseOption(
            () -> base, v -> base = v, "The built-in profile the skeleton starts from."));
    spec.addOption(
        CommandSpecs.option(boolean.class, () -> force, v -> force = v, "--force")
            .description("Overwrite the files if they exist.")
            .build());
  }

  @Override
  public Integer call() {
    String profile = Profiles.presetText(DraftOptions.checkedBase(base)).orElseThrow();
    Path config = Path.of(dir, ProjectConfig.FILE_NAME);
    Path skeleton = Path.of(dir, PROFILE_FILE);
    for (Path target : List.of(config, skeleton)) {
      if (!force && Files.exists(target)) {
        throw new UsageException(
            target + " exists already: edit it, or run init with --force to overwrite it");
      }
    }
    Output.writeAll(
        List.of(
            new Output.Report(starterConfig(), Optional.of(config.toString())),
            new Output.Report(profile, Optional.of(skeleton.toString()))),
        io);
    io.out()
        .println(
            "wrote "
                + config
                + " and "
                + skeleton
                + ": edit the profile to describe your production cluster");
    return ExitCode.PASS;
  }

  private static String starterConfig() {
    try (InputStream in = InitCommand.class.getResourceAsStream("starter-config.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
