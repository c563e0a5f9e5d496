package io.kubeload.cluster.metrics;

import io.kubeload.cluster.ClusterFacts;
import io.kubeload.cluster.ClusterFacts.Fact;
import io.kubeload.cluster.Figures;
import io.kubeload.manifest.Resources;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one API server's {@code /metrics} says about the cluster: object counts and sizes, APF
 * nominal seats and the seats in use per priority level, and, given an earlier scrape of the same
 * server, the writes per second to each resource.
 */
public final class ApiServerMetrics {

  /** A scrape: where it was read from and its samples. */
  public record Scrape(String file, List<Sample> samples) {
    public Scrape {
      samples = List.copyOf(samples);
    }
  }

  /** Verbs that change objects, as apiserver_request_total labels them (endpoints/metrics cleanVerb). */
  private static final Set<String> WRITE_VERBS =
      Set.of("POST", "PUT", "PATCH", "APPLY", "DELETE", "DELETECOLLECTION");

  private static final String EXEMPT = "exempt";

  private ApiServerMetrics() {}

  /** Parses a saved {@code /metrics} text (strict UTF-8, Prometheus text format); {@code file} names it in errors. */
  public static Scrape parse(String file, byte[] bytes) {
    return new Scrape(file, PrometheusText.parse(file, SourceText.decode(file, bytes)));
  }

  /**
   * What one scrape, and optionally an earlier one, say of the cluster.
   *
   * @param earlier an earlier scrape of the same API server, and the seconds between the two: write
   *     rates come from the counters' difference
   * @param apiServers the API server replicas: one server's write rate × replicas is the cluster's
   */
  public static ClusterFacts facts(
      Scrape later,
      Optional<Scrape> earlier,
      double secondsBetween,
      Optional<Fact<Integer>> apiServers) {
    String file = later.file();
    List<String> notes = new ArrayList<>();
    notes.add(
        "Read from "
            + file
            + ": one API server's /metrics ("
            + later.samples().size()
            + " samples).");
    Map<String, Fact<Long>> objects = objects(later);
    Map<String, Fact<Double>> sizes = sizes(later, objects);
    Map<String, Fact<Integer>> nominal = new TreeMap<>();
    for (Sample s : named(later, "apiserver_flowcontrol_nominal_limit_seats")) {
      nominal.put(
          s.label("priority_level"),
          new Fact<>(
              (int) Math.round(s.value()), "apiserver_flowcontrol_nominal_limit_seats in " + file));
    }
    Map<String, Fact<Double>> seats = seatsInUse(later, nominal);
    Map<String, Fact<Double>> writes = Map.of();
    int replicas = apiServers.map(Fact::value).orElse(1);
    if (earlier.isPresent()) {
      writes = writes(later, earlier.get(), secondsBetween, replicas, apiServers.isPresent());
    }
    Optional<Fact<String>> version =
        named(later, "kubernetes_build_info").stream()
            .findFirst()
            .filter(s -> !s.label("git_version").isEmpty())
            .map(
                s ->
                    new Fact<>(
                        s.label("git_version"), "kubernetes_build_info{git_version} in " + file));
    Optional<Fact<Long>> nodes = Optional.ofNullable(objects.get("nodes"));
    return new ClusterFacts(
        notes,
        version,
        nodes,
        Optional.empty(),
        apiServers,
        objects,
        sizes,
        writes,
        nominal,
        seats);
  }

  /** apiserver_resource_objects{group,resource} (1.34+), else apiserver_storage_objects{resource="plural.group"}. */
  private static Map<String, Fact<Long>> objects(Scrape scrape) {
    Map<String, Fact<Long>> out = new TreeMap<>();
    for (Sample s : named(scrape, "apiserver_storage_objects")) {
      String qualified = s.label("resource");
      int dot = qualified.indexOf('.');
      String key =
          dot < 0
              ? Resources.key("", qualified)
              : Resources.key(qualified.substring(dot + 1), qualified.substring(0, dot));
      count(s, key, "apiserver_storage_objects{resource=\"" + qualified + "\"}", scrape.file())
          .ifPresent(f -> out.put(key, f));
    }
    for (Sample s : named(scrape, "apiserver_resource_objects")) {
      String key = Resources.key(s.label("group"), s.label("resource"));
      count(
              s,
              key,
              "apiserver_resource_objects{group=\""
                  + s.label("group")
                  + "\",resource=\""
                  + s.label("resource")
                  + "\"}",
              scrape.file())
          .ifPresent(f -> out.put(key, f));
    }
    return out;
  }

  /** -1 means the server could not count (the metrics' help text); such samples are skipped. */
  private static Optional<Fact<Long>> count(Sample s, String key, String series, String file) {
    if (!(s.value() >= 0) || Double.isInfinite(s.value())) {
      return Optional.empty();
    }
    long value = Math.round(s.value());
    return Optional.of(
        new Fact<>(value, series + " in " + file + ": " + Figures.count(value) + " " + key));
  }

