package io.kubeload.access.config;

import io.kubeload.text.KebabIds;
import java.util.Optional;

/**
 * The configuration languages kubeload reads, each turned into a plain tree of maps, lists and
 * strings that catalog entries query (docs/catalog.md describes each tree's shape).
 */
public enum ConfigLanguage {
  /** Fluent Bit: classic {@code [SECTION]} files, or YAML files ({@code .yaml}, {@code .yml}). */
  FLUENT_BIT,
  /** fluentd directives: {@code <source>}, {@code <filter>}, {@code <match>}, {@code <label>}. */
  FLUENTD,
  /** YAML or JSON as written (Prometheus, Promtail, Grafana Agent). */
  YAML,
  /** TOML (Telegraf). */
  TOML,
  /** YAML, TOML or JSON by the file's extension (Vector). */
  BY_EXTENSION,
  /** Grafana Alloy (River) blocks and attributes. */
  ALLOY,
  /** OpenTelemetry Collector YAML, with each component marked as used by a pipeline or not. */
  OTEL_COLLECTOR,
  /** CoreDNS Corefile: server blocks and their plugins. */
  COREFILE,
  /** A ConfigMap's keys as flat settings (cilium-config, calico-config). */
  CONFIGMAP_KEYS;

  public String label() {
    return KebabIds.of(this);
  }

  public static Optional<ConfigLanguage> parse(String text) {
    return KebabIds.parse(ConfigLanguage.class, text.strip());
  }
}
