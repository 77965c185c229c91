package org.orcapod.execution.ray;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.RemoteFunction;
import org.orcapod.schema.ArrowValues;

/**
 * The Ray task body that runs one packet function over an Arrow batch of packets in a worker JVM:
 * it rebuilds the function from its {@link RemoteFunction} (once per worker), calls it on each row
 * under its own capture, and returns one Arrow IPC batch that holds, row for row, the output
 * columns and what each call printed, logged and threw.
 *
 * <p>The result batch has the function's output columns (all nullable: a dropped or failed packet
 * has nulls there), then {@value #STATUS} ({@code ok}, {@code dropped} or {@code failed}), {@value
 * #STDOUT}, {@value #STDERR}, {@value #LOGS}, {@value #TRACEBACK}, and {@value #FAILURE}: the
 * Java-serialized {@link CapturedTaskException} of a failed packet, which carries the user's
 * exception to the driver.
 */
public final class RayPacketTask {

  static final String STATUS = "__ray_status";
  static final String STDOUT = "__ray_stdout";
  static final String STDERR = "__ray_stderr";
  static final String LOGS = "__ray_logs";
  static final String TRACEBACK = "__ray_traceback";
  static final String FAILURE = "__ray_failure";
  static final String OK = "ok";
  static final String DROPPED = "dropped";
  static final String FAILED = "failed";

  private static final int MAX_CACHED_FUNCTIONS = 64;
  private static final Map<ByteBuffer, RemoteFunction.Body> FUNCTIONS = new ConcurrentHashMap<>();

  private RayPacketTask() {}

  /** The worker's allocator: one per process, as Arrow recommends. */
  private static final class Allocator {
    static final BufferAllocator ROOT = new RootAllocator();
  }

  /**
   * Runs the function on every packet of the batch.
   *
   * @param function Java serialization of a {@link RemoteFunction} (a few hundred bytes)
   * @param packets an Arrow IPC stream of the packets, one row each, input columns by name
   * @return an Arrow IPC stream as described in the class comment
   * @throws IllegalStateException if the function cannot be rebuilt here (missing class, or
   *     different code than the driver's)
   */
  public static byte[] runBatch(byte[] function, byte[] packets) {
    RemoteFunction.Body body = resolve(function);
    BufferAllocator allocator = Allocator.ROOT;
    try (VectorSchemaRoot in = ArrowIpcBatches.decode(packets, allocator);
        VectorSchemaRoot out =
            VectorSchemaRoot.create(resultSchema(body.outputSchema()), allocator)) {
      out.allocateNew();
      List<FieldVector> inputs = in.getFieldVectors();
      List<String> outputs = body.outputSchema().names();
      int n = in.getRowCount();
      for (int r = 0; r < n; r++) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (FieldVector v : inputs) {
          values.put(v.getName(), ArrowValues.read(v, r));
        }
        OutputCapture.Result<@Nullable Map<String, @Nullable Object>> result =
            OutputCapture.call(() -> body.call(values));
        Throwable failure = result.failure();
        Map<String, @Nullable Object> value = result.value();
        String status = failure != null ? FAILED : value == null ? DROPPED : OK;
        if (value != null) {
          for (String c : outputs) {
            ArrowValues.write(out.getVector(c), r, value.get(c));
          }
        }
        CapturedOutput captured = result.output();
        ArrowValues.write(out.getVector(STATUS), r, status);
        ArrowValues.write(out.getVector(STDOUT), r, captured.stdout());
        ArrowValues.write(out.getVector(STDERR), r, captured.stderr());
        ArrowValues.write(out.getVector(LOGS), r, captured.logs());
        ArrowValues.write(out.getVector(TRACEBACK), r, captured.traceback());
        if (failure != null) {
          ArrowValues.write(
              out.getVector(FAILURE),
              r,
              JavaSerialization.toBytes(
                  new CapturedTaskException(failure, captured), "the packet's failure"));
        }
      }
      for (FieldVector v : out.getFieldVectors()) {
        v.setValueCount(n);
      }
      out.setRowCount(n);
      return ArrowIpcBatches.encode(out);
    }
  }

  /** The layout of a result batch for a function with these outputs. */
  static Schema resultSchema(org.orcapod.schema.Schema outputSchema) {
    List<Field> fields = new ArrayList<>();
    for (Field f : outputSchema.fields()) {
      fields.add(
          new Field(
              f.getName(),
              new FieldType(true, f.getType(), f.getDictionary(), f.getMetadata()),
              f.getChildren()));
    }
    for (String c : List.of(STATUS, STDOUT, STDERR, LOGS, TRACEBACK)) {
      fields.add(new Field(c, FieldType.nullable(ArrowType.LargeUtf8.INSTANCE), null));
    }
    fields.add(new Field(FAILURE, FieldType.nullable(ArrowType.LargeBinary.INSTANCE), null));
    return new Schema(fields);
  }

  private static RemoteFunction.Body resolve(byte[] function) {
    ByteBuffer key = ByteBuffer.wrap(function);
    RemoteFunction.Body cached = FUNCTIONS.get(key);
    if (cached != null) {
      return cached;
    }
    RemoteFunction remote =
        (RemoteFunction) JavaSerialization.fromBytes(function, "the packet function's reference");
    RemoteFunction.Body body;
    try {
      body = remote.resolve();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(
          "[Orcapod/RemoteFunctionMismatch] cannot rebuild packet function '"
              + remote.canonicalName()
              + "' in this Ray worker from "
              + remote
              + ": "
              + e
              + ". Put the driver's classes and jars on the job's code search path.",
          e);
    }
    if (FUNCTIONS.size() >= MAX_CACHED_FUNCTIONS) {
      FUNCTIONS.clear();
    }
    FUNCTIONS.put(key, body);
    return body;
  }
}
