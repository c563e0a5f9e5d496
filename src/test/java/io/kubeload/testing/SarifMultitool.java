package io.kubeload.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Microsoft's SARIF Multitool (the validator GitHub points SARIF producers to), installed under
 * {@code target/tools/} from its npm package for Linux, whose tarball holds the self-contained
 * {@code Sarif.Multitool} executable. Called directly: the npm wrapper passes its arguments through a
 * shell, which splits {@code --rule-kind "Gh;Sarif"} at the semicolon.
 */
public final class SarifMultitool {

  static final String NPM_PACKAGE = "@microsoft/sarif-multitool-linux@5.7.0";

  private static final Path INSTALLED = TestTool.TOOLS.resolve("Sarif.Multitool");

  private static final TestTool TOOL =
      new TestTool("the SARIF Multitool could not be installed from npm (" + NPM_PACKAGE + ")", SarifMultitool::locate);

  private SarifMultitool() {}

  public static Optional<Path> binary() {
    return TOOL.binary();
  }

  public static String unavailableBecause() {
    return TOOL.unavailableBecause();
  }

  private static Path locate() throws IOException, InterruptedException {
    if (!Files.isExecutable(INSTALLED)) {
      Path work = TestTool.npmUnpack(NPM_PACKAGE, "package/Sarif.Multitool");
      try (InputStream binary = Files.newInputStream(work.resolve("package/Sarif.Multitool"))) {
        TestTool.installExecutable(binary, INSTALLED);
      }
    }
    TestTool.run(Path.of("."), INSTALLED.toAbsolutePath().toString(), "--version");
    return INSTALLED;
  }
}
