package org.orcapod.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.database.postgres.PostgresArrowDatabase;
import org.orcapod.error.OrcapodException;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.function.PacketFunction;
import org.orcapod.node.FunctionNode;
import org.orcapod.observe.CompositeObserver;
import org.orcapod.observe.ExecutionObserver;
import org.orcapod.observe.LoggingObserver;
import org.orcapod.observe.StatusObserver;
import org.orcapod.schema.Schema;
import org.orcapod.schema.TypeMapping;
import org.orcapod.stream.StreamSchema;

/**
 * A saved pipeline description, in the JSON layout of Python orcapod's {@code Pipeline.save}:
 * {@code orcapod_pipeline_version}, {@code level}, a {@code pipeline} block (name, the scoped
 * pipeline and result databases from {@code standard} on, the default observer at {@code full}),
 * {@code nodes} keyed by content hash, {@code edges} as {@code [upstream, downstream]} content-hash
 * pairs, and a {@code databases} registry.
 *
 * <p>Databases are described by type and base path only ({@code in_memory}, {@code sqlite}, {@code
 * postgresql}); connection details, user names and passwords are never written. Loading gives back
 * this description (read only): functions are Java code and are not rebuilt from the file. {@link
 * LoadedPipeline} re-attaches a description to its database (stored results by label) and checks a
 * pipeline rebuilt by code against it.
 *
 * @param formatVersion {@code orcapod_pipeline_version}
 * @param level the save level
 * @param name the pipeline's name
 * @param nodes node descriptors keyed by content hash, in file order
 * @param edges {@code [upstream hash, downstream hash]} pairs
 * @param databases database descriptors by registry key
 * @param pipeline the {@code pipeline} block as saved (name, snapshot uri, database keys, observer)
 */
