package io.kubeload.cli;

import io.kubeload.access.catalog.Catalog;
import io.kubeload.access.catalog.CatalogEntry;
import io.kubeload.text.DidYouMean;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeload catalog}: the components kubeload knows and the sources it cites. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the components kubeload recognises and where its knowledge comes from.",
      "Each entry says how a component is recognised (image, command, operator",
      "resource), what it asks of the API server, which settings change that, and",
      "the source cited for every claim (docs/catalog.md)."
    },
    subcommands = {CatalogCommand.ListEntries.class, CatalogCommand.Show.class})
final class CatalogCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code kubeload catalog list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the entries: name, config language, title and images.")
  static final class ListEntries implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int width = Catalog.entries().stream().mapToInt(e -> e.name().length()).max().orElse(4);
      out.printf("%-" + width + "s  %-15s  %s%n", "NAME", "CONFIG", "TITLE (IMAGES)");
      for (CatalogEntry entry : Catalog.entries()) {
        String config = entry.config().map(c -> c.language().label()).orElse("-");
        out.printf(
            "%-" + width + "s  %-15s  %s (%s)%n",
            entry.name(),
            config,
            entry.title(),
            String.join(", ", entry.recognition().images()));
      }
      out.flush();
      return ExitCode.PASS;
    }
  }

  /** {@code kubeload catalog show NAME}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Prints an entry as shipped: recognition, accesses, switches, sources.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "NAME",
        description = "An entry's name, as `kubeload catalog list` shows it.")
    String name;

    @Override
    public Integer call() {
      CatalogEntry entry =
          Catalog.find(name)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "no catalog entry '"
                              + name
                              + "'"
                              + DidYouMean.hint(
                                  name, Catalog.entries().stream().map(CatalogEntry::name).toList())
                              + " (see 'kubeload catalog list')"));
      spec.commandLine().getOut().print(Catalog.text(entry));
      spec.commandLine().getOut().flush();
      return ExitCode.PASS;
    }
  }
}
