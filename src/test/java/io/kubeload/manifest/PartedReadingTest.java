package io.kubeload.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kubeload.yaml.InputException;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.RunBudget;
import io.kubeload.yaml.YamlDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large input read in parts on all cores ({@link ManifestParser.Split}) against the same input
 * read on one thread: the same objects in the same order, with the same locations, lines and
 * templates, or the same error, on seeded streams cut into parts of every size, with errors and
 * limits reached at random documents.
 */
class PartedReadingTest {

  private static final InputLimits LIMITS = InputLimits.DEFAULT;

  private static final ManifestParser.Split ONE_THREAD =
      new ManifestParser.Split(Integer.MAX_VALUE, Integer.MAX_VALUE);

  /** The objects read, or the error's one line (which names the file and line). */
  private static Object outcome(Supplier<List<Manifest>> read) {
    try {
      return read.get();
    } catch (InputException e) {
      return "error: " + e.getMessage();
    }
  }

  private static Object read(
      String text, InputLimits limits, Supplier<RunBudget> budget, ManifestParser.Split split) {
    return outcome(() -> ManifestParser.parseText("fleet.yaml", text, limits, budget.get(), split));
  }

  /** Parts of one to a few documents, so that every boundary of a short stream is a part's. */
  private static ManifestParser.Split parts(Random random) {
    return new ManifestParser.Split(0, 1 + random.nextInt(900));
  }

  private static void assertSameAsOneThread(
      String text, InputLimits limits, Supplier<RunBudget> budget, ManifestParser.Split split) {
    Object expected = read(text, limits, budget, ONE_THREAD);
    Object actual = read(text, limits, budget, split);
    if (!actual.equals(expected)) {
      fail(
          "parts of %s chars: %s\nwhere one thread read: %s\nof:\n%s",
          split.partChars(), brief(actual), brief(expected), text);
    }
  }

  /** An error, or the objects' locations: enough to tell where two reads part. */
  private static String brief(Object outcome) {
    return outcome instanceof List<?> read
        ? read.stream()
            .map(m -> ((Manifest) m).ref() + " at " + ((Manifest) m).location())
            .toList()
            .toString()
        : outcome.toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  @Timeout(120)
  void seededStreamsReadInPartsAsOnOneThread(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 40; i++) {
      String text = new Fleet(random).stream(2 + random.nextInt(30));
      ManifestParser.Split split = parts(random);
      assertThat(YamlDocuments.parts(text, split.partChars())).hasSizeGreaterThan(1);
      assertThat(read(text, LIMITS, () -> new RunBudget(LIMITS), ONE_THREAD))
          .as("a valid stream reads")
          .isInstanceOf(List.class);
      assertSameAsOneThread(text, LIMITS, () -> new RunBudget(LIMITS), split);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  @Timeout(120)
  void anErrorAtARandomDocumentIsTheErrorOfTheOneThreadRead(long seed) {
    Random random = new Random(seed);
    int errors = 0;
    for (int i = 0; i < 40; i++) {
      Fleet fleet = new Fleet(random);
      String text = fleet.streamWithErrors(2 + random.nextInt(30), 1 + random.nextInt(2));
      if (read(text, LIMITS, () -> new RunBudget(LIMITS), ONE_THREAD) instanceof String) {
        errors++;
      }
      assertSameAsOneThread(text, LIMITS, () -> new RunBudget(LIMITS), parts(random));
    }
    // Some edits leave a document valid (an extra key snakeyaml reads as part of a value, say).
    assertThat(errors).isGreaterThan(30);
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24, 25})
  @Timeout(120)
  void eachLimitIsReachedWhereTheOneThreadReadReachesIt(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 20; i++) {
      String text = new Fleet(random).stream(5 + random.nextInt(20));
      for (InputLimits limits :
          List.of(
              new InputLimits(1 << 30, 100, 1 + random.nextInt(60), 1 << 20, 100, 100),
              new InputLimits(1 << 30, 100, 10_000, 200 + random.nextInt(600), 100, 100),
              new InputLimits(1 << 30, 100, 10_000, 1 << 20, 2 + random.nextInt(5), 100),
              new InputLimits(1 << 30, 100, 10_000, 1 << 20, 100, random.nextInt(3)))) {
        assertSameAsOneThread(text, limits, () -> new RunBudget(limits), parts(random));
      }
      long aliasNodes = random.nextInt(40);
      assertSameAsOneThread(text, LIMITS, () -> new RunBudget(LIMITS, aliasNodes), parts(random));
    }
  }

  @Test
  void theRunsLimitsCountTheFilesReadBeforeAsTheOneThreadReadDoes() {
    Random random = new Random(31);
    String first = new Fleet(random).stream(10);
    String second = new Fleet(random).stream(10);
    for (int max = 1; max < 70; max++) {
      InputLimits limits = new InputLimits(1 << 30, 100, max, 1 << 20, 100, 100);
      List<Object> outcomes = new ArrayList<>();
      for (ManifestParser.Split split : List.of(ONE_THREAD, new ManifestParser.Split(0, 300))) {
        RunBudget budget = new RunBudget(limits);
        outcomes.add(
            outcome(
                () -> {
                  List<Manifest> all =
                      new ArrayList<>(
                          ManifestParser.parseText("a.yaml", first, limits, budget, split));
                  all.addAll(ManifestParser.parseText("b.yaml", second, limits, budget, split));
                  return all;
                }));
      }
      if (!outcomes.get(1).equals(outcomes.get(0))) {
        fail("--max-documents %s: %s, not %s", max, brief(outcomes.get(1)), brief(outcomes.get(0)));
      }
    }
  }

