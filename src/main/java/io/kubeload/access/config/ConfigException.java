package io.kubeload.access.config;

/** A configuration file kubeload cannot read; its message says where and why, in one line. */
final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  ConfigException(String message) {
    super(message);
  }

  static ConfigException atLine(int line, String problem) {
    return new ConfigException("line " + line + ": " + problem);
  }
}
