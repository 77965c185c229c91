package org.orcapod.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.error.OrcapodException;
import org.orcapod.execution.logs.LogColumns;
import org.orcapod.function.ResultColumns;
import org.orcapod.function.Vectors;
import org.orcapod.observe.LoggingObserver;
import org.orcapod.observe.StatusObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A saved pipeline re-attached to its database, as Python orcapod's {@code Pipeline.load}: nodes
 * are reachable by label and their stored results, status and log rows can be read without the code
 * that computed them.
 *
 * <p>Python rebuilds live sources, function pods and operators from the file in its {@code full}
 * mode. Java functions are code, not data, so here the two levels are:
 *
 * <ul>
 *   <li><b>Cache only</b> ({@link #load}): the description plus the database. Function and operator
 *       nodes with stored rows are {@link LoadStatus#CACHE_ONLY} and serve them through {@link
 *       #records}; nodes without are {@link LoadStatus#UNAVAILABLE}; sources (never stored) are
 *       {@link LoadStatus#READ_ONLY}: metadata only.
 *   <li><b>Full</b> ({@link #rebuild}): the same pipeline built again by its code (a {@link
 *       PipelineDefinition}), checked node by node against the file (labels, kinds, pipeline
 *       hashes, edges) and attached to the same database, so a run serves what is stored and
 *       computes only what is new.
 * </ul>
 *
 * <p>The database to pass is the one given to {@link Pipeline#builder} (not a scoped view): the
 * file records its type and base path only, never how to connect to it.
 */
public final class LoadedPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(LoadedPipeline.class);

  /** What a loaded node can do, as Python's {@code LoadStatus}. */
  public enum LoadStatus {
    /** Rebuilt from code: it can run. */
    FULL,
    /** Metadata only (sources: their rows are not stored). */
    READ_ONLY,
    /** Stored rows are served; nothing can be computed. */
    CACHE_ONLY,
    /** Neither code nor stored rows. */
    UNAVAILABLE
  }

  private final PipelineDescription description;
  private final ArrowDatabase root;
  private final ArrowDatabase pipelineDb;
  private final ArrowDatabase resultDb;
  private final BufferAllocator allocator;
  private final Map<String, String> hashByLabel = new LinkedHashMap<>();

  private LoadedPipeline(
      PipelineDescription description,
      ArrowDatabase root,
      @Nullable ArrowDatabase resultDb,
      BufferAllocator allocator) {
    this.description = description;
    this.allocator = allocator;
    this.root = root;
    this.pipelineDb = root.at(description.name());
    this.resultDb = resultDb != null ? resultDb : pipelineDb.at("_result");
    description.nodes().forEach((hash, n) -> hashByLabel.put(n.path("label").asText(), hash));
  }

  /**
   * Reads {@code file} and attaches it to {@code database}, the database the pipeline was built
   * with; results live in {@code database.at(name, "_result")}.
   *
   * @throws OrcapodException {@code Orcapod/PipelineLoadFailed} for an unreadable file, {@code
   *     Orcapod/DatabaseMismatch} when the file names another base path or a separate result
   *     database
   */
  public static LoadedPipeline load(Path file, ArrowDatabase database, BufferAllocator allocator) {
    return attach(PipelineDescription.load(file), database, null, allocator);
  }

  /**
   * Attaches {@code description} to {@code database}; {@code resultDatabase} is the separate result
   * database the pipeline was built with, or null for the default {@code database.at(name,
   * "_result")}. {@code allocator} serves the reads of {@link #status}.
   */
  public static LoadedPipeline attach(
      PipelineDescription description,
      ArrowDatabase database,
      @Nullable ArrowDatabase resultDatabase,
      BufferAllocator allocator) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(allocator, "allocator");
    LoadedPipeline p = new LoadedPipeline(description, database, resultDatabase, allocator);
    p.checkDatabases(resultDatabase);
    return p;
  }

  private void checkDatabases(@Nullable ArrowDatabase resultDatabase) {
    JsonNode meta = description.pipeline();
    if (!meta.hasNonNull("pipeline_database")) {
      return; // minimal or definition level: the caller's database is taken as it is
    }
    List<String> saved = basePath(meta.path("pipeline_database").asText());
    List<String> given = pipelineDb.basePath().components();
    if (saved != null && !saved.equals(given)) {
      throw new OrcapodException(
          "Orcapod/DatabaseMismatch",
          "pipeline '"
              + description.name()
              + "' was saved with its records under "
              + saved
              + " but the database given resolves to "
              + given
              + "; pass the database given to Pipeline.builder, not a scoped view of it");
    }
    if (meta.hasNonNull("result_database") && resultDatabase == null) {
      throw new OrcapodException(
          "Orcapod/DatabaseMismatch",
          "pipeline '"
              + description.name()
              + "' was saved with a separate result database (base path "
              + basePath(meta.path("result_database").asText())
              + "); pass it to LoadedPipeline.attach(description, database, resultDatabase, allocator)");
    }
  }

  private @Nullable List<String> basePath(String key) {
    JsonNode d = description.databases().get(key);
    if (d == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    d.path("base_path").forEach(c -> out.add(c.asText()));
    return out;
  }

  /** The description read from the file. */
  public PipelineDescription description() {
    return description;
  }

  /** The node labels, in file order. */
  public List<String> labels() {
    return List.copyOf(hashByLabel.keySet());
  }

  /** The saved descriptor of node {@code label}. */
  public JsonNode node(String label) {
    String hash = hashByLabel.get(label);
    if (hash == null) {
      throw new OrcapodException(
          "Orcapod/UnknownNode",
          "pipeline '"
              + description.name()
              + "' has no node labelled '"
              + label
              + "'; labels: "
              + hashByLabel.keySet());
    }
    return description.nodes().get(hash);
  }

  /**
   * What node {@code label} can do in this view: {@link LoadStatus#READ_ONLY} for a source, {@link
   * LoadStatus#CACHE_ONLY} for a node with stored rows, else {@link LoadStatus#UNAVAILABLE}. Nodes
   * of a pipeline from {@link #rebuild} are all {@link LoadStatus#FULL}.
   */
  public LoadStatus status(String label) {
    String type = node(label).path("node_type").asText();
    if (type.equals(NodeKind.SOURCE.typeName())) {
      return LoadStatus.READ_ONLY;
    }
    try (VectorSchemaRoot r = records(label, allocator)) {
      return r == null ? LoadStatus.UNAVAILABLE : LoadStatus.CACHE_ONLY;
    }
  }

  /**
   * The stored output rows of node {@code label} (its tag columns and output packet columns, as of
   * its saved content hash), or null when nothing is stored or it is a source; the caller closes
   * the result.
   */
  public @Nullable VectorSchemaRoot records(String label, BufferAllocator target) {
    JsonNode n = node(label);
    String type = n.path("node_type").asText();
    if (type.equals(NodeKind.SOURCE.typeName())) {
      return null;
    }
    List<String> uri = strings(n.path("node_uri"));
    String hash = n.path("content_hash").asText();
    boolean ownScope = "content_hash".equals(n.path("table_scope").asText());
    List<String> tags = new ArrayList<>();
    n.path("output_schema").path("tag").fieldNames().forEachRemaining(tags::add);
    List<String> packets = new ArrayList<>();
    n.path("output_schema").path("packet").fieldNames().forEachRemaining(packets::add);
    RecordPath path = new RecordPath(uri);
    if (type.equals(NodeKind.OPERATOR.typeName())) {
      try (VectorSchemaRoot recs = pipelineDb.getAllRecords(path, null, target)) {
        if (recs == null) {
          return null;
        }
        int[] rows = rowsOf(recs, hash, ownScope);
        return rows.length == 0 ? null : pick(recs, rows, tags, packets, null, null, target);
      }
    }
    try (VectorSchemaRoot recs =
            pipelineDb.getAllRecords(path, ResultColumns.PIPELINE_ENTRY_ID, target);
        VectorSchemaRoot results =
            resultDb.getAllRecords(resultPath(uri), ResultColumns.PACKET_ID, target)) {
      if (recs == null || results == null) {
        return null;
      }
      Map<String, Integer> resultRow = new HashMap<>();
      FieldVector ids = results.getVector(ResultColumns.PACKET_ID);
      for (int r = 0; r < results.getRowCount(); r++) {
        resultRow.put(Vectors.string(ids, r), r);
      }
      FieldVector packetIds = recs.getVector(ResultColumns.PACKET_ID);
      List<Integer> keep = new ArrayList<>();
      List<Integer> from = new ArrayList<>();
      for (int r : rowsOf(recs, hash, ownScope)) {
        Integer rr = resultRow.get(Vectors.string(packetIds, r));
        if (rr != null) {
          keep.add(r);
          from.add(rr);
        }
      }
      if (keep.isEmpty()) {
        return null;
      }
      return pick(recs, toArray(keep), tags, packets, results, toArray(from), target);
    }
  }

  /** The status rows of node {@code label}, or null; the caller closes the result. */
  public @Nullable VectorSchemaRoot statusRows(String label, BufferAllocator target) {
    return pipelineDb
        .at("_status")
        .getAllRecords(
            StatusObserver.statusPath(strings(node(label).path("node_uri"))),
            StatusObserver.ID,
            target);
  }

  /** The log rows of node {@code label}, or null; the caller closes the result. */
  public @Nullable VectorSchemaRoot logRows(String label, BufferAllocator target) {
    return pipelineDb
        .at("_log")
        .getAllRecords(
            LoggingObserver.logPath(strings(node(label).path("node_uri"))),
            LogColumns.LOG_ID,
            target);
  }

  /**
   * The full level: builds the pipeline again with {@code definition} against this database,
   * compiles it and checks it against the file: the same labels, node kinds, pipeline hashes and
   * edges. Content hashes may differ (the input data changed since the save); such nodes compute on
   * the next run, which is logged. The caller owns (and closes) the pipeline.
   *
   * @throws OrcapodException {@code Orcapod/PipelineMismatch} listing every difference
   */
  public Pipeline rebuild(PipelineDefinition definition, DefinitionContext context) {
    if (context.database() != root) {
      throw new OrcapodException(
          "Orcapod/DatabaseMismatch",
          "rebuild pipeline '"
              + description.name()
              + "' against the database it was loaded with; the context holds another one");
    }
    Pipeline p = definition.define(context);
    try {
      if (!p.isCompiled()) {
        p.compile();
      }
      List<String> problems = new ArrayList<>();
      if (!p.name().equals(description.name())) {
        problems.add("name '" + p.name() + "' instead of '" + description.name() + "'");
      }
      Map<String, String> hashOfLabel = new HashMap<>();
      for (PipelineNode n : p.graph().nodes()) {
        hashOfLabel.put(n.contentHash(), n.label());
        if (!hashByLabel.containsKey(n.label())) {
          problems.add("node '" + n.label() + "' is not in the file");
          continue;
        }
        JsonNode saved = node(n.label());
        if (!saved.path("node_type").asText().equals(n.kind().typeName())) {
          problems.add(
              "node '"
                  + n.label()
                  + "' is a "
                  + n.kind().typeName()
                  + " node, saved as "
                  + saved.path("node_type").asText());
        }
        if (!saved.path("pipeline_hash").asText().equals(n.pipelineHash())) {
          problems.add(
              "node '"
                  + n.label()
                  + "' has pipeline hash "
                  + n.pipelineHash()
                  + ", saved "
                  + saved.path("pipeline_hash").asText()
                  + " (its function, operator or an upstream node changed)");
        } else if (!saved.path("content_hash").asText().equals(n.contentHash())) {
          LOG.info(
              "node '{}' of '{}': its input data changed since the save; it will compute",
              n.label(),
              p.name());
        }
      }
      for (String label : hashByLabel.keySet()) {
        if (!p.labels().contains(label)) {
          problems.add("saved node '" + label + "' is missing");
        }
      }
      if (problems.isEmpty()) {
        List<String> savedEdges = new ArrayList<>();
        for (List<String> e : description.edges()) {
          savedEdges.add(description.label(e.get(0)) + "->" + description.label(e.get(1)));
        }
        List<String> edges = new ArrayList<>();
        for (String[] e : p.hashEdges()) {
          edges.add(hashOfLabel.get(e[0]) + "->" + hashOfLabel.get(e[1]));
        }
        if (!new java.util.TreeSet<>(edges).equals(new java.util.TreeSet<>(savedEdges))) {
          problems.add("edges " + edges + " instead of " + savedEdges);
        }
      }
      if (!problems.isEmpty()) {
        throw new OrcapodException(
            "Orcapod/PipelineMismatch",
            "the pipeline built by "
                + definition.getClass().getName()
                + " does not match the saved '"
                + description.name()
                + "': "
                + String.join("; ", problems));
      }
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The function's uri: the node uri without its scope components. */
  private static RecordPath resultPath(List<String> nodeUri) {
    List<String> out = new ArrayList<>();
    for (String c : nodeUri) {
      if (c.startsWith("schema:") || c.startsWith("instance:")) {
        break;
      }
      out.add(c);
    }
    return new RecordPath(out);
  }

  private static int[] rowsOf(VectorSchemaRoot recs, String hash, boolean ownScope) {
    FieldVector nodeHashes = recs.getVector(ResultColumns.NODE_CONTENT_HASH);
    List<Integer> keep = new ArrayList<>();
    for (int r = 0; r < recs.getRowCount(); r++) {
      if (ownScope || nodeHashes == null || hash.equals(Vectors.string(nodeHashes, r))) {
        keep.add(r);
      }
    }
    return toArray(keep);
  }

  private static VectorSchemaRoot pick(
      VectorSchemaRoot recs,
      int[] rows,
      List<String> tags,
      List<String> packets,
      @Nullable VectorSchemaRoot results,
      int @Nullable [] resultRows,
      BufferAllocator target) {
    List<FieldVector> cols = new ArrayList<>();
    try {
      for (String t : tags) {
        FieldVector v = recs.getVector(t);
        if (v != null) {
          cols.add(Vectors.take(v, rows, target));
        }
      }
      for (String c : packets) {
        FieldVector v = results == null ? recs.getVector(c) : results.getVector(c);
        if (v != null) {
          cols.add(Vectors.take(v, results == null ? rows : resultRows, target));
        }
      }
    } catch (RuntimeException e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
    VectorSchemaRoot out = new VectorSchemaRoot(cols);
    out.setRowCount(rows.length);
    return out;
  }

  private static int[] toArray(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(c -> out.add(c.asText()));
    return out;
  }

  @Override
  public String toString() {
    return "LoadedPipeline[" + description.name() + ", " + hashByLabel.size() + " nodes]";
  }
}
