package io.kubeload.cli;

import io.kubeload.access.catalog.Catalog;
import io.kubeload.access.catalog.CatalogEntry;
import io.kubeload.text.DidYouMean;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeload catalog}: the components kubeload knows and the sources it cites. */
final class CatalogCommand implements Runnable {

  final CommandSpec spec =
      CommandSpecs.command(
          this,
          "catalog",
          "Shows the components kubeload recognises and where its knowledge comes from.",
          "Each entry says how a component is recognised (image, command, operator",
          "resource), what it asks of the API server, which settings change that, and",
          "the source cited for every claim (docs/catalog.md).");

  CatalogCommand() {
    spec.addSubcommand("list", new CommandLine(new ListEntries().spec));
    spec.addSubcommand("show", new CommandLine(new Show().spec));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code kubeload catalog list}. */
  static final class ListEntries implements Callable<Integer> {
    final CommandSpec spec =
        CommandSpecs.command(
            this, "list", "Lists the entries: name, config language, title and images.");

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
  static final class Show implements Callable<Integer> {
    final CommandSpec spec =
        CommandSpecs.command(
            this, "show", "Prints an entry as shipped: recognition, accesses, switches, sources.");

    String name;

    Show() {
      spec.addPositional(
          CommandSpecs.parameter(String.class, () -> name, v -> name = v)
              .paramLabel("NAME")
              .description("An entry's name, as `kubeload catalog list` shows it.")
              .build());
    }

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