public record PipelineDescription(
    String formatVersion,
    SaveLevel level,
    String name,
    Map<String, JsonNode> nodes,
    List<List<String>> edges,
    Map<String, JsonNode> databases,
    JsonNode pipeline) {

  /** The format version written, as Python's {@code PIPELINE_FORMAT_VERSION}. */
  public static final String FORMAT_VERSION = "0.1.0";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The label of the node with content hash {@code hash}, or null. */
  public @Nullable String label(String hash) {
    JsonNode n = nodes.get(hash);
    return n == null ? null : n.path("label").asText(null);
  }

  /**
   * Reads a file written by {@link Pipeline#save}.
   *
   * @throws OrcapodException {@code Orcapod/PipelineLoadFailed} naming the file and the problem
   */
  public static PipelineDescription load(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new OrcapodException(
          "Orcapod/PipelineLoadFailed", "could not read " + file + ": " + e.getMessage(), e);
    }
    String version = root.path("orcapod_pipeline_version").asText("");
    if (!FORMAT_VERSION.equals(version)) {
      throw new OrcapodException(
          "Orcapod/PipelineLoadFailed",
          file + " has orcapod_pipeline_version '" + version + "'; supported: " + FORMAT_VERSION);
    }
    SaveLevel level;
    try {
      level = SaveLevel.valueOf(root.path("level").asText("").toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new OrcapodException(
          "Orcapod/PipelineLoadFailed",
          file + " has an unknown level '" + root.path("level").asText() + "'",
          e);
    }
    List<String> name = new ArrayList<>();
    root.path("pipeline").path("name").forEach(n -> name.add(n.asText()));
    Map<String, JsonNode> nodes = new LinkedHashMap<>();
    root.path("nodes").properties().forEach(e -> nodes.put(e.getKey(), e.getValue()));
    List<List<String>> edges = new ArrayList<>();
    root.path("edges").forEach(e -> edges.add(List.of(e.get(0).asText(), e.get(1).asText())));
    Map<String, JsonNode> dbs = new LinkedHashMap<>();
    root.path("databases").properties().forEach(e -> dbs.put(e.getKey(), e.getValue()));
    return new PipelineDescription(
        version, level, String.join("/", name), nodes, edges, dbs, root.path("pipeline"));
  }

  static String toJson(Pipeline p, SaveLevel level) {
    boolean configs = level.compareTo(SaveLevel.DEFINITION) >= 0;
    boolean databases = level.compareTo(SaveLevel.STANDARD) >= 0;
    if (databases && p.rawDatabase() == null) {
      throw new IllegalStateException(
          "[Orcapod/NoDatabase] pipeline '"
              + p.name()
              + "' has no database; save it at level DEFINITION or MINIMAL");
    }
    Registry registry = new Registry();
    ObjectNode root = JSON.createObjectNode();
    root.put("orcapod_pipeline_version", FORMAT_VERSION);
    root.put("level", level.jsonName());
    ObjectNode pipeline = root.putObject("pipeline");
    pipeline.putArray("name").add(p.name());
    pipeline.putNull("run_id");
    pipeline.putNull("snapshot_time");
    pipeline.put("snapshot_uri", p.snapshotUri());
    if (databases) {
      pipeline.put("pipeline_database", registry.register(p.pipelineDatabase()));
      ArrowDatabase override = p.rawResultDatabaseOverride();
      if (override == null) {
        pipeline.putNull("result_database");
      } else {
        pipeline.put("result_database", registry.register(override));
      }
      if (level == SaveLevel.FULL) {
        pipeline.set("observer", observer(p.defaultObserver(), registry));
      }
    }
    ObjectNode nodes = root.putObject("nodes");
    for (PipelineNode n : p.graph().nodes()) {
      ObjectNode d = nodes.putObject(n.contentHash());
      d.put("node_type", n.kind().typeName());
      d.put("label", n.label());
      d.put("content_hash", n.contentHash());
      d.put("pipeline_hash", n.pipelineHash());
      StreamSchema schema = outputSchema(n);
      ObjectNode os = d.putObject("output_schema");
      os.set("tag", schema(schema.tag()));
      os.set("packet", schema(schema.packet()));
      ArrayNode uri = d.putArray("node_uri");
      n.storagePath().forEach(uri::add);
      if (configs) {
        d.put("data_context_key", p.context() == null ? null : p.context().contextKey());
        switch (n.kind()) {
          case SOURCE -> {
            ObjectNode sc = d.putObject("source_config");
            sc.put(
                "source_type",
                n.node() instanceof org.orcapod.node.SourceNode s
                    ? s.source().getClass().getSimpleName()
                    : "stream");
            d.put("reconstructable", false);
          }
          case FUNCTION -> {
            FunctionNode f = (FunctionNode) n.node();
            PacketFunction fn = f.pod().function();
            ObjectNode fc = d.putObject("function_config");
            fc.put("function_name", fn.canonicalName());
            fc.put("version", fn.version());
            fc.put("type_id", fn.typeId());
            fc.set("input_schema", schema(fn.inputSchema()));
            fc.set("output_schema", schema(fn.outputSchema()));
            JavaFunctionExecutor ex = fn.executor();
            if (ex != null) {
              ObjectNode ei = fc.putObject("executor");
              ex.executorInfo().forEach(ei::put);
            }
            d.put("table_scope", p.tableScope().name().toLowerCase(java.util.Locale.ROOT));
          }
          case OPERATOR -> {
            ObjectNode oc = d.putObject("operator_config");
            oc.put("class_name", n.storagePath().isEmpty() ? n.label() : n.storagePath().get(0));
            d.put("table_scope", p.tableScope().name().toLowerCase(java.util.Locale.ROOT));
            if (databases) {
              d.put("cache_mode", p.operatorCacheMode().name().toLowerCase(java.util.Locale.ROOT));
            }
          }
          default -> throw new AssertionError(n.kind());
        }
      }
    }
    ArrayNode edges = root.putArray("edges");
    for (String[] e : p.hashEdges()) {
      edges.addArray().add(e[0]).add(e[1]);
    }
    if (!registry.entries.isEmpty()) {
      root.set("databases", JSON.valueToTree(registry.entries));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the pipeline description", e);
    }
  }

  private static StreamSchema outputSchema(PipelineNode n) {
    if (n.node() instanceof FunctionNode f) {
      return new StreamSchema(f.input().outputSchema().tag(), f.pod().function().outputSchema());
    }
    return n.node().outputSchema();
  }

  private static ObjectNode schema(Schema s) {
    ObjectNode o = JSON.createObjectNode();
    for (Field f : s.fields()) {
      o.put(f.getName(), TypeMapping.pythonType(f).displayName());
    }
    return o;
  }

  private static ObjectNode observer(ExecutionObserver o, Registry registry) {
    ObjectNode out = JSON.createObjectNode();
    if (o instanceof CompositeObserver c) {
      out.put("type", "composite");
      ArrayNode children = out.putArray("observers");
      c.observers().forEach(child -> children.add(observer(child, registry)));
    } else if (o instanceof StatusObserver s) {
      out.put("type", "status");
      out.put("database", registry.register(s.database()));
    } else if (o instanceof LoggingObserver l) {
      out.put("type", "logging");
      out.put("database", registry.register(l.database()));
    } else {
      out.put("type", o.getClass().getSimpleName());
    }
    return out;
  }

  /** Database descriptors without connection details, deduplicated. */
  private static final class Registry {
    final Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
    final Map<ArrowDatabase, String> keys = new IdentityHashMap<>();

    String register(@Nullable ArrowDatabase db) {
      if (db == null) {
        throw new IllegalStateException("no database to describe");
      }
      String known = keys.get(db);
      if (known != null) {
        return known;
      }
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("type", typeOf(db));
      d.put("base_path", db.basePath().components());
      String key = "db_" + entries.size();
      entries.put(key, d);
      keys.put(db, key);
      return key;
    }

    private static String typeOf(ArrowDatabase db) {
      if (db instanceof InMemoryArrowDatabase) {
        return "in_memory";
      }
      if (db instanceof EmbeddedArrowDatabase) {
        return "sqlite";
      }
      if (db instanceof PostgresArrowDatabase) {
        return "postgresql";
      }
      return db.getClass().getSimpleName();
    }
  }
}
