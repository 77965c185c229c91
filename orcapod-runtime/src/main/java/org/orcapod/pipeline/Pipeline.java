package org.orcapod.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.error.OrcapodException;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.execution.PacketFunctionExecutor;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.PacketFunction;
import org.orcapod.hashing.ContentHash;
import org.orcapod.node.CacheMode;
import org.orcapod.node.FunctionNode;
import org.orcapod.node.OperatorNode;
import org.orcapod.node.SourceNode;
import org.orcapod.node.TableScope;
import org.orcapod.observe.CompositeObserver;
import org.orcapod.observe.ExecutionObserver;
import org.orcapod.observe.LoggingObserver;
import org.orcapod.observe.NoOpObserver;
import org.orcapod.observe.StatusObserver;
import org.orcapod.operator.Operator;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.pipeline.validation.PipelineValidationException;
import org.orcapod.pipeline.validation.RuntimeGraphBuilder;
import org.orcapod.source.RootSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Stream;

/**
 * A named pipeline over a DAG of streams, as Python orcapod's {@code Pipeline}.
 *
 * <p>Build the DAG as usual (sources, {@code FunctionPod.process}, {@code Operator.process}), hand
 * its output streams to {@link #add}, then {@link #compile()}: every element becomes a node that
 * owns its execution ({@link SourceNode}, {@link FunctionNode}, {@link OperatorNode}), reading the
 * compiled upstream nodes; nodes get storage scoped under the pipeline's name ({@code <name>/…} for
 * records, {@code <name>/_result} for results unless a result database was given, {@code
 * <name>/_log} and {@code <name>/_status} for the default observers' tables); every function node
 * without an executor gets a {@link LocalExecutor}, so capture works out of the box. Labels are
 * unique: colliding labels become {@code label_1}, {@code label_2}… in content-hash order. Compile
 * is explicit unless {@link Builder#autoCompile(boolean)} is set.
 *
 * <p>{@link #run(RunOptions)} applies an executor to every function node (a new instance per node
 * via {@code withOptions}; a node whose executor was set with {@link #setExecutor} keeps it), then
 * lets the orchestrator run the nodes under an observer.
 *
 * <p>Nodes share the function objects of the pods they wrap: the executor is a property of the
 * packet function, so one function object used by two pods has one executor.
 */
public final class Pipeline implements AutoCloseable {
  private final String name;
  private final @Nullable ArrowDatabase database;
  private final @Nullable ArrowDatabase resultDatabaseOverride;
  private final BufferAllocator allocator;
  private final boolean autoCompile;
  private final CacheMode operatorCacheMode;
  private final TableScope tableScope;
  private @Nullable SourceContext context;
  private final List<Stream> outputs = new ArrayList<>();
  private final Map<Stream, String> userLabels = new IdentityHashMap<>();

  private @Nullable PipelineGraph graph;
  private final Map<String, PipelineNode> byLabel = new LinkedHashMap<>();
  private final Map<String, PipelineNode> aliases = new HashMap<>();
  private final List<String[]> hashEdges = new ArrayList<>();
  private final Set<String> overridden = new HashSet<>();
  private final List<PacketFunctionExecutor> owned = new ArrayList<>();
  private final List<Stream> ownedStreams = new ArrayList<>();
  private final List<AutoCloseable> ownedResources = new ArrayList<>();
  private @Nullable ArrowDatabase scopedDatabase;
  private @Nullable ArrowDatabase resultDatabase;
  private @Nullable ArrowDatabase logDatabase;
  private @Nullable ArrowDatabase statusDatabase;
  private ExecutionObserver defaultObserver = NoOpObserver.INSTANCE;

  private Pipeline(Builder b) {
    this.name = b.name;
    this.database = b.database;
    this.resultDatabaseOverride = b.resultDatabase;
    this.allocator = b.allocator;
    this.autoCompile = b.autoCompile;
    this.operatorCacheMode = b.operatorCacheMode;
    this.tableScope = b.tableScope;
    this.context = b.context;
  }

  /**
   * Starts building a pipeline {@code name} whose records go to {@code database} (null: no
   * persistence); nodes allocate from {@code allocator}.
   */
  public static Builder builder(
      String name, @Nullable ArrowDatabase database, BufferAllocator allocator) {
    return new Builder(name, database, allocator);
  }

