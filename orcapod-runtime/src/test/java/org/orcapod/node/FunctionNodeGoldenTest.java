package org.orcapod.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.function.ResultColumns;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;

/** Node hashes, pipeline entry ids and input packet hashes equal Python orcapod's. */
class FunctionNodeGoldenTest {
  private static Map<String, String> golden() throws Exception {
    Map<String, String> out = new HashMap<>();
    try (InputStream in =
        FunctionNodeGoldenTest.class.getResourceAsStream("/golden/function/node.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#") && line.contains("\t")) {
          out.put(line.split("\t")[0], line.split("\t")[1]);
        }
      }
    }
    return out;
  }

  @Test
  void nodeHashesAndPipelineEntryIdsEqualPythonOrcapods() throws Exception {
    Map<String, String> g = golden();
    SourceContext ctx = TestContexts.real();
    Field x = new Field("x", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    Field y = new Field("y", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    JavaPacketFunction addOne =
        JavaPacketFunction.ofLambda(
            "add_one",
            "v1.0",
            Schema.of(List.of(x)),
            Schema.of(List.of(y)),
            in -> {
              Map<String, @Nullable Object> out = new HashMap<>();
              out.put("y", (Long) in.get("x") + 1);
              return out;
            });
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = InMemoryArrowDatabase.create(allocator)) {
      Map<String, Object> r0 = new LinkedHashMap<>();
      r0.put("id", 0L);
      r0.put("x", 10L);
      Map<String, Object> r1 = new LinkedHashMap<>();
      r1.put("id", 1L);
      r1.put("x", 11L);
      try (DictSource src = DictSource.of(List.of(r0, r1), List.of("id"), null, ctx, allocator);
          FunctionNode node =
              FunctionNode.builder(new FunctionPod(addOne, ctx), src, allocator)
                  .pipelineDatabase(db)
                  .build()) {
        assertThat(node.contentHash().toString()).isEqualTo(g.get("node_content_hash"));
        assertThat(node.pipelineHash().toString()).isEqualTo(g.get("node_pipeline_hash"));
        node.run();
        Map<String, String> entryById = new HashMap<>();
        try (VectorSchemaRoot records =
            db.getAllRecords(node.nodePath(), ResultColumns.PIPELINE_ENTRY_ID, allocator)) {
          for (int i = 0; i < records.getRowCount(); i++) {
            entryById.put(
                String.valueOf(ArrowValues.read(records.getVector("id"), i)),
                (String) ArrowValues.read(records.getVector(ResultColumns.PIPELINE_ENTRY_ID), i));
          }
        }
        assertThat(entryById)
            .containsExactlyInAnyOrderEntriesOf(
                Map.of("0", g.get("entry_id_0"), "1", g.get("entry_id_1")));
        try (VectorSchemaRoot results = node.resultCache().allRecords(allocator)) {
          List<Object> hashes = new java.util.ArrayList<>();
          for (int i = 0; i < results.getRowCount(); i++) {
            hashes.add(ArrowValues.read(results.getVector(ResultColumns.INPUT_PACKET_HASH), i));
          }
          assertThat(hashes)
              .containsExactlyInAnyOrder(
                  g.get("input_packet_hash_0"), g.get("input_packet_hash_1"));
        }
      }
    }
  }
}
