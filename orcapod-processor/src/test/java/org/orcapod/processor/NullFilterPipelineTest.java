package org.orcapod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;

/**
 * A generated pipeline whose {@code @Filter}s test nulls ({@code pipelines/notes}) compiles, builds
 * and runs (with comparisons on date and decimal columns too); {@code NOT (note IS NULL)} has the
 * node hash of the runtime's {@code col("note").isNotNull()}.
 */
class NullFilterPipelineTest {
  private static Compilation compilation;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    List<JavaFileObject> files = new ArrayList<>();
    for (String s : List.of("Entry.java", "Notes.java", "NotesRun.java")) {
      files.add(
          JavaFileObjects.forResource(
              NullFilterPipelineTest.class.getResource("/pipelines/notes/" + s)));
    }
    compilation =
        Compiler.javac()
            .withProcessors(new OrcapodProcessor())
            .withClasspath(PodSamples.classpath())
            .withOptions("-parameters", "-Xlint:all", "-Xlint:-processing")
            .compile(files);
    assertThat(compilation).succeededWithoutWarnings();
    loader = PodSamples.loader(compilation);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(BufferAllocator allocator, ArrowDatabase db)
      throws Exception {
    Method run =
        loader
            .loadClass("notes.NotesRun")
            .getMethod("run", BufferAllocator.class, ArrowDatabase.class);
    return (Map<String, Object>) run.invoke(null, allocator, db);
  }

  private static List<String> ids(Object rows) {
    List<String> out = new ArrayList<>();
    for (Object r : (List<?>) rows) {
      String text = r.toString();
      out.add(text.substring(text.indexOf("id=") + 3, text.indexOf(',')));
    }
    out.sort(null);
    return out;
  }

  @Test
  void theGeneratedCodeUsesTheRuntimesNullTests() {
    String code = PodSamples.generated(compilation, "notes.OrcapodNotes");
    assertThat(code).contains("Predicate.not(Predicate.col(\"note\").isNull())");
    assertThat(code).contains("Predicate.col(\"day\").isNotNull()");
    assertThat(code).contains("Predicate.col(\"score\").isNull()");
    assertThat(code).doesNotContain("UnsupportedPredicate");
  }

  @Test
  void filtersWithNullTestsBuildRunAndKeepTheExpectedRows() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        InMemoryArrowDatabase db = InMemoryArrowDatabase.create(allocator)) {
      Map<String, Object> out = run(allocator, db);
      assertThat(out.get("succeeded")).isEqualTo(true);
      // b and d have a null note; e's empty note is not null.
      assertThat(ids(out.get("annotated"))).containsExactly("a", "c", "e");
      assertThat(ids(out.get("unannotated"))).containsExactly("b", "d");
      assertThat(out.get("annotated").toString())
          .contains("Entry[id=e, count=5, note=, score=9.5, day=2024-05-05, amount=2.51");
      // (score is null or score > 1.5) and not (day is not null and count >= 3):
      // a fails the score test; c and e have a day and count >= 3; b and d pass.
      assertThat(ids(out.get("mixed"))).containsExactly("b", "d");
      assertThat(out.get("mixed").toString())
          .contains("Entry[id=b, count=2, note=null, score=2.0, day=null, amount=1.00");
      // day >= '2024-05-02' and amount > 2.5 or amount in (1, 7): e (day and amount), a (7) and
      // b (1.00 equals 1); c's amount is 2.5, not above; d's nulls are unknown.
      assertThat(ids(out.get("recent"))).containsExactly("a", "b", "e");
    }
  }

  @Test
  void aNegatedNullTestHasTheHashOfTheOppositeTestAndDifferentFiltersDifferentOnes()
      throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        InMemoryArrowDatabase db = InMemoryArrowDatabase.create(allocator)) {
      Map<String, Object> out = run(allocator, db);
      // "NOT (note IS NULL)" in the DSL is the runtime's col("note").isNotNull().
      assertThat(out.get("pipelineHash:annotated"))
          .isEqualTo(out.get("handPipelineHash:annotated"));
      assertThat(out.get("pipelineHash:unannotated"))
          .isNotEqualTo(out.get("pipelineHash:annotated"));
      assertThat(out.get("pipelineHash:mixed")).isNotEqualTo(out.get("pipelineHash:annotated"));
      assertThat(out.get("pipelineHash:annotated")).isNotEqualTo(out.get("pipelineHash:entries"));
      // The processor computed every node's hash at compile time, null tests and date and
      // decimal literals included, and each is the runtime's.
      Class<?> notes = loader.loadClass("notes.OrcapodNotes");
      for (String node : List.of("entries", "annotated", "unannotated", "mixed", "recent")) {
        assertThat(
                notes
                    .getField(node.toUpperCase(java.util.Locale.ROOT) + "_PIPELINE_HASH")
                    .get(null))
            .as("compile-time pipeline hash of %s", node)
            .isEqualTo(out.get("pipelineHash:" + node));
      }
    }
  }
}
