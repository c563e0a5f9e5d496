package io.kubeload.yaml;

import java.util.Random;

/**
 * Seeded YAML streams for the differential test: block mappings and lists nested at random
 * indentations, every scalar style and YAML 1.1 plain shape, block scalars with every header,
 * comments, blank lines and CRLF; Helm-style releases; and random breakage of either.
 */
final class Generator {

  private static final String[] PLAIN = {
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "n",
    "true",
    "False",
    "~",
    "null",
    "NULL",
    "012",
    "0x1F",
    "0b101",
    "1:20",
    "1_000",
    "-7",
    "+3",
    "0",
    "2147483648",
    "99999999999999999999",
    "3.14",
    "1e3",
    "6.8523015e+5",
    ".inf",
    "-.Inf",
    ".NaN",
    "1_0.5",
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5",
    "2002-13-45",
    "=",
    "abc",
    "a b",
    "caf\u00e9",
    "\u2603",
    "\uD83D\uDE00",
    "http://x:80/y",
    "a:b",
    "x#y",
    "-x",
    "--flag=1",
    "web-0",
    "nginx:1.25",
    "50m",
    "128Mi",
    "ClusterIP",
    "TCP",
    "1.0",
    "v1",
    "apps/v1",
    "0o17",
    "+.5",
    "._",
    "a'b",
    "a\"b"
  };

  private static final String[] QUOTED = {
    "'x'",
    "''",
    "'it''s'",
    "'a \"b\"'",
    "\"x\"",
    "\"\"",
    "\"a\\\"b\"",
    "\"tab\\there\"",
    "\"line\\nbreak\"",
    "\"\\u00e9\\x41\"",
    "\"back\\\\slash\"",
    "\"yes\"",
    "'012'",
    "\"\\e\"",
    "' spaced '",
    "\"#not a comment\""
  };

  private static final String[] HEADERS = {"|", "|-", "|+", ">", ">-", ">+", "|2", ">1-"};

  private static final String[] KEYS = {
    "name",
    "image",
    "a b",
    "\"quoted\"",
    "'single'",
    "1",
    "true",
    "~",
    "on",
    "x.y",
    "app.kubernetes.io/name",
    "-k",
    "k-",
    "2001-12-14",
    "\"\"",
    "key"
  };

  private final Random random;

  Generator(Random random) {
    this.random = random;
  }

  String stream() {
    StringBuilder out = new StringBuilder();
    if (random.nextInt(3) == 0) {
      out.append("# leading\n");
    }
    int documents = random.nextInt(5);
    for (int d = 0; d < documents; d++) {
      if (d > 0 || random.nextBoolean()) {
        out.append(pick("---\n", "---\n", "--- # c\n", "---  \n"));
      }
      if (random.nextInt(6) == 0) {
        out.append("# Source: chart/templates/x.yaml\n");
      }
      if (random.nextInt(8) != 0) {
        node(out, 0, 0);
      }
      if (random.nextInt(4) == 0) {
        out.append("\n# trailing\n\n");
      }
    }
    String text = out.toString();
    if (random.nextInt(6) == 0 && text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (random.nextInt(8) == 0) {
      text = text.replace("\n", "\r\n");
    }
    return text;
  }

  /** A block mapping or list at column {@code col}. */
  private void node(StringBuilder out, int col, int depth) {
    if (random.nextInt(3) == 0) {
      list(out, col, depth, false);
    } else {
      mapping(out, col, depth, false);
    }
  }

  private void mapping(StringBuilder out, int col, int depth, boolean firstInline) {
    int keys = 1 + random.nextInt(4);
    for (int k = 0; k < keys; k++) {
      if (k > 0 || !firstInline) {
        out.append(" ".repeat(col));
      }
      String key = KEYS[random.nextInt(KEYS.length)];
      // Mostly distinct keys: a repeated one is an error, which the breakage below covers.
      out.append(random.nextInt(8) == 0 || key.endsWith("\"") || key.endsWith("'") ? key : key + k);
      out.append(random.nextInt(12) == 0 ? " :" : ":");
      value(out, col, depth, true);
      if (random.nextInt(10) == 0) {
        out.append(random.nextBoolean() ? "\n" : " ".repeat(col + 2) + "# between\n");
      }
    }
  }

  private void list(StringBuilder out, int col, int depth, boolean firstInline) {
    int items = 1 + random.nextInt(4);
    for (int i = 0; i < items; i++) {
      if (i > 0 || !firstInline) {
        out.append(" ".repeat(col));
      }
      out.append('-');
      int kind = random.nextInt(depth > 3 ? 2 : 5);
      if (kind == 2) {
        int spaces = 1 + random.nextInt(3);
        out.append(" ".repeat(spaces));
        mapping(out, col + 1 + spaces, depth + 1, true);
      } else {
        value(out, col, depth, false);
      }
    }
  }

  private void value(StringBuilder out, int col, int depth, boolean inMapping) {
    int kind = random.nextInt(depth > 3 ? 5 : 8);
    switch (kind) {
      case 0, 1 -> out.append(' ').append(PLAIN[random.nextInt(PLAIN.length)]).append(comment());
      case 2 -> out.append(' ').append(QUOTED[random.nextInt(QUOTED.length)]).append(comment());
      case 3 -> blockScalar(out, col);
      case 4 -> out.append(' ').append(flow()).append(comment());
      case 5 -> {
        out.append(comment()).append('\n');
        if (inMapping && random.nextBoolean()) {
          list(out, col, depth + 1, false);
        } else {
          node(out, col + 1 + random.nextInt(4), depth + 1);
        }
        return;
      }
      default -> {
        out.append(comment()).append('\n');
        if (random.nextBoolean()) {
          mapping(out, col + 1 + random.nextInt(3), depth + 1, false);
        } else {
          list(out, col + random.nextInt(3), depth + 1, false);
        }
        return;
      }
    }
    out.append('\n');
  }

  private void blockScalar(StringBuilder out, int col) {
    out.append(' ').append(HEADERS[random.nextInt(HEADERS.length)]).append(comment());
    int indent = col + 1 + random.nextInt(3);
    int lines = random.nextInt(5);
    for (int i = 0; i < lines; i++) {
      out.append('\n');
      switch (random.nextInt(6)) {
        case 0 -> {}
        case 1 -> out.append(" ".repeat(indent + 2)).append("deeper line");
        case 2 -> out.append(" ".repeat(indent)).append("# hash\tand tab");
        default ->
            out.append(" ".repeat(indent))
                .append("text ")
                .append(PLAIN[random.nextInt(PLAIN.length)]);
      }
    }
    if (random.nextBoolean()) {
      out.append("\n".repeat(random.nextInt(3)));
    }
  }

  private String flow() {
    int items = random.nextInt(4);
    if (random.nextInt(5) == 0) {
      return "{}";
    }
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < items; i++) {
      out.append(i > 0 ? ", " : "");
      String word = PLAIN[random.nextInt(PLAIN.length)];
      // Mostly words that read alike in flow and block context: the others leave the document to
      // snakeyaml.
      while (random.nextInt(10) != 0
          && (word.contains(" ") || word.contains(":") || word.startsWith("-"))) {
        word = PLAIN[random.nextInt(PLAIN.length)];
      }
      out.append(random.nextBoolean() ? word : QUOTED[random.nextInt(QUOTED.length)]);
    }
    return out.append(']').toString();
  }