  /** Options of a {@link Pipeline}. */
  public static final class Builder {
    private final String name;
    private final @Nullable ArrowDatabase database;
    private final BufferAllocator allocator;
    private @Nullable ArrowDatabase resultDatabase;
    private boolean autoCompile;
    private CacheMode operatorCacheMode = CacheMode.OFF;
    private TableScope tableScope = TableScope.PIPELINE_HASH;
    private @Nullable SourceContext context;

    private Builder(String name, @Nullable ArrowDatabase database, BufferAllocator allocator) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || name.contains("@")) {
        throw new IllegalArgumentException(
            "[Orcapod/InvalidPipelineName] pipeline name '"
                + name
                + "' must be non-empty and contain no '@' (it starts the snapshot uri"
                + " name@<hash>)");
      }
      this.name = name;
      this.database = database;
      this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    /** Where result rows go; defaults to {@code database.at(name, "_result")}. */
    public Builder resultDatabase(@Nullable ArrowDatabase db) {
      this.resultDatabase = db;
      return this;
    }

    /** Whether {@link #run} and node look-ups compile on demand (default false: explicit). */
    public Builder autoCompile(boolean auto) {
      this.autoCompile = auto;
      return this;
    }

    /** The cache mode of operator nodes (default {@link CacheMode#OFF}, as Python). */
    public Builder operatorCacheMode(CacheMode mode) {
      this.operatorCacheMode = Objects.requireNonNull(mode);
      return this;
    }

    /** The table scope of function and operator nodes (default pipeline hash, as Python). */
    public Builder tableScope(TableScope scope) {
      this.tableScope = Objects.requireNonNull(scope);
      return this;
    }

    /**
     * The hashers used for operator nodes and sources without their own; defaults to the context of
     * the first function pod or root source met while compiling.
     */
    public Builder context(@Nullable SourceContext context) {
      this.context = context;
      return this;
    }

