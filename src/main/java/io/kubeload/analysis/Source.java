package io.kubeload.analysis;

import java.util.Objects;

/**
 * One input the analysis parses itself, as bytes: a final class rather than a record, so that the
 * array is copied in and out and no caller can change a request after it is built.
 */
public final class Source {

  private final String name;
  private final byte[] bytes;

  /** @param name how errors and locations refer to the input: a file's path, {@code <stdin>}, a rendering */
  public Source(String name, byte[] bytes) {
    this.name = Objects.requireNonNull(name, "name");
    this.bytes = bytes.clone();
  }

  public String name() {
    return name;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return name + " (" + bytes.length + " bytes)";
  }
}