  @Test
  void aStringRepeatedInTwoPartsIsKeptOnce() {
    String text = new Fleet(new Random(41)).stream(20);

    List<Manifest> read =
        ManifestParser.parseText(
            "fleet.yaml", text, LIMITS, new RunBudget(LIMITS), new ManifestParser.Split(0, 1));

    assertThat(read).hasSizeGreaterThan(10);
    Manifest first = read.get(0);
    Manifest last = read.get(read.size() - 1);
    assertThat(last.location().file()).isSameAs(first.location().file());
    String key = first.fieldLines().keySet().iterator().next();
    String sameKey =
        last.fieldLines().keySet().stream().filter(key::equals).findFirst().orElseThrow();
    assertThat(sameKey).isSameAs(key);
  }

  /** Streams of many small releases as {@code helm template} and people write them. */
  private static final class Fleet {
    private final Random random;

    Fleet(Random random) {
      this.random = random;
    }

    String stream(int releases) {
      return String.join("", documents(releases));
    }

    /** The stream with {@code errors} documents broken, each in one of the ways a user can. */
    String streamWithErrors(int releases, int errors) {
      List<String> documents = documents(releases);
      for (int e = 0; e < errors; e++) {
        int at = random.nextInt(documents.size());
        documents.set(at, broken(documents.get(at)));
      }
      return String.join("", documents);
    }

    private List<String> documents(int releases) {
      List<String> out = new ArrayList<>();
      if (random.nextInt(3) == 0) {
        out.add("# leading comment\n");
      }
      for (int r = 0; r < releases; r++) {
        String name = "app-" + r;
        String source = "---\n# Source: " + name + "/templates/";
        out.add(
            source
                + "serviceaccount.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: "
                + name
                + "\n  labels:\n    app.kubernetes.io/name: "
                + name
                + "\n");
        if (random.nextInt(4) == 0) {
          // Empty documents, as helm writes for a template that renders nothing.
          out.add(
              switch (random.nextInt(3)) {
                case 0 -> "---\n";
                case 1 -> "---\n# Source: " + name + "/templates/x.yaml\n";
                // snakeyaml reads it, and it ends on its own line, not at the next `---`: the
                // comment below it then names the next document's template.
                default -> "--- ~\n# Source: " + name + "/templates/after-null.yaml\n";
              });
        }
        out.add(
            (random.nextInt(5) == 0 ? "---\n" : source + "role.yaml\n")
                + "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: "
                + name
                + "\n  namespace: ns-"
                + random.nextInt(3)
                + "\nrules:\n- apiGroups: [\"\"]\n  resources: [configmaps]\n  verbs: [get, list, watch]\n");
        out.add(configMap(source, name));
        out.add(workload(source, name));
        if (random.nextInt(5) == 0) {
          out.add(
              "---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: "
                  + name
                  + "\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: "
                  + name
                  + "-extra\n");
        }
      }
      return out;
    }

    private String configMap(String source, String name) {
      String data =
          switch (random.nextInt(4)) {
            case 0 ->
                // Anchors and aliases: snakeyaml reads the document, and its alias nodes count.
                "  config.yaml: |\n    base: &b {a: 1, b: 2}\n    one: *b\n    two: *b\n";
            case 1 ->
                // A plain scalar over two lines: snakeyaml reads the document.
                "  note: a long\n    folded value\n";
            case 2 -> "  LOG_LEVEL: debug\n  script.sh: |-\n    #!/bin/sh\n    echo hi\n";
            default -> "  ratio: \"0.5\"\n";
          };
      String anchors =
          random.nextInt(6) == 0 ? "  labels: &l {tier: web}\n  annotations: *l\n" : "";
      return source
          + "configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
          + name
          + "-config\n"
          + anchors
          + "data:\n"
          + data;
    }

    private String workload(String source, String name) {
      boolean agent = random.nextInt(6) == 0;
      return source
          + "workload.yaml\napiVersion: apps/v1\nkind: "
          + (agent ? "DaemonSet" : "Deployment")
          + "\nmetadata:\n  name: "
          + name
          + "\nspec:\n"
          + (agent ? "" : "  replicas: " + (1 + random.nextInt(5)) + "\n")
          + "  selector:\n    matchLabels:\n      app: "
          + name
          + "\n  template:\n    metadata:\n      labels:\n        app: "
          + name
          + "\n    spec:\n      serviceAccountName: "
          + name
          + "\n      containers:\n      - name: app\n        image: registry/"
          + name
          + ":1.0\n        args: [--port=8080]\n        env:\n        - name: A\n          value: \"1\"\n";
    }

    private String broken(String document) {
      String[] lines = document.split("\n", -1);
      int at = random.nextInt(lines.length);
      for (int tries = 0; tries < lines.length && !content(lines[at]); tries++) {
        at = (at + 1) % lines.length;
      }
      String line = lines[at];
      lines[at] =
          switch (random.nextInt(9)) {
            case 0 -> line + ": b: c";
            case 1 -> "kind: Thing\n" + line;
            case 2 -> line.replace("name: ", "name: Bad_Name_");
            case 3 -> line + " {{ .Values.x }}";
            case 4 -> "\t" + line;
            case 5 -> line + " *missing";
            case 6 -> "apiVersion: v1\n" + line;
            case 7 -> "  namespace: Not-A-Label\n" + line;
            default -> line.replace(":", "");
          };
      String text = String.join("\n", lines);
      return random.nextInt(5) == 0 ? text.replace("kind:", "kinds:") : text;
    }

    private static boolean content(String line) {
      return !line.isBlank() && !line.startsWith("#") && !line.startsWith("---");
    }
  }
}