  /** apiserver_resource_size_estimate_bytes is the sum of the objects' sizes: divided by their count. */
  private static Map<String, Fact<Double>> sizes(Scrape scrape, Map<String, Fact<Long>> objects) {
    Map<String, Fact<Double>> out = new TreeMap<>();
    for (Sample s : named(scrape, "apiserver_resource_size_estimate_bytes")) {
      String key = Resources.key(s.label("group"), s.label("resource"));
      Fact<Long> count = objects.get(key);
      if (count == null || count.value() <= 0 || !(s.value() > 0) || Double.isInfinite(s.value())) {
        continue;
      }
      out.put(
          key,
          new Fact<>(
              s.value() / count.value(),
              "apiserver_resource_size_estimate_bytes / object count in "
                  + scrape.file()
                  + ": "
                  + Figures.number(s.value())
                  + " B over "
                  + Figures.number(count.value())
                  + " objects"));
    }
    return out;
  }

  /**
   * Seats occupied right now per level, summed over flow schemas: by Little's law the mean number of
   * seats occupied is the seat-seconds per second the level serves. One scrape is one instant.
   */
  private static Map<String, Fact<Double>> seatsInUse(
      Scrape scrape, Map<String, Fact<Integer>> nominal) {
    String metric = "apiserver_flowcontrol_current_executing_seats";
    List<Sample> samples = named(scrape, metric);
    if (samples.isEmpty()) {
      metric = "apiserver_flowcontrol_request_concurrency_in_use";
      samples = named(scrape, metric);
    }
    Map<String, Double> byLevel = new TreeMap<>();
    for (Sample s : samples) {
      if (!s.label("priority_level").equals(EXEMPT)
          && Double.isFinite(s.value())
          && s.value() >= 0) {
        byLevel.merge(s.label("priority_level"), s.value(), Double::sum);
      }
    }
    Map<String, Fact<Double>> out = new TreeMap<>();
    for (Map.Entry<String, Double> level : byLevel.entrySet()) {
      Fact<Integer> of = nominal.get(level.getKey());
      out.put(
          level.getKey(),
          new Fact<>(
              level.getValue(),
              metric
                  + " in "
                  + scrape.file()
                  + ": "
                  + Figures.number(level.getValue())
                  + " seats in use"
                  + (of == null ? "" : " of " + Figures.number(of.value()) + " nominal")
                  + " at that instant, read as seat-seconds per second (Little's law)"));
    }
    return out;
  }

  /** Successful, non-dry-run writes per resource (subresources such as pods/status included), per second. */
  private static Map<String, Fact<Double>> writes(
      Scrape later, Scrape earlier, double seconds, int replicas, boolean replicasGiven) {
    Map<String, Double> before = writeCounters(earlier);
    Map<String, Double> after = writeCounters(later);
    Map<String, Map<String, Double>> byResource = new TreeMap<>();
    for (Map.Entry<String, Double> series : after.entrySet()) {
      double delta = series.getValue() - before.getOrDefault(series.getKey(), 0.0);
      if (delta < 0) {
        throw new InputException(
            later.file(),
            "apiserver_request_total went down since "
                + earlier.file()
                + " ("
                + series.getKey()
                + "): the scrapes come from different API servers, or one restarted in between");
      }
      String[] parts = series.getKey().split(" ", 2);
      byResource
          .computeIfAbsent(parts[1], r -> new TreeMap<>())
          .merge(parts[0], delta / seconds, Double::sum);
    }
    Map<String, Fact<Double>> out = new TreeMap<>();
    byResource.forEach(
        (resource, byVerb) -> {
          double perServer = byVerb.values().stream().mapToDouble(Double::doubleValue).sum();
          List<String> verbs = new ArrayList<>();
          byVerb.forEach((verb, rate) -> verbs.add(verb + " " + Figures.number(rate)));
          out.put(
              resource,
              new Fact<>(
                  perServer * replicas,
                  "apiserver_request_total in "
                      + later.file()
                      + " minus "
                      + earlier.file()
                      + " over "
                      + Figures.number(seconds)
                      + " s: "
                      + Figures.number(perServer)
                      + " writes/s ("
                      + String.join(", ", verbs)
                      + ") on one API server × "
                      + replicas
                      + (replicasGiven
                          ? " API servers"
                          : " (the profile's API servers; --api-servers N)")));
        });
    return out;
  }

  /** "VERB resource" → counter, for successful writes. */
  private static Map<String, Double> writeCounters(Scrape scrape) {
    Map<String, Double> out = new TreeMap<>();
    for (Sample s : named(scrape, "apiserver_request_total")) {
      String verb = s.label("verb").toUpperCase(Locale.ROOT);
      if (!WRITE_VERBS.contains(verb)
          || !s.label("dry_run").isEmpty()
          || !s.label("code").startsWith("2")
          || s.label("resource").isEmpty()
          || !Double.isFinite(s.value())) {
        continue;
      }
      out.merge(
          verb + " " + Resources.key(s.label("group"), s.label("resource")),
          s.value(),
          Double::sum);
    }
    return out;
  }

  private static List<Sample> named(Scrape scrape, String name) {
    return scrape.samples().stream().filter(s -> s.name().equals(name)).toList();
  }
}
