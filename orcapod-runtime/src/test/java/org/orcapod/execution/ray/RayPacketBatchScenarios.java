package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.RemoteFunction;

/**
 * {@link RayExecutor#executeBatchAsync}: packets as Arrow batches split into tasks of {@code
 * batch_size} rows, one logger record and one future per packet, the user's exception type.
 */
abstract class RayPacketBatchScenarios {

  BufferAllocator allocator;

  /** The connected executor under test. */
  abstract RayExecutor ray();

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void tearDown() {
    allocator.close();
  }

  /** A batch with column {@code column} holding {@code values}; the caller closes it. */
  VectorSchemaRoot packets(String column, long... values) {
    BigIntVector v = new BigIntVector(column, allocator);
    v.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      v.set(i, values[i]);
    }
    v.setValueCount(values.length);
    VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(v));
    root.setRowCount(values.length);
    return root;
  }

  static @Nullable Object await(CompletableFuture<@Nullable Map<String, @Nullable Object>> f)
      throws Exception {
    Map<String, @Nullable Object> values = f.get(180, TimeUnit.SECONDS);
    return values == null ? null : values.values().iterator().next();
  }

  @Test
  void everyPacketGetsItsValueOrItsExceptionAndOneLogRecord() throws Exception {
    RayExecutor executor = ray().withOptions(ExecutorOptions.of(Map.of("batch_size", 3)));
    RemoteFunction f = RemoteTestFunctions.addOneFunction().remoteFunction().orElseThrow();
    long[] xs = {1, 2, 3, 4, RemoteTestFunctions.UNLUCKY, 6, 7};
    List<List<Map<String, @Nullable Object>>> records = new ArrayList<>();
    List<PacketLogger> loggers = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      List<Map<String, @Nullable Object>> mine = new CopyOnWriteArrayList<>();
      records.add(mine);
      loggers.add(mine::add);
    }
    List<CompletableFuture<@Nullable Map<String, @Nullable Object>>> futures;
    try (executor;
        VectorSchemaRoot rows = packets("x", xs)) {
      futures = executor.executeBatchAsync(f, rows, loggers);
      assertThat(futures).hasSize(xs.length);
      for (int i = 0; i < xs.length; i++) {
        if (xs[i] == RemoteTestFunctions.UNLUCKY) {
          int row = i;
          assertThatThrownBy(() -> futures.get(row).get(180, TimeUnit.SECONDS))
              .isInstanceOf(ExecutionException.class)
              .cause()
              .isInstanceOf(ProbeTasks.ProbeFailure.class)
              .hasMessage("unlucky 13");
        } else {
          assertThat(await(futures.get(i))).isEqualTo(xs[i] + 1);
        }
      }
    }
    for (int i = 0; i < xs.length; i++) {
      assertThat(records.get(i)).as("records of packet " + i).hasSize(1);
      Map<String, @Nullable Object> record = records.get(i).get(0);
      assertThat((String) record.get(PacketLogger.STDOUT)).startsWith("add_one " + xs[i] + " pid ");
      assertThat(record.get(PacketLogger.SUCCESS)).isEqualTo(xs[i] != RemoteTestFunctions.UNLUCKY);
    }
    assertThat((String) records.get(4).get(0).get(PacketLogger.TRACEBACK))
        .startsWith(ProbeTasks.ProbeFailure.class.getName() + ": unlucky 13");
  }

  @Test
  void oneLoggerPerPacketIsRequired() {
    RemoteFunction f = RemoteTestFunctions.addOneFunction().remoteFunction().orElseThrow();
    try (VectorSchemaRoot rows = packets("x", 1, 2)) {
      assertThatThrownBy(() -> ray().executeBatchAsync(f, rows, List.of(PacketLogger.noOp())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2 packets, 1 loggers");
    }
  }

  @Test
  void aClosedExecutorRefusesBatches() {
    RayExecutor closed = ray().withOptions(ExecutorOptions.of(Map.of()));
    closed.close();
    RemoteFunction f = RemoteTestFunctions.addOneFunction().remoteFunction().orElseThrow();
    try (VectorSchemaRoot rows = packets("x", 1)) {
      assertThatThrownBy(() -> closed.executeBatchAsync(f, rows, List.of(PacketLogger.noOp())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("[Orcapod/ExecutorClosed]");
    }
  }
}
