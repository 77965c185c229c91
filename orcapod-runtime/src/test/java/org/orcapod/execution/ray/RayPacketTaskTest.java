package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.orcapod.execution.RemoteFunction;
import org.orcapod.function.FunctionReference;
import org.orcapod.schema.ArrowValues;

/**
 * The worker side of a packet batch without Ray: {@link RayPacketTask#runBatch} rebuilds the
 * function from its reference and answers one IPC batch with outputs and per-packet capture.
 */
class RayPacketTaskTest {

  private static byte[] packets(RootAllocator allocator, String column, long... values) {
    BigIntVector v = new BigIntVector(column, allocator);
    v.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      v.set(i, values[i]);
    }
    v.setValueCount(values.length);
    try (VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(v))) {
      root.setRowCount(values.length);
      return ArrowIpcBatches.encode(root);
    }
  }

  private static byte[] reference(RemoteFunction f) {
    return JavaSerialization.toBytes(f, "test");
  }

  @Test
  void staticMethodBatchHoldsOutputsCaptureAndTheUsersException() {
    RemoteFunction f = RemoteTestFunctions.addOneFunction().remoteFunction().orElseThrow();
    assertThat(f).isInstanceOf(FunctionReference.StaticMethod.class);
    try (RootAllocator allocator = new RootAllocator()) {
      byte[] result =
          RayPacketTask.runBatch(
              reference(f), packets(allocator, "x", 1, RemoteTestFunctions.UNLUCKY, 5));
      try (VectorSchemaRoot out = ArrowIpcBatches.decode(result, allocator)) {
        assertThat(out.getRowCount()).isEqualTo(3);
        assertThat(out.getSchema().getFields().get(0).getName()).isEqualTo("y");
        assertThat(ArrowValues.read(out.getVector("y"), 0)).isEqualTo(2L);
        assertThat(ArrowValues.read(out.getVector("y"), 1)).isNull();
        assertThat(ArrowValues.read(out.getVector("y"), 2)).isEqualTo(6L);
        assertThat(ArrowValues.read(out.getVector(RayPacketTask.STATUS), 0)).isEqualTo("ok");
        assertThat(ArrowValues.read(out.getVector(RayPacketTask.STATUS), 1)).isEqualTo("failed");
        assertThat((String) ArrowValues.read(out.getVector(RayPacketTask.STDOUT), 2))
            .startsWith("add_one 5 pid " + ProcessHandle.current().pid());
        assertThat((String) ArrowValues.read(out.getVector(RayPacketTask.LOGS), 0))
            .isEqualTo("INFO:user.add_one:adding to 1");
        assertThat(ArrowValues.read(out.getVector(RayPacketTask.TRACEBACK), 0)).isNull();
        assertThat((String) ArrowValues.read(out.getVector(RayPacketTask.TRACEBACK), 1))
            .contains("ProbeFailure: unlucky 13")
            .contains("RemoteTestFunctions.addOne");
        byte[] failure = (byte[]) ArrowValues.read(out.getVector(RayPacketTask.FAILURE), 1);
        Throwable user =
            ((CapturedTaskException) JavaSerialization.fromBytes(failure, "test")).userException();
        assertThat(user).isInstanceOf(ProbeTasks.ProbeFailure.class).hasMessage("unlucky 13");
      }
    }
  }

  @Test
  void podAndSerializableLambdaAreRebuiltByTheirReferences() {
    RemoteFunction pod = new RemoteTestFunctions.TimesTwoPod().remoteFunction().orElseThrow();
    assertThat(pod).isInstanceOf(FunctionReference.GeneratedPod.class);
    RemoteFunction lambda = RemoteTestFunctions.minusThree().remoteFunction().orElseThrow();
    assertThat(lambda).isInstanceOf(FunctionReference.SerializedBody.class);
    try (RootAllocator allocator = new RootAllocator()) {
      try (VectorSchemaRoot out =
          ArrowIpcBatches.decode(
              RayPacketTask.runBatch(reference(pod), packets(allocator, "y", 4, 10)), allocator)) {
        assertThat(ArrowValues.read(out.getVector("z"), 0)).isEqualTo(8L);
        assertThat(ArrowValues.read(out.getVector("z"), 1)).isEqualTo(20L);
      }
      try (VectorSchemaRoot out =
          ArrowIpcBatches.decode(
              RayPacketTask.runBatch(reference(lambda), packets(allocator, "z", 10, 0)),
              allocator)) {
        assertThat(ArrowValues.read(out.getVector("w"), 0)).isEqualTo(7L);
        assertThat(ArrowValues.read(out.getVector("w"), 1)).isNull();
        assertThat(ArrowValues.read(out.getVector(RayPacketTask.STATUS), 1)).isEqualTo("dropped");
        assertThat(ArrowValues.read(out.getVector(RayPacketTask.STDOUT), 1))
            .isEqualTo(
                "minus_three 0 pid " + ProcessHandle.current().pid() + System.lineSeparator());
      }
    }
  }

  @Test
  void aWorkerWithOtherCodeRefusesTheFunction() {
    FunctionReference.StaticMethod real =
        (FunctionReference.StaticMethod)
            RemoteTestFunctions.addOneFunction().remoteFunction().orElseThrow();
    FunctionReference.StaticMethod stale =
        new FunctionReference.StaticMethod(
            real.className(),
            real.methodName(),
            real.parameterTypes(),
            real.canonicalName(),
            real.version(),
            real.inputNames(),
            real.outputNames(),
            "sha256:0000");
    try (RootAllocator allocator = new RootAllocator()) {
      byte[] rows = packets(allocator, "x", 1);
      Throwable thrown = catchThrowable(() -> RayPacketTask.runBatch(reference(stale), rows));
      assertThat(thrown)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("[Orcapod/RemoteFunctionMismatch]")
          .hasMessageContaining("add_one")
          .hasMessageContaining("sha256:0000")
          .hasMessageContaining(real.fingerprint());
    }
  }

  @Test
  void aLambdaThatIsNotSerializableIsRefusedWhenRayIsAssigned() {
    assertThat(RemoteTestFunctions.localOnly().remoteFunction()).isEmpty();
    Throwable thrown =
        catchThrowable(() -> RemoteTestFunctions.localOnly().setExecutor(RayExecutor.local()));
    assertThat(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[Orcapod/NotRemotable]")
        .hasMessageContaining("local_only")
        .hasMessageContaining("ray.v0");
  }
}
