package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.pipeline.Fixtures.add;
import static org.orcapod.pipeline.Fixtures.pod;
import static org.orcapod.pipeline.Fixtures.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.node.NodeExecutionListener;
import org.orcapod.observe.ExecutionObserver;
import org.orcapod.observe.StatusObserver;
import org.orcapod.source.DictSource;
import org.orcapod.source.TestContexts;

/**
 * A saved pipeline re-attached to its database in a new process-like setting (new allocator, the
 * database file opened again): stored results by label, status and log rows, and a rebuild by code
 * that is checked against the file and serves everything from the cache.
 */
class LoadedPipelineTest {
  @TempDir Path dir;

  /** source (3 rows) -> a (y = x + 1) -> b (z = y + k); {@code out} names b's output. */
  public static final class Saved implements PipelineDefinition, AutoCloseable {
    private final String out;
    private final List<AutoCloseable> made = new ArrayList<>();

    public Saved() {
      this("z");
    }

    Saved(String out) {
      this.out = out;
    }

    @Override
    public Pipeline define(DefinitionContext c) {
      var ctx = TestContexts.real();
      DictSource src = source("x", 3, 0, ctx, c.allocator());
      FunctionPodStream a = pod(add("a", "x", "y", 1), ctx).process(c.allocator(), src);
      FunctionPodStream b = pod(add("b", "y", out, 1), ctx).process(c.allocator(), a);
      made.addAll(List.of(src, a, b));
      Pipeline p = Pipeline.builder("saved", c.database(), c.allocator()).build();
      p.add(b);
      return p;
    }

    /** Closes the streams the definition made (the pipeline does not own them). */
    @Override
    public void close() throws Exception {
      for (int i = made.size() - 1; i >= 0; i--) {
        made.get(i).close();
      }
    }
  }

  private static List<Map<String, @Nullable Object>> rows(@Nullable VectorSchemaRoot root) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    try (root) {
      for (int i = 0; i < root.getRowCount(); i++) {
        Map<String, @Nullable Object> r = new TreeMap<>();
        for (FieldVector v : root.getFieldVectors()) {
          Object o = v.getObject(i);
          r.put(v.getName(), o == null ? null : o.toString());
        }
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }

  @Test
  void aLoadedPipelineServesStoredResultsByLabelAndRebuildsFromCode() throws Exception {
    Path file = dir.resolve("pipeline.json");
    Path dbFile = dir.resolve("orca.db");
    String expected;
    // First "process": build, run, save.
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = EmbeddedArrowDatabase.open(dbFile, allocator);
        Saved saved = new Saved()) {
      Pipeline p = saved.define(new DefinitionContext(db, allocator, Map.of()));
      try (p) {
        p.compile();
        assertThat(p.run().succeeded()).isTrue();
        p.save(file, SaveLevel.STANDARD);
        expected = Fixtures.sortedRows(p.stream("b")).toString();
      }
    }
    assertThat(expected).isEqualTo("[{id=0, z=2}, {id=1, z=12}, {id=2, z=22}]");

    // Second: only the file and the database.
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = EmbeddedArrowDatabase.open(dbFile, allocator);
        Saved same = new Saved();
        Saved other = new Saved("q")) {
      LoadedPipeline loaded = LoadedPipeline.load(file, db, allocator);
      assertThat(loaded.labels()).containsExactlyInAnyOrder("DictSource", "a", "b");
      assertThat(loaded.status("DictSource")).isEqualTo(LoadedPipeline.LoadStatus.READ_ONLY);
      assertThat(loaded.status("a")).isEqualTo(LoadedPipeline.LoadStatus.CACHE_ONLY);
      assertThat(loaded.status("b")).isEqualTo(LoadedPipeline.LoadStatus.CACHE_ONLY);
      assertThat(rows(loaded.records("b", allocator)).toString())
          .isEqualTo("[{id=0, z=2}, {id=1, z=12}, {id=2, z=22}]");
      assertThat(rows(loaded.records("a", allocator)).toString())
          .isEqualTo("[{id=0, y=1}, {id=1, y=11}, {id=2, y=21}]");
      assertThat(loaded.records("DictSource", allocator)).isNull();
      List<Map<String, @Nullable Object>> status = rows(loaded.statusRows("b", allocator));
      assertThat(status).hasSize(6);
      assertThat(status)
          .extracting(r -> r.get(StatusObserver.STATE))
          .containsOnly("RUNNING", "SUCCESS");
      assertThat(rows(loaded.logRows("b", allocator))).hasSize(3);
      assertThatThrownBy(() -> loaded.records("nope", allocator))
          .hasMessageContaining("[Orcapod/UnknownNode]")
          .hasMessageContaining("nope");

      // Full: the code builds the same pipeline; the run serves every packet from the cache.
      try (Pipeline p = loaded.rebuild(same, new DefinitionContext(db, allocator, Map.of()))) {
        AtomicInteger computed = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        ExecutionObserver counting =
            new ExecutionObserver() {
              @Override
              public NodeExecutionListener contextualize(
                  String hash, String label, List<String> path) {
                return new NodeExecutionListener() {
                  @Override
                  public void onPacketEnd(Tag t, Packet in, @Nullable Packet o, boolean c) {
                    (c ? cached : computed).incrementAndGet();
                  }
                };
              }
            };
        assertThat(p.run(RunOptions.defaults().withObserver(counting)).succeeded()).isTrue();
        assertThat(computed).hasValue(0);
        assertThat(cached).hasValue(6);
        assertThat(Fixtures.sortedRows(p.stream("b")).toString()).isEqualTo(expected);
      }

      // Other code does not pass for the saved pipeline.
      assertThatThrownBy(
              () -> loaded.rebuild(other, new DefinitionContext(db, allocator, Map.of())))
          .hasMessageContaining("[Orcapod/PipelineMismatch]")
          .hasMessageContaining("node 'b' has pipeline hash");
      // A scoped view is not the database the pipeline was built with.
      assertThatThrownBy(() -> LoadedPipeline.load(file, db.at("elsewhere"), allocator))
          .hasMessageContaining("[Orcapod/DatabaseMismatch]");
    }
  }

  @Test
  void withoutStoredRowsNodesAreUnavailable() throws Exception {
    Path file = dir.resolve("p.json");
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = EmbeddedArrowDatabase.open(dir.resolve("a.db"), allocator);
        ArrowDatabase empty = EmbeddedArrowDatabase.open(dir.resolve("b.db"), allocator);
        Saved saved = new Saved();
        Pipeline p = saved.define(new DefinitionContext(db, allocator, Map.of()))) {
      p.compile();
      p.save(file, SaveLevel.STANDARD);
      LoadedPipeline loaded = LoadedPipeline.load(file, empty, allocator);
      assertThat(loaded.status("a")).isEqualTo(LoadedPipeline.LoadStatus.UNAVAILABLE);
      assertThat(loaded.records("b", allocator)).isNull();
      assertThat(loaded.statusRows("b", allocator)).isNull();
    }
  }
}