  private String comment() {
    return random.nextInt(6) == 0 ? " # note: x" : "";
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  /** {@code count} small releases as {@code helm template} renders them. */
  String helmRelease(int count) {
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < count; r++) {
      String name = "svc-" + r;
      out.append("---\n# Source: ")
          .append(name)
          .append(
              "/templates/serviceaccount.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ")
          .append(name)
          .append("\n  labels:\n    app.kubernetes.io/name: ")
          .append(name)
          .append("\n    app.kubernetes.io/managed-by: Helm\n");
      out.append("---\n# Source: ")
          .append(name)
          .append(
              "/templates/role.yaml\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ")
          .append(name)
          .append("\nrules:\n  - apiGroups: [\"\"]\n    resources: [\"configmaps\", \"secrets\"]\n")
          .append(
              "    verbs: [\"get\", \"list\", \"watch\"]\n  - apiGroups: [coordination.k8s.io]\n")
          .append("    resources: [leases]\n    verbs: [get, create, update]\n");
      out.append("---\n# Source: ")
          .append(name)
          .append("/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ")
          .append(name)
          .append("-config\n  annotations:\n    checksum/config: \"")
          .append(Integer.toHexString(random.nextInt()))
          .append(
              "\"\ndata:\n  LOG_LEVEL: debug\n  config.yaml: |\n    server:\n      port: 8080\n\n")
          .append("    upstream: http://x:80\n  script.sh: |-\n    #!/bin/sh\n    echo 'hi' # x\n");
      out.append("---\n# Source: ")
          .append(name)
          .append(
              "/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ")
          .append(name)
          .append("\nspec:\n  replicas: ")
          .append(1 + random.nextInt(5))
          .append(
              "\n  template:\n    spec:\n      containers:\n      - name: app\n        image: registry/")
          .append(name)
          .append(
              ":1.25.0\n        args:\n        - --port=8080\n        - --verbose\n        env:\n")
          .append(
              "        - name: A\n          value: \"1\"\n        - name: B\n          valueFrom:\n")
          .append(
              "            fieldRef:\n              fieldPath: metadata.name\n        resources:\n")
          .append("          requests:\n            cpu: 50m\n            memory: 64Mi\n")
          .append(
              "        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: http\n")
          .append(
              "      tolerations: []\n      nodeSelector: {}\n      enabled: true\n      ratio: 0.5\n");
    }
    return out.toString();
  }

  /** The stream with one random edit: a character deleted or inserted, or a line repeated. */
  static String mutate(String text, Random random) {
    if (text.isEmpty()) {
      return "a: 1\n";
    }
    int at = random.nextInt(text.length());
    String[] inserts = {
      " ", "\t", ":", "- ", "#", "'", "\"", "\n", "|", "&a ", "*a", "[", "{", "---\n", "...\n",
      "% ", "? ", "!t ", "\\", "  ", ": ", "\r", ",", "]", "}", "<<: "
    };
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at) + text.substring(at + 1);
      case 1 ->
          text.substring(0, at) + inserts[random.nextInt(inserts.length)] + text.substring(at);
      default -> {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        String line = end < 0 ? text.substring(start) + "\n" : text.substring(start, end + 1);
        yield text.substring(0, start) + line + text.substring(start);
      }
    };
  }
}
