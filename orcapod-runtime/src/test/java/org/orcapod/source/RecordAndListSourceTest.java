package org.orcapod.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
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

  @Test
  void recordsBecomeRowsTypedByTheirComponents() {
    List<Reading> data =
        List.of(
            new Reading("s1", 3, 1.5, Optional.of("x"), LocalDate.of(2024, 1, 2), Path.of("a.txt")),
            new Reading(
                "s2", 5, null, Optional.empty(), LocalDate.of(2024, 1, 3), Path.of("b.txt")));
    try (RootAllocator a = new RootAllocator();
        DictSource src =
            DictSource.ofRecords(
                Reading.class, data, List.of("sample"), "readings", TestContexts.doubles(), a)) {
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
          .containsEntry("file", Path.of("b.txt"));
      assertThat(rows.get(0).packet().sourceInfo())
          .containsEntry("count", "readings::row_0::count");
    }
  }

  @Test
  void listSourceTagsByIndexOrByATagFunction() {
    try (RootAllocator a = new RootAllocator();
        ListSource byIndex =
            ListSource.of("value", List.of(10L, 20L), null, TestContexts.doubles(), a);
        ListSource byFunction =
            ListSource.of(
                "word",
                List.of("apple", "kiwi"),
                (e, i) -> Map.of("initial", ((String) e).substring(0, 1)),
                List.of("initial"),
                "Words.initial",
                "words",
                TestContexts.doubles(),
                a)) {
      assertThat(byIndex.keys().tag()).containsExactly("element_index");
      assertThat(byIndex.rows().get(1).tag().data()).containsEntry("element_index", 1L);
      assertThat(byFunction.keys().tag()).containsExactly("initial");
      assertThat(byFunction.rows().get(1).tag().data()).containsEntry("initial", "k");
      assertThat(byFunction.rows().get(1).packet().data()).containsEntry("word", "kiwi");
      assertThat(byFunction.identityStructure().toString()).contains("Words.initial");
    }
  }
}
