package io.kubeload.testing;

import java.util.List;
import java.util.Random;

/**
 * Seeded random workloads of a repository of releases: Deployments and DaemonSets declaring one to
 * three accesses, so that tests can repeat one under other names and namespaces.
 */
public final class RandomReleases {

  private static final List<String> RESOURCES =
      List.of("pods", "nodes", "services", "endpointslices", "configmaps", "secrets", "leases");
  private static final List<String> SCOPES = List.of("cluster", "namespace", "own-node", "named");
  private static final List<String> PATTERNS = List.of("informer", "poll", "get-per-event");
  public static final List<String> NAMESPACES =
      List.of("kube-system", "platform", "tenant-1", "tenant-2");

  private RandomReleases() {}

  /** {@code workloads} seeded workloads, one after another, in the namespaces above. */
  public static String repository(long seed, int workloads) {
    Random random = new Random(seed);
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < workloads; i++) {
      yaml.append(
          workload(
              new Random(random.nextLong()),
              "w" + i,
              NAMESPACES.get(random.nextInt(NAMESPACES.size()))));
    }
    return yaml.toString();
  }

  /** A workload declaring its accesses, under a name and namespace of its own. */
  public static String workload(Random random, String name, String namespace) {
    StringBuilder declared = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      String pattern = PATTERNS.get(random.nextInt(PATTERNS.size()));
      declared
          .append("      - {resource: ")
          .append(RESOURCES.get(random.nextInt(RESOURCES.size())))
          .append(", scope: ")
          .append(SCOPES.get(random.nextInt(SCOPES.size())))
          .append(", pattern: ")
          .append(pattern)
          .append(pattern.equals("poll") ? ", periodSeconds: " + (5 + random.nextInt(300)) : "")
          .append("}\n");
    }
    boolean daemonSet = random.nextInt(3) == 0;
    return """
        apiVersion: apps/v1
        kind: %s
        metadata:
          name: %s
          namespace: %s
          annotations:
            kubeload.io/access: |
        %s
        spec:
        %s  selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: c, image: example.com/%s:1}]
        ---
        """
        .formatted(
            daemonSet ? "DaemonSet" : "Deployment",
            name,
            namespace,
            declared.toString().stripTrailing(),
            daemonSet ? "" : "  replicas: " + (1 + random.nextInt(40)) + "\n",
            name,
            name,
            name);
  }
}
