package org.orcapod.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.TagPacket;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.SystemConstants;

/** Enrichment invariants over random data: rows survive, provenance tokens are consistent. */
class EnrichmentPropertiesTest {
  @Property(tries = 25)
  void everyCellsSourceInfoIsSourceIdRecordIdAndColumn(
      @ForAll @Size(min = 1, max = 30) List<@AlphaChars @StringLength(max = 8) String> names,
      @ForAll @Size(max = 30) List<@Nullable Double> values,
      @ForAll boolean useRecordIdColumn) {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Map<String, @Nullable Object> r = new LinkedHashMap<>();
      r.put("id", (long) i * 3);
      r.put("name", names.get(i));
      r.put("value", i < values.size() ? values.get(i) : null);
      rows.add(r);
    }
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t = RowTables.fromMaps(rows, a);
        ArrowTableSource src =
            ArrowTableSource.builder(t, TestContexts.real())
                .tagColumns("id")
                .sourceId("src")
                .recordIdColumn(useRecordIdColumn ? "id" : null)
                .build(a);
        VectorSchemaRoot all = src.asTable(ColumnConfig.all().withContentHash(false), a)) {
      String sourceTag = SystemConstants.sourceIdTagColumn(src.schemaHash());
      String recordTag = SystemConstants.recordIdTagColumn(src.schemaHash());
      List<TagPacket> out = src.rows();
      assertThat(out).hasSize(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        String recordId = useRecordIdColumn ? "id=" + (i * 3L) : "row_" + i;
        TagPacket row = out.get(i);
        assertThat(row.tag().data()).containsEntry("id", rows.get(i).get("id"));
        assertThat(row.packet().data())
            .isEqualTo(withValue(names.get(i), rows.get(i).get("value")));
        assertThat(row.tag().systemTags())
            .containsEntry(sourceTag, "src")
            .containsEntry(recordTag, recordId);
        for (String c : List.of("name", "value")) {
          assertThat(row.packet().sourceInfo()).containsEntry(c, "src::" + recordId + "::" + c);
        }
      }
      // sorted by tags, the table's ids ascend
      for (int i = 1; i < all.getRowCount(); i++) {
        assertThat((Long) ArrowValues.read(all.getVector("id"), i))
            .isGreaterThan((Long) ArrowValues.read(all.getVector("id"), i - 1));
      }
      assertThat(all.getVector(SystemConstants.CONTEXT_KEY).getNullCount()).isZero();
    }
  }

  private static Map<String, @Nullable Object> withValue(String name, @Nullable Object value) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("value", value);
    return m;
  }
}
