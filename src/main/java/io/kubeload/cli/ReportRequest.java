package io.kubeload.cli;

import io.kubeload.report.Format;
import java.util.Optional;

/** One report to write: a format, and a file, or stdout when none. */
record ReportRequest(Format format, Optional<String> file) {

  boolean toStdout() {
    return file.isEmpty();
  }
}
