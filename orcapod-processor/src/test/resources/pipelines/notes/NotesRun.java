package notes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.operator.Filter;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.RunResult;
import org.orcapod.pipeline.typed.TypedNode;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.SourceContext;

/** Uses the generated OrcapodNotes as a user would: bind, build, run, read typed rows. */
public final class NotesRun {
  private NotesRun() {}

  public static final List<Entry> ENTRIES =
      List.of(
          new Entry("a", 1L, "first", 1.0, LocalDate.of(2024, 5, 1), new BigDecimal("7")),
          new Entry("b", 2L, null, 2.0, null, new BigDecimal("1.00")),
          new Entry("c", 3L, "third", null, LocalDate.of(2024, 5, 3), new BigDecimal("2.5")),
          new Entry("d", 4L, null, null, null, null),
          new Entry("e", 5L, "", 9.5, LocalDate.of(2024, 5, 5), new BigDecimal("2.51")));

  /** Runs the pipeline; returns the rows and the pipeline hashes of every node by label. */
  public static Map<String, Object> run(BufferAllocator allocator, ArrowDatabase database) {
    Map<String, Object> out = new LinkedHashMap<>();
    try (ArrowTableSource source =
            OrcapodNotes.entriesSource(ENTRIES, SourceContext.defaultContext(), allocator);
        OrcapodNotes notes =
            OrcapodNotes.builder()
                .entries(source)
                .database(database)
                .allocator(allocator)
                .build()) {
      RunResult result = notes.run();
      out.put("succeeded", result.succeeded());
      out.put("annotated", notes.annotated().rows());
      out.put("unannotated", notes.unannotated().rows());
      out.put("mixed", notes.mixed().rows());
      out.put("recent", notes.recent().rows());
      for (TypedNode<?> node :
          List.of(
              notes.entries(),
              notes.annotated(),
              notes.unannotated(),
              notes.mixed(),
              notes.recent())) {
        out.put("pipelineHash:" + node.label(), node.pipelineHash());
      }
    }
    // The same source and "note is not null" wired by hand through the runtime API.
    SourceContext ctx = SourceContext.defaultContext();
    try (InMemoryArrowDatabase handDb = InMemoryArrowDatabase.create(allocator);
        ArrowTableSource source = OrcapodNotes.entriesSource(ENTRIES, ctx, allocator);
        OperatorStream annotated =
            new Filter(Predicate.col("note").isNotNull())
                .process(
                    new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher()),
                    source);
        Pipeline hand = Pipeline.builder("notes", handDb, allocator).build()) {
      hand.label("entries", source);
      hand.add("annotated", annotated);
      hand.compile();
      out.put("handPipelineHash:annotated", hand.node("annotated").pipelineHash());
    }
    return out;
  }
}