    /** The pipeline. */
    public Pipeline build() {
      return new Pipeline(this);
    }
  }

  // ------------------------------------------------------------------ DAG

  /** The pipeline's name. */
  public String name() {
    return name;
  }

  /**
   * Adds an output of the DAG (with everything upstream of it) and returns it.
   *
   * @throws IllegalStateException after compile
   */
  public synchronized <S extends Stream> S add(S stream) {
    if (graph != null) {
      throw new IllegalStateException(
          "[Orcapod/AlreadyCompiled] pipeline '"
              + name
              + "' is compiled; add every output before compile()");
    }
    outputs.add(Objects.requireNonNull(stream, "stream"));
    return stream;
  }

  /** Adds {@code stream} as {@link #add(Stream)} and labels its node {@code label}. */
  public synchronized <S extends Stream> S add(String label, S stream) {
    add(stream);
    userLabels.put(stream, Objects.requireNonNull(label, "label"));
    return stream;
  }

  /**
   * Hands {@code resource} (typically a source or stream the DAG was built from) to the pipeline,
   * which closes it in {@link #close()}, after its nodes, in the reverse order of handing over.
   * This lets a {@link PipelineDefinition} return a pipeline whose caller releases everything by
   * closing it.
   *
   * @return {@code resource}
   */
  public synchronized <T extends AutoCloseable> T own(T resource) {
    ownedResources.add(Objects.requireNonNull(resource, "resource"));
    return resource;
  }

  /** Labels the node of {@code stream} (any element of the DAG) without adding it as an output. */
  public synchronized <S extends Stream> S label(String label, S stream) {
    userLabels.put(stream, Objects.requireNonNull(label, "label"));
    return stream;
  }

  /** An element of the DAG before compile. */
  private record Element(
      String hash, NodeKind kind, Stream stream, List<String> upstream, String label) {}

  /**
   * Compiles the DAG into nodes (see the class comment). A second call does nothing.
   *
   * @throws IllegalStateException when nothing was added or no context can be found
   * @throws PipelineValidationException when the DAG fails the graph validators the annotation
   *     processor runs at build time (see docs/dsl.md); nothing is created or written then
   */
  public synchronized void compile() {
    if (graph != null) {
      return;
    }
    if (outputs.isEmpty()) {
      throw new IllegalStateException(
          "[Orcapod/EmptyPipeline] pipeline '"
              + name
              + "' has no streams; add(...) its outputs before compile()");
    }
    LinkedHashMap<String, Element> elements = new LinkedHashMap<>();
    Map<Stream, String> seen = new IdentityHashMap<>();
    for (Stream out : outputs) {
      visit(out, elements, seen);
    }
    SourceContext ctx = context;
    if (ctx == null) {
      throw new IllegalStateException(
          "[Orcapod/NoContext] pipeline '"
              + name
              + "' found no function pod or root source to take hashers from; set"
              + " Builder.context(...)");
    }
    Map<String, String> labels = uniqueLabels(elements);
    validate(elements, labels);

    if (database != null) {
      scopedDatabase = database.at(name);
      resultDatabase =
          resultDatabaseOverride != null ? resultDatabaseOverride : scopedDatabase.at("_result");
      logDatabase = scopedDatabase.at("_log");
      statusDatabase = scopedDatabase.at("_status");
      defaultObserver =
          new CompositeObserver(
              new StatusObserver(statusDatabase, allocator),
              new LoggingObserver(logDatabase, allocator));
    }

    Map<String, Stream> nodeByHash = new HashMap<>();
    Map<String, String> nodeHash = new HashMap<>();
    List<PipelineNode> nodes = new ArrayList<>();
    OperatorContext opCtx = new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
    for (Element e : elements.values()) {
      String label = labels.get(e.hash());
      List<String> upLabels = new ArrayList<>();
      for (String u : e.upstream()) {
        upLabels.add(labels.get(u));
      }
      PipelineNode pn;
      switch (e.kind()) {
        case SOURCE -> {
          SourceNode s = new SourceNode(e.stream(), label);
          pn =
              new PipelineNode(
                  label,
                  NodeKind.SOURCE,
                  s,
                  upLabels,
                  e.hash(),
                  ctx.semanticHasher().hash(s.pipelineIdentityStructure()).toString(),
                  List.of());
        }
        case FUNCTION -> {
          FunctionPodStream f = (FunctionPodStream) e.stream();
          FunctionNode fn =
              FunctionNode.builder(f.pod(), nodeByHash.get(e.upstream().get(0)), allocator)
                  .pipelineDatabase(scopedDatabase)
                  .resultDatabase(scopedDatabase == null ? null : resultDatabase)
                  .tableScope(tableScope)
                  .label(label)
                  .build();
          PacketFunction function = f.pod().function();
          if (function.executor() == null) {
            LocalExecutor local = new LocalExecutor();
            function.setExecutor(local);
            owned.add(local);
          }
          pn =
              new PipelineNode(
                  label,
                  NodeKind.FUNCTION,
                  fn,
                  upLabels,
                  fn.contentHash().toString(),
                  fn.pipelineHash().toString(),
                  fn.nodePath().components());
        }
        case OPERATOR -> {
          Operator op = ((OperatorStream) e.stream()).operator();
          List<Stream> ins = new ArrayList<>();
          e.upstream().forEach(u -> ins.add(nodeByHash.get(u)));
          OperatorStream out = op.process(opCtx, ins);
          ownedStreams.add(out);
          OperatorNode on =
              new OperatorNode(
                  out,
                  OperatorNode.operatorUri(
                      op.getClass().getSimpleName(),
                      ctx.semanticHasher().hash(op.identityStructure())),
                  ctx,
                  allocator,
                  scopedDatabase,
                  operatorCacheMode,
                  tableScope,
                  label);
          pn =
              new PipelineNode(
                  label,
                  NodeKind.OPERATOR,
                  on,
                  upLabels,
                  on.contentHash().toString(),
                  on.pipelineHash().toString(),
                  on.nodePath().components());
        }
        default -> throw new AssertionError(e.kind());
      }
      ownedStreams.add(pn.node());
      nodeByHash.put(e.hash(), pn.node());
      nodeHash.put(e.hash(), pn.contentHash());
      for (String u : e.upstream()) {
        hashEdges.add(new String[] {nodeHash.get(u), pn.contentHash()});
      }
      nodes.add(pn);
      byLabel.put(label, pn);
    }
    recordAliases(elements, labels, seen);
    graph = new PipelineGraph(nodes);
  }

  /**
   * Runs the annotation processor's graph validators on the DAG, before any node, table or observer
   * exists.
   *
   * @throws PipelineValidationException listing every problem
   */
  private void validate(Map<String, Element> elements, Map<String, String> labels) {
    RuntimeGraphBuilder graphBuilder = new RuntimeGraphBuilder(name);
    for (Element e : elements.values()) {
      graphBuilder.add(
          labels.get(e.hash()), e.stream(), e.upstream().stream().map(labels::get).toList());
    }
    graphBuilder.check();
  }

  /** Depth-first, upstream first: the insertion order of {@code out} is topological. */
  private String visit(Stream s, Map<String, Element> out, Map<Stream, String> seen) {
    String known = seen.get(s);
    if (known != null) {
      return known;
    }
    NodeKind kind;
    List<String> ups = new ArrayList<>();
    String defaultLabel;
    ContentHash hash;
    if (s instanceof FunctionPodStream f) {
      if (context == null) {
        context = f.pod().context();
      }
      ups.add(visit(f.input(), out, seen));
      kind = NodeKind.FUNCTION;
      defaultLabel = f.pod().label();
      hash = f.pod().context().semanticHasher().hash(f.identityStructure());
    } else if (s instanceof OperatorStream o) {
      for (Stream in : o.inputs()) {
        ups.add(visit(in, out, seen));
      }
      kind = NodeKind.OPERATOR;
      defaultLabel = o.operator().getClass().getSimpleName();
      hash = o.contentHash();
    } else {
      kind = NodeKind.SOURCE;
      defaultLabel = s.getClass().getSimpleName();
      if (s instanceof RootSource r) {
        if (context == null) {
          context = r.context();
        }
        hash = r.contentHash();
      } else {
        if (context == null) {
          throw new IllegalStateException(
              "[Orcapod/NoContext] pipeline '"
                  + name
                  + "' cannot hash source "
                  + s
                  + " before any function pod or root source; set Builder.context(...)");
        }
        hash = context.semanticHasher().hash(s.identityStructure());
      }
    }
    String h = hash.toString();
    seen.put(s, h);
    String label = userLabels.getOrDefault(s, defaultLabel);
    Element existing = out.get(h);
    if (existing == null || (userLabels.containsKey(s) && !existing.label().equals(label))) {
      out.put(h, new Element(h, kind, existing == null ? s : existing.stream(), ups, label));
    }
    return h;
  }

  /**
   * Labels given to streams that turned out to be the same node as another labelled stream (equal
   * content hashes, such as two filters with equivalent predicates on one input) stay usable:
   * {@link #node(String)} finds the one node under each of them. A label that some node carries
   * itself (before numbering) is never an alias, so an ambiguous label is not resolved silently.
   */
  private void recordAliases(
      Map<String, Element> elements, Map<String, String> labels, Map<Stream, String> seen) {
    Set<String> ownLabels = new HashSet<>();
    for (Element e : elements.values()) {
      ownLabels.add(e.label());
    }
    userLabels.forEach(
        (stream, label) -> {
          String hash = seen.get(stream);
          if (hash != null && !ownLabels.contains(label) && !byLabel.containsKey(label)) {
            aliases.put(label, byLabel.get(labels.get(hash)));
          }
        });
  }

  /** Python's rule: colliding labels become label_1, label_2… in content-hash order. */
  private static Map<String, String> uniqueLabels(Map<String, Element> elements) {
    Map<String, List<String>> byLabel = new LinkedHashMap<>();
    for (Element e : elements.values()) {
      byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e.hash());
    }
    Set<String> taken = new HashSet<>(byLabel.keySet());
    Map<String, String> out = new HashMap<>();
    byLabel.forEach(
        (label, hashes) -> {
          if (hashes.size() == 1) {
            out.put(hashes.get(0), label);
            return;
          }
          List<String> sorted = new ArrayList<>(hashes);
          Collections.sort(sorted);
          int i = 1;
          for (String h : sorted) {
            String candidate = label + "_" + i++;
            while (taken.contains(candidate)) {
              candidate = label + "_" + i++;
            }
            taken.add(candidate);
            out.put(h, candidate);
          }
        });
    return out;
  }

  private PipelineGraph compiled() {
    if (graph == null) {
      if (!autoCompile) {
        throw new IllegalStateException(
            "[Orcapod/NotCompiled] pipeline '"
                + name
                + "' is not compiled; call compile() first or build it with autoCompile(true)");
      }
      compile();
    }
    return Objects.requireNonNull(graph);
  }

  /** Whether {@link #compile()} has run. */
  public synchronized boolean isCompiled() {
    return graph != null;
  }

  /** The compiled graph. */
  public synchronized PipelineGraph graph() {
    return compiled();
  }

  /** The node labels, upstream first. */
  public synchronized List<String> labels() {
    compiled();
    return List.copyOf(byLabel.keySet());
  }

  /**
   * The compiled node labelled {@code label}, or the node a stream labelled {@code label} merged
   * into because its content hash equals that node's (an alias; see {@link #labels()} for the nodes
   * themselves).
   *
   * @throws IllegalArgumentException naming the known labels when there is none
   */
  public synchronized PipelineNode node(String label) {
    compiled();
    PipelineNode n = byLabel.get(label);
    if (n == null) {
      n = aliases.get(label);
    }
    if (n == null) {
      throw new IllegalArgumentException(
          "[Orcapod/UnknownNode] pipeline '"
              + name
              + "' has no node labelled '"
              + label
              + "'; its labels are "
              + byLabel.keySet());
    }
    return n;
  }

  /** The node labelled {@code label} as a stream (its output). */
  public Stream stream(String label) {
    return node(label).node();
  }

  /**
   * The function node labelled {@code label}.
   *
   * @throws IllegalArgumentException if there is none or it is not a function node
   */
  public FunctionNode functionNode(String label) {
    PipelineNode n = node(label);
    if (n.kind() != NodeKind.FUNCTION) {
      throw new IllegalArgumentException(
          "[Orcapod/NotAFunctionNode] node '" + label + "' is a " + n.kind().typeName() + " node");
    }
    return (FunctionNode) n.node();
  }

  /** The executor of the function node {@code label}, or null. */
  public @Nullable JavaFunctionExecutor executor(String label) {
    return functionNode(label).pod().function().executor();
  }

  /**
   * Replaces the executor of the function node {@code label} (null: direct calls, no capture). The
   * choice is kept by later {@link #run} calls that pass an executor for all nodes. The caller owns
   * {@code executor}.
   *
   * @throws org.orcapod.execution.IncompatibleExecutorException if it cannot run the function
   */
  public synchronized void setExecutor(String label, @Nullable PacketFunctionExecutor executor) {
    functionNode(label).setExecutor(executor);
    overridden.add(label);
  }

  // ------------------------------------------------------------------ storage

  /** The pipeline-scoped database {@code database.at(name)}, or null without a database. */
  public synchronized @Nullable ArrowDatabase pipelineDatabase() {
    compiled();
    return scopedDatabase;
  }

  /** Where result rows go, or null without a database. */
  public synchronized @Nullable ArrowDatabase resultDatabase() {
    compiled();
    return resultDatabase;
  }

  /** {@code database.at(name, "_log")}, or null without a database. */
  public synchronized @Nullable ArrowDatabase logDatabase() {
    compiled();
    return logDatabase;
  }

  /** {@code database.at(name, "_status")}, or null without a database. */
  public synchronized @Nullable ArrowDatabase statusDatabase() {
    compiled();
    return statusDatabase;
  }

  /** The observer {@link #run} uses when none is given. */
  public synchronized ExecutionObserver defaultObserver() {
    compiled();
    return defaultObserver;
  }

  // ------------------------------------------------------------------ running

  /** Runs with the nodes' executors, a sync orchestrator and the default observer. */
  public RunResult run() {
    return run(RunOptions.defaults());
  }

  /** Runs with {@code executor} set on every function node without a per-node override. */
  public RunResult run(PacketFunctionExecutor executor) {
    return run(RunOptions.defaults().withExecutor(executor));
  }

  /**
   * Runs the pipeline (see {@link RunOptions}).
   *
   * @throws PipelineExecutionException when the orchestrator's policy is fail-fast and a node fails
   */
  public RunResult run(RunOptions options) {
    PipelineGraph g;
    ExecutionObserver observer;
    synchronized (this) {
      g = compiled();
      if (options.executor() != null) {
        applyExecutor(options);
      }
      observer = options.observer() != null ? options.observer() : defaultObserver;
    }
    PipelineOrchestrator orchestrator =
        options.orchestrator() != null ? options.orchestrator() : new SyncPipelineOrchestrator();
    String runId = UUID.randomUUID().toString();
    try {
      return orchestrator.run(g, observer, runId, snapshotUri());
    } finally {
      flush();
    }
  }

  private void applyExecutor(RunOptions options) {
    PacketFunctionExecutor base = Objects.requireNonNull(options.executor());
    for (PipelineNode n : byLabel.values()) {
      if (n.kind() != NodeKind.FUNCTION || overridden.contains(n.label())) {
        continue;
      }
      FunctionNode fn = (FunctionNode) n.node();
      PacketFunctionExecutor previous = fn.executor();
      PacketFunctionExecutor e = base.withOptions(options.engineOptions());
      fn.setExecutor(e);
      owned.add(e);
      // An executor this pipeline created and no node uses any more is released now.
      if (previous != null && owned.remove(previous)) {
        previous.close();
      }
    }
  }

  private void flush() {
    if (database != null) {
      database.flush();
    }
    if (resultDatabaseOverride != null) {
      resultDatabaseOverride.flush();
    }
  }

  // ------------------------------------------------------------------ identity

  /**
   * {@code name@<16 hex>}: the first 16 hex digits of the SHA-256 of the node content hashes in
   * Kahn topological order (smallest hash first among ready nodes), one {@code N:<hash>} line each,
   * then one {@code E:<upstream>-><downstream>} line per edge in sorted order, as Python orcapod's
   * {@code _compute_pipeline_snapshot_hash}.
   */
  public synchronized String snapshotUri() {
    compiled();
    return name + "@" + snapshotHash(byLabel.values(), hashEdges);
  }

  static String snapshotHash(Iterable<PipelineNode> nodes, List<String[]> edges) {
    Map<String, Integer> inDegree = new HashMap<>();
    Map<String, List<String>> successors = new HashMap<>();
    for (PipelineNode n : nodes) {
      inDegree.put(n.contentHash(), 0);
      successors.put(n.contentHash(), new ArrayList<>());
    }
    Set<String> distinct = new java.util.TreeSet<>();
    List<String[]> unique = new ArrayList<>();
    for (String[] e : edges) {
      if (distinct.add(e[0] + "\u0000" + e[1])) {
        unique.add(e);
        successors.get(e[0]).add(e[1]);
        inDegree.merge(e[1], 1, Integer::sum);
      }
    }
    if (inDegree.isEmpty()) {
      return "";
    }
    PriorityQueue<String> frontier = new PriorityQueue<>();
    inDegree.forEach(
        (n, d) -> {
          if (d == 0) {
            frontier.add(n);
          }
        });
    List<String> lines = new ArrayList<>();
    while (!frontier.isEmpty()) {
      String n = frontier.poll();
      lines.add("N:" + n);
      for (String s : successors.get(n)) {
        if (inDegree.merge(s, -1, Integer::sum) == 0) {
          frontier.add(s);
        }
      }
    }
    unique.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    for (String[] e : unique) {
      lines.add("E:" + e[0] + "->" + e[1]);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  // ------------------------------------------------------------------ save

  /** The pipeline description at {@code level} as JSON (see {@link PipelineDescription}). */
  public synchronized String toJson(SaveLevel level) {
    compiled();
    return PipelineDescription.toJson(this, level);
  }

  /**
   * Writes {@link #toJson} to {@code file}.
   *
   * @throws OrcapodException {@code Orcapod/PipelineSaveFailed} naming the file
   */
  public void save(Path file, SaveLevel level) {
    String json = toJson(level);
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OrcapodException(
          "Orcapod/PipelineSaveFailed",
          "could not write pipeline '" + name + "' to " + file + ": " + e.getMessage(),
          e);
    }
  }

  synchronized List<String[]> hashEdges() {
    return List.copyOf(hashEdges);
  }

  synchronized @Nullable ArrowDatabase rawResultDatabaseOverride() {
    return resultDatabaseOverride;
  }

  synchronized @Nullable ArrowDatabase rawDatabase() {
    return database;
  }

  synchronized CacheMode operatorCacheMode() {
    return operatorCacheMode;
  }

  synchronized TableScope tableScope() {
    return tableScope;
  }

  synchronized @Nullable SourceContext context() {
    return context;
  }

  /**
   * Closes the nodes, the operator outputs and the executors the pipeline created, then the
   * resources handed to {@link #own}.
   *
   * @throws IllegalStateException when closing an owned resource threw a checked exception (after
   *     every resource was closed)
   */
  @Override
  public synchronized void close() {
    for (int i = ownedStreams.size() - 1; i >= 0; i--) {
      ownedStreams.get(i).close();
    }
    ownedStreams.clear();
    owned.forEach(PacketFunctionExecutor::close);
    owned.clear();
    Exception failure = null;
    for (int i = ownedResources.size() - 1; i >= 0; i--) {
      try {
        ownedResources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    ownedResources.clear();
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure != null) {
      throw new IllegalStateException(
          "pipeline '" + name + "': closing a resource handed to own() failed", failure);
    }
  }

  @Override
  public String toString() {
    return "Pipeline[" + name + "]";
  }
}
