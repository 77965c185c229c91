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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.SystemConstants;

/**
 * Every golden source (golden/model/sources.json, produced by Python orcapod; see its produced_by)
 * rebuilt in Java has Python's keys, system-tag column layout, data rows, record ids and — where
 * the source id does not come from a hash — source-info tokens and source-id tags. Uses hashing
 * test doubles, so no hash-derived value is compared here (see SourcesGoldenIdentityTest).
 */
class SourcesGoldenStructureTest {
  static Stream<Arguments> entries() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode e : GoldenSources.load()) {
      out.add(Arguments.of(e.get("name").asText(), e));
    }
    return out.stream();
  }

  /** A column name with its hash suffix replaced, so layouts compare without real hashes. */
  static String layout(String column) {
    if (column.startsWith(SystemConstants.SYSTEM_TAG_PREFIX)) {
      int sep = column.indexOf(SystemConstants.BLOCK_SEPARATOR);
      return column.substring(0, sep) + "::<h12>";
    }
    return column;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void matchesPythonLayoutRowsAndRecordIds(String name, JsonNode golden) {
    try (RootAllocator a = new RootAllocator();
        RootSource src = GoldenSources.build(name, TestContexts.doubles(), a);
        VectorSchemaRoot table = src.asTable(ColumnConfig.all(), a)) {
      assertThat(src.keys().tag()).containsExactlyElementsOf(texts(golden.get("tag_keys")));
      assertThat(src.keys().packet()).containsExactlyElementsOf(texts(golden.get("packet_keys")));
      assertThat(
              src.keys(ColumnConfig.all()).tag().stream().map(SourcesGoldenStructureTest::layout))
          .containsExactlyElementsOf(
              concat(texts(golden.get("tag_keys")), layouts(texts(golden.get("system_tag_keys")))));
      List<String> columns = new ArrayList<>();
      table.getSchema().getFields().forEach(f -> columns.add(layout(f.getName())));
      assertThat(columns).containsExactlyElementsOf(layouts(texts(golden.get("all_info_columns"))));

      boolean hashedId = !golden.get("how").asText().contains("source_id=");
      boolean csvDefault = name.equals("csv_default_id");
      List<Map<String, @Nullable Object>> expected = GoldenSources.goldenRows(golden);
      List<Map<String, @Nullable Object>> actual = GoldenSources.rows(table);
      assertThat(actual).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        Map<String, @Nullable Object> exp = expected.get(i);
        Map<String, @Nullable Object> act = actual.get(i);
        for (Map.Entry<String, @Nullable Object> e : exp.entrySet()) {
          String col = e.getKey();
          Object actualValue = valueByLayout(act, col);
          if (col.equals(SystemConstants.CONTENT_HASH_COLUMN)) {
            continue; // needs the real Arrow hasher
          }
          if (hashedId && !csvDefault) {
            if (col.startsWith(SystemConstants.SYSTEM_TAG_SOURCE_ID_PREFIX)) {
              continue; // the whole value is the hash-derived source id
            }
            if (col.startsWith(SystemConstants.SOURCE_PREFIX)) {
              // the hash-derived source id differs under test doubles; the rest must not
              String expText = (String) e.getValue();
              assertThat((String) actualValue)
                  .as("row %d column %s", i, col)
                  .endsWith(expText.substring(expText.indexOf(SystemConstants.BLOCK_SEPARATOR)));
              continue;
            }
          }
          assertThat(actualValue).as("row %d column %s", i, col).isEqualTo(e.getValue());
        }
      }
    }
  }

  private static @Nullable Object valueByLayout(Map<String, @Nullable Object> row, String column) {
    for (Map.Entry<String, @Nullable Object> e : row.entrySet()) {
      if (layout(e.getKey()).equals(layout(column))) {
        return e.getValue();
      }
    }
    throw new AssertionError("no column like " + column + " in " + row.keySet());
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> layouts(List<String> names) {
    return names.stream().map(SourcesGoldenStructureTest::layout).toList();
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
