package org.orcapod.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.datagram.TagPacket;
import org.orcapod.schema.PythonType;

class RecordAndListSourceTest {
  record Reading(
      String sample,
      long count,
      @Nullable Double weight,
      Optional<String> note,
      LocalDate day,
      Path file) {}

  @TempDir Path dir;

  @Test
  void recordsBecomeRowsTypedByTheirComponents() throws java.io.IOException {
    Path fileA = java.nio.file.Files.writeString(dir.resolve("a.txt"), "A");
    Path fileB = java.nio.file.Files.writeString(dir.resolve("b.txt"), "B");
    List<Reading> data =
        List.of(
            new Reading("s1", 3, 1.5, Optional.of("x"), LocalDate.of(2024, 1, 2), fileA),
            new Reading("s2", 5, null, Optional.empty(), LocalDate.of(2024, 1, 3), fileB));
    try (RootAllocator a = new RootAllocator();
        DictSource src =
            DictSource.ofRecords(
                Reading.class, data, List.of("sample"), "readings", TestContexts.real(), a)) {
      assertThat(src.outputSchema().tag().pythonTypes()).containsEntry("sample", PythonType.STR);
      assertThat(src.outputSchema().packet().pythonTypes())
          .containsEntry("count", PythonType.INT)
          .containsEntry("weight", PythonType.FLOAT.orNone(true))
          .containsEntry("note", PythonType.STR.orNone(true))
          .containsEntry("day", PythonType.ANY)
          .containsEntry("file", PythonType.PATH);
      List<TagPacket> rows = src.rows();
      assertThat(rows.get(1).tag().data()).containsEntry("sample", "s2");
      assertThat(rows.get(1).packet().data())
          .containsEntry("count", 5L)
          .containsEntry("weight", null)
          .containsEntry("note", null)
          .containsEntry("day", LocalDate.of(2024, 1, 3))
          .containsEntry("file", fileB);
      assertThat(rows.get(0).packet().sourceInfo())
          .containsEntry("count", "readings::row_0::count");
    }
  }

  @Test
  void listSourceTagsByIndexOrByATagFunction() {
    try (RootAllocator a = new RootAllocator();
        ListSource byIndex =
            ListSource.of("value", List.of(10L, 20L), null, TestContexts.real(), a);
        ListSource byFunction =
            ListSource.of(
                "word",
                List.of("apple", "kiwi"),
                (e, i) -> Map.of("initial", ((String) e).substring(0, 1)),
                List.of("initial"),
                "Words.initial",
                "words",
                TestContexts.real(),
                a)) {
      assertThat(byIndex.keys().tag()).containsExactly("element_index");
      assertThat(byIndex.rows().get(1).tag().data()).containsEntry("element_index", 1L);
      assertThat(byFunction.keys().tag()).containsExactly("initial");
      assertThat(byFunction.rows().get(1).tag().data()).containsEntry("initial", "k");
      assertThat(byFunction.rows().get(1).packet().data()).containsEntry("word", "kiwi");
      assertThat(byFunction.identityStructure().toString()).contains("Words.initial");
    }
  }

  @Test
  void rowRecordIdsCountPastOneDigit() {
    List<Long> values = new ArrayList<>();
    for (long i = 0; i < 12; i++) {
      values.add(i * 7);
    }
    try (RootAllocator a = new RootAllocator();
        ListSource src = ListSource.of("v", values, "nums", TestContexts.real(), a)) {
      List<String> ids = new ArrayList<>();
      for (TagPacket row : src.rows()) {
        ids.add(row.packet().sourceInfo().get("v"));
      }
      assertThat(ids.get(0)).isEqualTo("nums::row_0::v");
      assertThat(ids.get(9)).isEqualTo("nums::row_9::v");
      assertThat(ids.get(10)).isEqualTo("nums::row_10::v");
      assertThat(ids.get(11)).isEqualTo("nums::row_11::v");
      assertThat(src.rows().get(11).tag().systemTags().values()).contains("row_11", "nums");
    }
  }
}
