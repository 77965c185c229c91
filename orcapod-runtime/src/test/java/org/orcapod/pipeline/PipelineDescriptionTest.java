package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.pipeline.Fixtures.add;
import static org.orcapod.pipeline.Fixtures.pod;
import static org.orcapod.pipeline.Fixtures.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;

/** Save and load of the pipeline description. */
class PipelineDescriptionTest {
  @TempDir Path dir;
  private BufferAllocator allocator;
  private ArrowDatabase db;
  private final SourceContext ctx = TestContexts.real();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    db = EmbeddedArrowDatabase.open(dir.resolve("orca.db"), allocator);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    db.close();
    allocator.close();
  }

  private <T extends AutoCloseable> T track(T c) {
    toClose.add(c);
    return c;
  }

  private Pipeline pipeline(ArrowDatabase database) {
    DictSource src = track(source("x", 3, 0, ctx, allocator));
    FunctionPodStream a = track(pod(add("a", "x", "y", 1), ctx).process(allocator, src));
    FunctionPodStream b = track(pod(add("b", "y", "z", 1), ctx).process(allocator, a));
    Pipeline p = track(Pipeline.builder("saved", database, allocator).build());
    p.add(b);
    p.compile();
    return p;
  }

  @Test
  void standardSaveRoundTripsTopologyIdentityAndDatabasesWithoutSecrets() throws Exception {
    Pipeline p = pipeline(db);
    Path file = dir.resolve("pipeline.json");
    p.save(file, SaveLevel.STANDARD);
    String text = Files.readString(file);
    assertThat(text.toLowerCase()).doesNotContain("password").doesNotContain("jdbc:");

    PipelineDescription d = PipelineDescription.load(file);
    assertThat(d.formatVersion()).isEqualTo("0.1.0");
    assertThat(d.level()).isEqualTo(SaveLevel.STANDARD);
    assertThat(d.name()).isEqualTo("saved");
    assertThat(d.nodes()).hasSize(3);
    for (PipelineNode n : p.graph().nodes()) {
      assertThat(d.label(n.contentHash())).isEqualTo(n.label());
      JsonNode node = d.nodes().get(n.contentHash());
      assertThat(node.get("node_type").asText()).isEqualTo(n.kind().typeName());
      assertThat(node.get("pipeline_hash").asText()).isEqualTo(n.pipelineHash());
    }
    JsonNode a = d.nodes().get(p.node("a").contentHash());
    assertThat(a.get("function_config").get("function_name").asText()).isEqualTo("a");
    assertThat(a.get("function_config").get("executor").get("executor_type").asText())
        .isEqualTo("local.v0");
    assertThat(a.get("output_schema").get("packet").has("y")).isTrue();
    assertThat(a.get("node_uri").get(0).asText()).isEqualTo("a");
    assertThat(d.edges())
        .containsExactly(
            List.of(p.node("DictSource").contentHash(), p.node("a").contentHash()),
            List.of(p.node("a").contentHash(), p.node("b").contentHash()));
    JsonNode root = new ObjectMapper().readTree(text);
    String dbKey = root.get("pipeline").get("pipeline_database").asText();
    assertThat(d.databases().get(dbKey).get("type").asText()).isEqualTo("sqlite");
    assertThat(d.databases().get(dbKey).get("base_path").get(0).asText()).isEqualTo("saved");
    assertThat(root.get("pipeline").get("result_database").isNull()).isTrue();
    assertThat(root.get("pipeline").get("snapshot_uri").asText()).isEqualTo(p.snapshotUri());
  }

  @Test
  void levelsAddDetailStepByStep() throws Exception {
    Pipeline p = pipeline(db);
    ObjectMapper m = new ObjectMapper();
    JsonNode minimal = m.readTree(p.toJson(SaveLevel.MINIMAL));
    JsonNode def = m.readTree(p.toJson(SaveLevel.DEFINITION));
    JsonNode full = m.readTree(p.toJson(SaveLevel.FULL));
    String a = p.node("a").contentHash();
    assertThat(minimal.get("nodes").get(a).has("function_config")).isFalse();
    assertThat(minimal.has("databases")).isFalse();
    assertThat(def.get("nodes").get(a).has("function_config")).isTrue();
    assertThat(def.get("pipeline").has("pipeline_database")).isFalse();
    assertThat(full.get("pipeline").get("observer").get("type").asText()).isEqualTo("composite");
    assertThat(full.get("pipeline").get("observer").get("observers").get(0).get("type").asText())
        .isEqualTo("status");
  }

  @Test
  void aPipelineWithoutDatabaseSavesOnlyUpToDefinition() {
    Pipeline p = pipeline(null);
    assertThat(p.toJson(SaveLevel.DEFINITION)).contains("\"function_config\"");
    assertThatThrownBy(() -> p.toJson(SaveLevel.STANDARD))
        .hasMessageContaining("[Orcapod/NoDatabase]");
  }

  @Test
  void loadingRejectsAnUnknownFormat() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"orcapod_pipeline_version\": \"9\"}");
    assertThatThrownBy(() -> PipelineDescription.load(file))
        .hasMessageContaining("[Orcapod/PipelineLoadFailed]")
        .hasMessageContaining("bad.json");
  }
}
