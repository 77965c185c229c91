package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.pipeline.Fixtures.source;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.operator.Join;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;

/**
 * The snapshot uri equals Python orcapod's for the same pipeline. Golden values from orcapod-python
 * commit 0473621 (the oracle venv):
 *
 * <pre>
 * a = DictSource([{"id": i, "x": 10*i} for i in range(3)], tag_columns=["id"])
 * b = DictSource([{"id": i, "u": 10*i+7} for i in range(3)], tag_columns=["id"])
 * p = Pipeline("snap", pipeline_database=InMemoryArrowDatabase())
 * with p: Join()(a, b)
 * p.compile(); p._compute_pipeline_snapshot_hash()   # 'ecefe7f65e671624'
 * </pre>
 */
class SnapshotGoldenTest {
  @Test
  void aJoinOfTwoSourcesHasPythonsSnapshotUri() {
    SourceContext ctx = TestContexts.real();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = InMemoryArrowDatabase.create(allocator);
        DictSource a = source("x", 3, 0, ctx, allocator);
        DictSource b = source("u", 3, 7, ctx, allocator)) {
      OperatorContext oc = new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
      try (OperatorStream j = new Join().process(oc, a, b);
          Pipeline p = Pipeline.builder("snap", db, allocator).build()) {
        p.add(j);
        p.compile();
        assertThat(
                p.node("DictSource_1").contentHash() + " " + p.node("DictSource_2").contentHash())
            .contains(
                "semantic_v0.1:9b2368cf81fd0140baf7b026096e301c6005931fc7233395acb12536b19b5062")
            .contains(
                "semantic_v0.1:61002fe24b009024c8007b7feb0b62f1482955a9e272dbbf581b6d9dbf86e95c");
        assertThat(p.node("Join").contentHash())
            .isEqualTo(
                "semantic_v0.1:8f33ccdbffe16f1c0bb77a36e5f20ce4d9822cf409c55493e3222690b32fa4a2");
        assertThat(p.snapshotUri()).isEqualTo("snap@ecefe7f65e671624");
      }
    }
  }
}
