package io.kubeload.cluster;

import io.kubeload.cluster.ClusterFacts.Fact;
import io.kubeload.yaml.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what was measured of a cluster into a profile: a preset with the measured figures put in,
 * each figure commented with its source. Counts become per-node (or per-pod) ratios, as the presets
 * write them, so that {@code --nodes} and break-even still grow them with the cluster.
 */
public final class ProfileDraft {

  // The production preset's rule of thumb for objects of unknown size (the sig-scalability FAQ,
  // docs/sources.md §6).
  private static final double UNKNOWN_SIZE_BYTES = 20_000;

  private static final String DEFAULT_WRITER_LEVEL = "workload-high";

  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+).*");

  private ProfileDraft() {}

  /**
   * The preset {@code basePreset} with what {@code facts} measured put in, under {@code name}.
   *
   * @param origin what the facts were read from, for errors ("metrics.txt", "context prod")
   * @param header the profile's first comment lines; the facts' notes follow them
   */
  public static SourcedProfile draft(
      String name, ClusterFacts facts, String basePreset, String origin, List<String> header) {
    ClusterProfile base = Profiles.load(basePreset);
    Map<String, String> sources = new HashMap<>(ProfileYaml.presetSources(basePreset));
    KubernetesVersion version = base.version();
    if (facts.serverVersion().isPresent()) {
      version = version(facts.serverVersion().get(), origin, sources);
    }
    int nodes = base.nodes();
    if (facts.nodes().isPresent()) {
      long measured = facts.nodes().get().value();
      if (measured < 1 || measured > Integer.MAX_VALUE) {
        throw new InputException(
            origin, "the cluster reports " + measured + " nodes: a profile needs at least one");
      }
      nodes = (int) measured;
      sources.put("nodes", facts.nodes().get().source());
    }
    double podsPerNode = base.podsPerNode();
    Optional<Fact<Long>> pods = Optional.ofNullable(facts.objects().get("pods"));
    if (pods.isPresent()) {
      podsPerNode = (double) pods.get().value() / nodes;
      sources.put("podsPerNode", pods.get().source() + ", on " + Figures.count(nodes) + " nodes");
      sources.put(
          "resources.pods.count",
          "one pods object per pod: podsPerNode carries the measured count");
    }
    int replicas = base.apiServers().replicas();
    if (facts.apiServers().isPresent()) {
      replicas = facts.apiServers().get().value();
      sources.put("apiServers.replicas", facts.apiServers().get().source());
    }
    ClusterProfile.ApiServers servers =
        concurrency(base.apiServers(), replicas, facts.nominalSeats(), sources);
    Map<String, ResourceProfile> resources = new TreeMap<>(base.resources());
    for (String resource : resourcesMeasured(facts)) {
      resources.put(
          resource,
          resource(resource, base.resources().get(resource), facts, nodes, podsPerNode, sources));
    }
    Map<String, Double> existing = new TreeMap<>(base.existingSeatDemand());
    facts
        .seatDemand()
        .forEach(
            (level, fact) -> {
              existing.put(level, fact.value());
              sources.put("existingSeatDemand." + level, fact.source());
            });
    List<NodePool> pools = facts.nodePools().map(Fact::value).orElse(List.of());
    facts
        .nodePools()
        .ifPresent(
            f ->
                f.value()
                    .forEach(
                        pool ->
                            sources.put(
                                "nodePools." + pool.name(),
                                f.source()
                                    + ": "
                                    + Figures.count(pool.count())
                                    + " nodes with these labels and taints")));
    ClusterProfile profile =
        new ClusterProfile(
            name,
            version,
            nodes,
            podsPerNode,
            servers,
            base.latency(),
            base.rollout(),
            resources,
            existing,
            pools);
    List<String> allHeader = new ArrayList<>(header);
    allHeader.addAll(facts.notes());
    Map<String, String> used = new TreeMap<>();
    ProfileYaml.figures(profile).forEach(figure -> used.put(figure, sources.get(figure)));
    return new SourcedProfile(profile, allHeader, used);
  }

  private static List<String> resourcesMeasured(ClusterFacts facts) {
    TreeSet<String> all = new TreeSet<>(facts.objects().keySet());
    all.addAll(facts.sizeBytes().keySet());
    all.addAll(facts.writesPerSecond().keySet());
    return List.copyOf(all);
  }

  private static ResourceProfile resource(
      String name,
      ResourceProfile known,
      ClusterFacts facts,
      int nodes,
      double podsPerNode,
      Map<String, String> sources) {
    String at = "resources." + name + ".";
    ResourceProfile r =
        known != null
            ? known
            : new ResourceProfile(
                name,
                new Scaled(0, Scaled.Basis.PER_NODE),
                UNKNOWN_SIZE_BYTES,
                new Scaled(0, Scaled.Basis.PER_NODE),
                DEFAULT_WRITER_LEVEL,
                Scaled.ZERO);
    if (known == null) {
      sources.put(at + "count", "not measured: 0");
      sources.put(
          at + "sizeBytes",
          "not measured: \"the huge majority of objects doesn't exceed ~20 kB\" (https://github.com/kubernetes/community/blob/24e7d8f/sig-scalability/configs-and-limits/faq.md, docs/sources.md §6), "
              + "as the production preset assumes");
      sources.put(at + "churn", "not measured: 0 writes per second");
      sources.put(
          at + "writerLevel",
          "not measured: "
              + DEFAULT_WRITER_LEVEL
              + ", where controllers' writes land (docs/sources.md §3.4)");
    }
    Scaled countFigure = r.count();
    Fact<Long> measured = facts.objects().get(name);
    if (measured != null && !(name.equals("pods") && r.count().basis() == Scaled.Basis.PER_POD)) {
      countFigure =
          new Scaled(
              perBasis(measured.value(), r.count().basis(), nodes, podsPerNode), r.count().basis());
      sources.put(at + "count", measured.source() + per(r.count().basis(), nodes));
    }
    double size = r.sizeBytes();
    Fact<Double> measuredSize = facts.sizeBytes().get(name);
    if (measuredSize != null) {
      size = measuredSize.value();
      sources.put(at + "sizeBytes", measuredSize.source());
    }
    Scaled churn = r.churn();
    Fact<Double> writes = facts.writesPerSecond().get(name);
    if (writes != null) {
      churn =
          new Scaled(
              perBasis(writes.value(), r.churn().basis(), nodes, podsPerNode), r.churn().basis());
      sources.put(at + "churn", writes.source() + per(r.churn().basis(), nodes));
    }
    return new ResourceProfile(name, countFigure, size, churn, r.writerLevel(), r.watchers());
  }

  private static double perBasis(double value, Scaled.Basis basis, int nodes, double podsPerNode) {
    return switch (basis) {
      case ABSOLUTE -> value;
      case PER_NODE -> value / nodes;
      case PER_POD -> podsPerNode == 0 ? 0 : value / (nodes * podsPerNode);
    };
  }

  private static String per(Scaled.Basis basis, int nodes) {
    return switch (basis) {
      case ABSOLUTE -> "";
      case PER_NODE -> "; per node of " + Figures.count(nodes) + ", so it grows with the cluster";
      case PER_POD -> "; per pod, so it grows with the cluster";
    };
  }

  /** The server's version, held to the range the model knows. */
  private static KubernetesVersion version(
      Fact<String> reported, String origin, Map<String, String> sources) {
    Matcher m = VERSION.matcher(reported.value().strip());
    if (!m.matches()) {
      throw new InputException(
          origin, "the server reports a version that is not 1.N: '" + reported.value() + "'");
    }
    KubernetesVersion version =
        new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    String source = reported.source();
    if (version.compareTo(KubernetesVersion.OLDEST_SUPPORTED) < 0) {
      source +=
          "; older than the oldest the model knows, so "
              + KubernetesVersion.OLDEST_SUPPORTED
              + " is assumed";
      version = KubernetesVersion.OLDEST_SUPPORTED;
    } else if (!version.modelled()) {
      source +=
          "; newer than the newest the model knows, so it is judged as "
              + KubernetesVersion.NEWEST_MODELLED;
    }
    sources.put("kubernetesVersion", source);
    return version;
  }

  /**
   * The server's concurrency limit from the levels' nominal seats: each is ceil(limit × shares / Σ
   * shares) (docs/sources.md §3.2), so over L levels they add up to between the limit and the limit + L − 1.
   * The preset's flags stay when their sum lies in that range; otherwise the range's middle replaces
   * it, split between the two flags as the defaults split it (APF only uses the sum).
   */
  private static ClusterProfile.ApiServers concurrency(
      ClusterProfile.ApiServers base,
      int replicas,
      Map<String, Fact<Integer>> nominal,
      Map<String, String> sources) {
    ClusterProfile.ApiServers kept =
        new ClusterProfile.ApiServers(
            replicas,
            base.maxRequestsInflight(),
            base.maxMutatingRequestsInflight(),
            base.memoryBytes(),
            base.listMemoryAmplification());
    int sum = nominal.values().stream().mapToInt(Fact::value).sum();
    int levels = (int) nominal.values().stream().filter(f -> f.value() > 0).count();
    if (levels == 0) {
      return kept;
    }
    int low = Math.max(1, sum - levels + 1);
    String from =
        nominal.values().iterator().next().source()
            + ": the nominal seats of "
            + levels
            + " levels add up to "
            + Figures.count(sum)
            + ", so the server's concurrency limit is "
            + Figures.count(low)
            + " to "
            + Figures.count(sum);
    if (base.concurrencyLimit() >= low && base.concurrencyLimit() <= sum) {
      for (String flag :
          List.of("apiServers.maxRequestsInflight", "apiServers.maxMutatingRequestsInflight")) {
        sources.put(flag, sources.get(flag).replaceAll("\\.$", "") + "; consistent with " + from);
      }
      return kept;
    }
    // maxRequestsInflight stays at least 1 for the profile to read back; the mutating share may be
    // 0.
    int limit = Math.max(1, (low + sum) / 2);
    int inflight =
        (int)
            Math.max(
                1,
                Math.min(
                    limit,
                    Math.round(
                        (double) limit * base.maxRequestsInflight() / base.concurrencyLimit())));
    String split =
        from
            + "; its middle, "
            + Figures.count(limit)
            + ", split as the defaults split it (APF uses only the sum)";
    sources.put("apiServers.maxRequestsInflight", split);
    sources.put("apiServers.maxMutatingRequestsInflight", split);
    return new ClusterProfile.ApiServers(
        replicas, inflight, limit - inflight, base.memoryBytes(), base.listMemoryAmplification());
  }
}
