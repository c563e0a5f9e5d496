package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.report.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret data, stringData and credential-like env values never reach a report, an explanation or
 * an error message: unique canaries are planted in each place and every output of every format is
 * searched for them (and for their base64 form).
 */
class SecretsTest {

  private static final List<String> CANARIES =
      List.of(
          "canary-secret-data-7f3a",
          "canary-string-data-91be",
          "canary-env-password-c04d",
          "canary-env-token-5e21",
          "canary-list-secret-aa10",
          "canary-broken-secret-3b77",
          "canary-env-wrong-type-d9e4",
          "canary-templated-secret-0c5f",
          "canary-tag-6d01",
          "canary-alias-e7c2",
          "canary-args-3f90");

  @TempDir Path tmp;

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A chart that reads fine and carries every canary but the malformed ones. */
  private static final String CHART =
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: db
        namespace: shop
      type: Opaque
      data:
        password: %s
      stringData:
        token: canary-string-data-91be
      ---
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Secret
          metadata:
            name: listed
            namespace: shop
          stringData:
            key: canary-list-secret-aa10
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: api
        template:
          metadata:
            labels:
              app: api
          spec:
            containers:
              - name: api
                image: registry.example/api:1.0
                env:
                  - name: DB_PASSWORD
                    value: canary-env-password-c04d
                  - name: API_TOKEN
                    value: canary-env-token-5e21
      """
          .formatted(base64("canary-secret-data-7f3a"));

  private static void assertNoCanary(String output, String what) {
    for (String canary : CANARIES) {
      assertThat(output).as(what).doesNotContain(canary).doesNotContain(base64(canary));
    }
  }

  private static void assertNoCanary(CliRun run, String what) {
    assertNoCanary(run.stdout(), what + " stdout");
    assertNoCanary(run.stderr(), what + " stderr");
  }

  @Test
  void noReportFormatShowsASecretOrACredentialLikeEnvValue() throws IOException {
    Path chart = Files.writeString(tmp.resolve("chart.yaml"), CHART);
    for (Format format : Format.values()) {
      CliRun run = CliRun.of("analyze", chart.toString(), "--format", format.label());
      assertThat(run.exitCode())
          .as("%s: %s", format, run.stderr())
          .isIn(ExitCode.PASS, ExitCode.FAIL);
      if (format != Format.SARIF && format != Format.GITHUB && format != Format.FINDINGS) {
        // SARIF, workflow commands and the findings report carry findings only; the others list
        // every workload.
        assertThat(run.stdout()).as("the report covers the workload").contains("api");
      }
      assertNoCanary(run, format.label());
    }
    CliRun explained = CliRun.of("explain", "Deployment/shop/api", chart.toString());
    assertThat(explained.exitCode()).as(explained.stderr()).isIn(ExitCode.PASS, ExitCode.FAIL);
    assertThat(explained.stdout()).contains("Deployment/shop/api");
    assertNoCanary(explained, "explain");
  }

  @Test
  void noErrorMessageShowsASecret() throws IOException {
    List<String> broken = new ArrayList<>();
    // A YAML error inside a Secret, just after its value.
    broken.add(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: broken\nstringData:\n  password: canary-broken-secret-3b77\n   oops: [\n");
    // A credential-like env value where a mapping belongs: the type error must not quote it.
    broken.add(
        CHART.replace("value: canary-env-password-c04d", "valueFrom: canary-env-wrong-type-d9e4"));
    // An unrendered template in a Secret: the error names the path, not the value around it.
    broken.add(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\nstringData:\n  p: \"canary-templated-secret-0c5f{{ .Values.password }}\"\n");
    // A duplicate key in a Secret's stringData: the error names the key, never its values.
    broken.add(
        CHART.replace(
            "  token: canary-string-data-91be",
            "  token: canary-string-data-91be\n  token: canary-broken-secret-3b77"));
    // Unquoted values that YAML reads as a tag and as an alias: snakeyaml's messages name both.
    broken.add(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tag\nstringData:\n  password: !canary-tag-6d01\n");
    broken.add(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: alias\nstringData:\n  password: *canary-alias-e7c2\n");
    // args written as one string, a credential in it: the type error says "a string".
    broken.add(
        CHART.replace(
            "        - name: api\n",
            "        - name: api\n          args: \"--password=canary-args-3f90\"\n"));
    for (int i = 0; i < broken.size(); i++) {
      Path file = Files.writeString(tmp.resolve("broken-" + i + ".yaml"), broken.get(i));
      for (Format format : Format.values()) {
        CliRun run = CliRun.of("analyze", file.toString(), "--format", format.label());
        assertThat(run.exitCode()).as("case %d: %s", i, run.stderr()).isEqualTo(ExitCode.USAGE);
        assertThat(run.stderr()).startsWith("kubeload: " + file + ":");
        assertNoCanary(run, "case " + i);
      }
      CliRun fromStdin =
          CliRun.withStdin(broken.get(i).getBytes(StandardCharsets.UTF_8), "analyze", "-");
      assertThat(fromStdin.exitCode()).isEqualTo(ExitCode.USAGE);
      assertNoCanary(fromStdin, "case " + i + " on stdin");
    }
  }
}
