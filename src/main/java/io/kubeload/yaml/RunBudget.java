package io.kubeload.yaml;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limits that span all inputs of one run, counted while they are read: YAML documents (a
 * {@code kind: List}'s items each count as one) and the nodes that aliases add once expanded. A
 * document's aliases are cheap to read but every later stage walks the expanded tree, so the
 * expansion is bounded for the whole run, not per document: 2,000 small files each just under a
 * per-document bound would still be hours of work.
 */
public final class RunBudget {

  /**
   * Nodes that aliases may add to all documents of one run. Rendered Helm output has no aliases;
   * a hand-written manifest's anchors add hundreds. A "billion laughs" needs only 90 aliases to add
   * a billion.
   */
  static final long MAX_ALIAS_NODES = 1_000_000;

  /**
   * Nodes that aliases may add to one component's configuration file (a ConfigMap's embedded YAML):
   * each is parsed once per workload that mounts it, so its share is far smaller than a run's. What
   * it adds is also spent from the run's budget when the ConfigMap is read.
   */
  static final long MAX_CONFIG_ALIAS_NODES = 10_000;

  private final InputLimits limits;
  private final long maxAliasNodes;
  private int documents;
  private long aliasNodes;

  /** Not a limit, but as wide as one: the strings the run's documents share. */
  private final Interner strings;

  /** The same: the first lines read of each sequence of field paths, by their paths. */
  private final Map<List<String>, FieldLines> paths = new ConcurrentHashMap<>();

  public RunBudget(InputLimits limits) {
    this(limits, MAX_ALIAS_NODES);
  }

  public RunBudget(InputLimits limits, long maxAliasNodes) {
    this(limits, maxAliasNodes, new Interner());
  }

  private RunBudget(InputLimits limits, long maxAliasNodes, Interner strings) {
    this.limits = limits;
    this.maxAliasNodes = maxAliasNodes;
    this.strings = strings;
  }

  /**
   * A budget for a part of the input read on another thread: the run's limits and strings, counting
   * from nothing, at most the alias nodes this one has left. What it counts joins the run's with
   * {@link #add}.
   */
  public RunBudget part() {
    return new RunBudget(limits, aliasNodesLeft(), strings);
  }

  /**
   * Counts what {@code part} counted, read after everything counted so far; false, counting nothing,
   * when that passes a limit (the part's reading is then to be redone against this budget, to fail
   * where the limit is reached).
   */
  public boolean add(RunBudget part) {
    if (part.documents > limits.maxDocuments() - documents || !fitsAliasNodes(part.aliasNodes)) {
      return false;
    }
    documents += part.documents;
    aliasNodes += part.aliasNodes;
    return true;
  }

  Interner strings() {
    return strings;
  }

  /** The first lines of the run with the paths of {@code lines}, in their order: {@code lines} if none came before. */
  FieldLines pathsOf(FieldLines lines) {
    return paths.computeIfAbsent(lines.paths(), key -> lines);
  }

  /** Counts one more document (or List item) starting at {@code line} of {@code file}. */
  public void countDocument(String file, int line) {
    if (documents >= limits.maxDocuments()) {
      throw new InputException(
          file,
          line,
          InputLimits.reached(
              "more YAML documents than one run reads",
              limits.maxDocuments(),
              InputLimits.MAX_DOCUMENTS));
    }
    documents++;
  }

  /** Whether {@code nodes} more alias-added nodes still fit. */
  public boolean fitsAliasNodes(long nodes) {
    return nodes <= aliasNodesLeft();
  }

  public void spendAliasNodes(long nodes) {
    aliasNodes += nodes;
  }

  long aliasNodesLeft() {
    return maxAliasNodes - aliasNodes;
  }

  public String aliasBomb() {
    return "aliases expand the input beyond "
        + String.format(Locale.ROOT, "%,d", maxAliasNodes)
        + " more nodes than it writes out (an alias bomb?)";
  }
}
