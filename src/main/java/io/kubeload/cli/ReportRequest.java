package io.kubeload.cli;

import io.kubeload.report.Format;

/** One report to write: a format, and a file, or stdout when {@code file} is null or {@code -}. */
record ReportRequest(Format format, String file) {

  boolean toStdout() {
    return file == null || file.equals("-");
  }
}
