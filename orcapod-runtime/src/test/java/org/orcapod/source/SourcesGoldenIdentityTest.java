package org.orcapod.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.schema.TypeMapping;
import org.orcapod.stream.Identity;

/**
 * Cross-language identities: for every golden source (golden/model/sources.json, produced by Python
 * orcapod 0473621 as its produced_by says) the Java source built from the same data and names has
 * Python's source id, content hash, pipeline hash, system-tag column names and exactly Python's
 * rows of {@code as_table(all_info=True)}, including per-row packet content hashes; and every
 * Python type token of golden/model/python-types.json hashes as in Python.
 *
 * <p>Runs with the real hashers of the default data context.
 */
class SourcesGoldenIdentityTest {
  static SourceContext real() {
    return TestContexts.real();
  }

  static Stream<Arguments> entries() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode e : GoldenSources.load()) {
      out.add(Arguments.of(e.get("name").asText(), e));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void identitiesNamesAndRowsEqualPythons(String name, JsonNode golden) {
    SourceContext ctx = real();
    try (RootAllocator a = new RootAllocator();
        RootSource src = GoldenSources.build(name, ctx, a);
        VectorSchemaRoot table = src.asTable(ColumnConfig.all(), a)) {
      assertThat(src.sourceId()).isEqualTo(golden.get("source_id").asText());
      assertThat(src.keys().tag()).containsExactlyElementsOf(texts(golden.get("tag_keys")));
      assertThat(src.keys().packet()).containsExactlyElementsOf(texts(golden.get("packet_keys")));
      assertThat(src.keys(ColumnConfig.all()).tag())
          .containsExactlyElementsOf(
              concat(texts(golden.get("tag_keys")), texts(golden.get("system_tag_keys"))));
      List<String> columns = new ArrayList<>();
      table.getSchema().getFields().forEach(f -> columns.add(f.getName()));
      assertThat(columns).containsExactlyElementsOf(texts(golden.get("all_info_columns")));
      List<Map<String, @Nullable Object>> rows = GoldenSources.rows(table);
      assertThat(rows).isEqualTo(GoldenSources.goldenRows(golden));
      assertThat(src.pipelineHash().toString()).isEqualTo(golden.get("pipeline_hash").asText());
      assertThat(src.contentHash().toString()).isEqualTo(golden.get("content_hash").asText());
    }
  }

  @Test
  void pythonTypeTokensHashAsInPython() throws IOException {
    SemanticHasher hasher = real().semanticHasher();
    JsonNode golden = org.orcapod.schema.TypeMappingGoldenTest.golden();
    for (JsonNode row : golden.get("types")) {
      Field f =
          org.orcapod.schema.TypeMappingGoldenTest.parse(
              "c", row.get("arrow").asText(), row.get("nullable").asBoolean());
      assertThat(TypeMapping.pythonType(f).contentHash(hasher).toString())
          .as("hash of the Python type of %s nullable=%s", row.get("arrow"), row.get("nullable"))
          .isEqualTo(row.get("hash").asText());
    }
    for (JsonNode s : golden.get("schemas")) {
      List<Field> fields = new ArrayList<>();
      for (JsonNode f : s.get("fields")) {
        String type = f.get(1).asText().equals("large_string") ? "large_utf8" : f.get(1).asText();
        fields.add(
            org.orcapod.schema.TypeMappingGoldenTest.parse(
                f.get(0).asText(), type, f.get(2).asBoolean()));
      }
      Schema schema = Schema.of(fields);
      assertThat(hasher.hash(schema.identityStructure()).toString())
          .isEqualTo(s.get("hash").asText());
      assertThat(
              hasher
                  .hash(Identity.tuple(schema.identityStructure(), schema.identityStructure()))
                  .toString())
          .isEqualTo(s.get("tuple_hash").asText());
    }
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
