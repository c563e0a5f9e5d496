package io.kubeload.cli;

import static io.kubeload.cli.CommandSpecs.option;
import static io.kubeload.cli.CommandSpecs.repeated;

import io.kubeload.analysis.AnalysisRequest;
import io.kubeload.analysis.Analyzer;
import io.kubeload.analysis.GateMode;
import io.kubeload.analysis.NoWorkloadException;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.SourceLocation;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options every analysing command shares, and the pipeline they wire: manifests (and, with a
 * baseline, the target branch's manifests) to a verdict. Flags win over {@code .kubeload.yaml},
 * which wins over the built-in defaults.
 */
final class Analysis {

  static final String PATHS_DESCRIPTION =
      "Manifest files or folders (*.yaml, *.yml, *.json, recursively; hidden files and folders skipped); - reads stdin.";

  String profile;
  Integer nodes;
  String kubernetesVersion;
  String policy;
  double simulateSeconds;
  List<String> baseline = new ArrayList<>();
  String gate;
  String config;
  final ChartOptions chart = new ChartOptions();
  String namespace;
  String sourceRoot;
  final LimitOptions limitOptions = new LimitOptions();
  boolean progress;

  void addTo(CommandSpec spec) {
    spec.addOption(
        option(String.class, () -> profile, v -> profile = v, "--profile")
            .paramLabel("NAME|FILE")
            .description(
                "Built-in profile (production, large, medium, staging, eks) or a ClusterProfile file. Default: "
                    + Profiles.DEFAULT
                    + ".")
            .build());
    spec.addOption(
        option(Integer.class, () -> nodes, v -> nodes = v, "--nodes")
            .paramLabel("N")
            .description("Node count, overriding the profile's; per-node counts scale with it.")
            .build());
    spec.addOption(
        option(
                String.class,
                () -> kubernetesVersion,
                v -> kubernetesVersion = v,
                "--kubernetes-version")
            .paramLabel("X.Y")
            .description(
                "Kubernetes version the model assumes: 1.27 or later; one newer than 1.37 is judged as 1.37, "
                    + "and the report says so.")
            .build());
    spec.addOption(
        option(String.class, () -> policy, v -> policy = v, "--policy")
            .paramLabel("FILE")
            .description(
                "Policy file with budgets (docs/policy.md). Default: the built-in budgets.")
            .build());
    spec.addOption(
        option(double.class, () -> simulateSeconds, v -> simulateSeconds = v, "--simulate-seconds")
            .paramLabel("S")
            .defaultValue("900")
            .description(
                "How long the roll-out and restart simulations look, in seconds. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        repeated(() -> baseline, v -> baseline = v, "--baseline")
            .paramLabel("PATH")
            .description(
                "The target branch's manifests (repeatable; read as the PATHs are): the report shows the change against them, "
                    + "and by default only the change can fail the check (--gate).")
            .build());
    spec.addOption(
        option(String.class, () -> gate, v -> gate = v, "--gate")
            .paramLabel("change|all")
            .description(
                "With --baseline: 'change' (default) fails only on what the change causes; 'all' fails on every error, "
                    + "the baseline's own included.")
            .build());
    spec.addOption(
        option(String.class, () -> config, v -> config = v, "--config")
            .paramLabel("FILE")
            .description(
                "Project configuration (docs/configuration.md). Default: .kubeload.yaml in the working directory, "
                    + "else the nearest one above the inputs (up to the repository's root), if any.")
            .build());
    chart.addTo(spec);
    spec.addOption(
        option(String.class, () -> namespace, v -> namespace = v, "--namespace")
            .paramLabel("NS")
            .description(
                "The namespace the release is installed into (helm install -n): namespaced objects written without one "
                    + "are read as in NS, not in default; with --chart, also helm template's --namespace.")
            .build());
    spec.addOption(
        option(String.class, () -> sourceRoot, v -> sourceRoot = v, "--source-root")
            .paramLabel("DIR")
            .description(
                "Where the charts that `# Source:` comments name live, for rendered input (helm template output in a file "
                    + "or on stdin): findings then point at DIR/<chart>/templates/... and the line there. Default: the working "
                    + "directory (--chart needs none).")
            .build());
    limitOptions.addTo(spec);
    spec.addOption(
        option(boolean.class, () -> progress, v -> progress = v, "--progress")
            .description(
                "A progress line on stderr (files read, workloads judged) where stderr is not a terminal, e.g. a CI log; "
                    + "on a terminal it is drawn anyway for runs longer than 2 seconds.")
            .build());
  }

  /** The configuration in force: {@code --config}, or a {@code .kubeload.yaml} here or above the inputs, or none. */
  ProjectConfig config(List<String> paths) {
    List<String> inputs = new ArrayList<>(chart.kustomize);
    inputs.addAll(paths);
    if (chart.given()) {
      inputs.add(0, chart.chart);
    }
    return ProjectConfig.find(config, inputs);
  }

  Verdict run(List<String> paths, Main.Io io) {
    return run(paths, config(paths), io);
  }

  Verdict run(List<String> paths, ProjectConfig settings, Main.Io io) {
    return run(commandLine(paths), settings, io);
  }

  /** Whether the command line names inputs (paths, a chart or a kustomization) rather than leaving them to the configuration's projects. */
  boolean namesInputs(List<String> paths) {
    return !paths.isEmpty() || chart.given() || !chart.kustomize.isEmpty();
  }

  /** The inputs the command line names, as a project without a name. */
  Project commandLine(List<String> paths) {
    Optional<String> installedIn = Optional.ofNullable(namespace);
    if (!chart.given() && (!chart.values.isEmpty() || !chart.set.isEmpty())) {
      throw new UsageException("-f and --set go with --chart DIR");
    }
    Optional<Renderer.HelmChart> helmChart =
        chart.given()
            ? Optional.of(
                new Renderer.HelmChart(
                    chart.chart, chart.values, chart.set, chart.release, installedIn))
            : Optional.empty();
    return new Project(
        "", paths, helmChart, chart.kustomize, installedIn, Optional.empty(), Optional.empty());
  }

  /** The run's renderer: the flags' tools and time-out, the flag's chart cache, else the configuration's. */
  Renderer renderer(ProjectConfig settings) {
    Renderer flags = chart.renderer(limitOptions.limits());
    return flags.chartCache().isPresent() || settings.chartCache().isEmpty()
        ? flags
        : new Renderer(
            flags.helm(),
            flags.kustomize(),
            flags.timeoutSeconds(),
            settings.chartCache().map(Path::of),
            flags.limits());
  }

  Verdict run(Project project, ProjectConfig settings, Main.Io io) {
    AnalysisProgress shown = AnalysisProgress.of(io, progress);
    try {
      return run(project, settings, io, shown);
    } finally {
      shown.finish();
    }
  }

  private Verdict run(Project project, ProjectConfig settings, Main.Io io, AnalysisProgress shown) {
    // Judged outside the frame that read the objects: once projected, no variable keeps them while
    // the simulations run (docs/performance.md).
    return Analyzer.judge(projected(project, settings, io, shown), shown);
  }

  private Analyzer.Projected projected(
      Project project, ProjectConfig settings, Main.Io io, AnalysisProgress shown) {
    if (!(simulateSeconds > 0) || simulateSeconds > 86_400) {
      throw new UsageException(
          "--simulate-seconds must be between 0 and 86400, not " + simulateSeconds);
    }
    Optional<Integer> nodeCount = Optional.ofNullable(nodes).or(settings::nodes);
    if (nodeCount.isPresent() && nodeCount.get() < 1) {
      throw new UsageException("--nodes must be at least 1, not " + nodeCount.get());
    }
    if (project.paths().isEmpty()
        && project.chart().isEmpty()
        && project.kustomizations().isEmpty()) {
      throw new UsageException(
          "name the manifests to analyse: PATH..., - for stdin, --chart DIR, --kustomize DIR, "
              + "or projects in .kubeload.yaml");
    }
    GateMode gateMode = gateMode(settings, project);
    InputLimits limits = limitOptions.limits();
    InputFiles.Profile loaded =
        InputFiles.profile(
            profile != null
                ? profile
                : project.profile().or(settings::profile).orElse(Profiles.DEFAULT),
            limits);
    ClusterProfile clusterProfile =
        adjusted(
            loaded.profile(),
            nodeCount,
            Optional.ofNullable(kubernetesVersion).or(settings::kubernetesVersion));
    if (!clusterProfile.version().modelled()) {
      io.err()
          .println(
              "kubeload: warning: Kubernetes "
                  + clusterProfile.version()
                  + "'s changes are not modelled yet; it is judged as "
                  + KubernetesVersion.NEWEST_MODELLED
                  + ", the newest the model knows");
    }
    Policy budgets =
        policy != null
            ? InputFiles.policy(policy, limits)
            : settings.policy().orElse(Policy.DEFAULT);
    Inputs inputs = new Inputs(io.in(), limits, shown::fileRead);
    Renderer renderer = renderer(settings);
    ManifestSet read = inputs.read(project, renderer);
    if (sourceRoot != null && !Files.isDirectory(Path.of(sourceRoot))) {
      throw new UsageException("--source-root " + sourceRoot + ": not a folder");
    }
    Optional<ManifestSet> before = baseline(project, renderer, inputs);
    AnalysisRequest request =
        new AnalysisRequest(
            read,
            clusterProfile,
            loaded.flowControl(),
            budgets,
            before,
            new AnalysisRequest.Options(
                simulateSeconds,
                gateMode,
                project.namespace(),
                new TemplateFiles(Optional.ofNullable(sourceRoot)),
                limits));
    try {
      return Analyzer.project(request, shown);
    } catch (NoWorkloadException e) {
      throw new UsageException(
          where(project)
              + ": no workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, ...) among its "
              + e.objects()
              + " object"
              + (e.objects() == 1 ? "" : "s")
              + ": nothing to judge; name the rendered manifests that run pods "
              + "(did the render leave them out?)");
    }
  }

  /**
   * The baseline: the --baseline paths (kustomization folders among them built), else the project's inputs as they were at its baseline ref,
   * read from a tree of that ref checked out into a temporary folder (their locations then named as
   * from the repository's root, never the temporary folder's).
   */
  private Optional<ManifestSet> baseline(Project project, Renderer renderer, Inputs inputs) {
    if (!baseline.isEmpty()) {
      // Read as the change is: a kustomization folder built, the GitOps objects rendered.
      Project before =
          new Project(
              "",
              baseline,
              Optional.empty(),
              List.of(),
              project.namespace(),
              Optional.empty(),
              Optional.empty());
      return Optional.of(inputs.read(before, renderer));
    }
    if (project.baselineRef().isEmpty()) {
      return Optional.empty();
    }
    Git git = Git.holding(project.inputs().get(0), renderer.timeoutSeconds(), renderer.limits());
    Path folder = Processes.temporaryFolder("baseline");
    try {
      git.checkout(project.baselineRef().get(), folder);
      Project then = project.movedTo(path -> git.inTree(folder, path));
      ManifestSet read = inputs.read(then, renderer);
      String prefix = folder.resolve("tree").toString() + File.separator;
      return Optional.of(
          read.relocated(
              m ->
                  m.at(
                      new SourceLocation(
                          m.location().file().replace(prefix, ""),
                          m.location().line(),
                          m.location().template().map(t -> t.replace(prefix, "")),
                          m.location().templateLine()))));
    } finally {
      Processes.deleteQuietly(folder);
    }
  }

  /** The inputs as the user named them, for an error that says none of them holds a workload. */
  private static String where(Project project) {
    String where =
        project
            .chart()
            .map(c -> "--chart " + c.chart())
            .orElseGet(
                () ->
                    Stream.concat(project.paths().stream(), project.kustomizations().stream())
                        .map(p -> p.equals(Inputs.STDIN) ? "<stdin>" : p)
                        .collect(Collectors.joining(" ")));
    return project.name().isEmpty() ? where : "project " + project.name() + " (" + where + ")";
  }

  private GateMode gateMode(ProjectConfig settings, Project project) {
    GateMode mode = settings.gate().orElse(GateMode.CHANGE);
    if (gate != null) {
      mode =
          GateMode.parse(gate)
              .orElseThrow(
                  () -> new UsageException("--gate must be change or all, not '" + gate + "'"));
    }
    if (gate != null && baseline.isEmpty() && project.baselineRef().isEmpty()) {
      throw new UsageException(
          "--gate needs --baseline: without a baseline every error fails the check");
    }
    return mode;
  }

  /** The profile with the flags' (or the configuration's) node count and Kubernetes version. */
  private static ClusterProfile adjusted(
      ClusterProfile loaded, Optional<Integer> nodes, Optional<String> version) {
    ClusterProfile profile = nodes.map(loaded::withNodes).orElse(loaded);
    if (version.isEmpty()) {
      return profile;
    }
    try {
      return profile.withVersion(KubernetesVersion.parse(version.get()));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--kubernetes-version: " + e.getMessage());
    }
  }
}
