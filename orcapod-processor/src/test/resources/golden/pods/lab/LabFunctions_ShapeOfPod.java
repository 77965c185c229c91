package lab;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.function.GeneratedPacketFunction;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;

/**
 * The typed pod of {@code lab.LabFunctions.shape}: a reflection-free packet function with the
 * same schemas, uri and rows as the runtime's reflective path.
 */
@Generated(
    value = "org.orcapod.processor.OrcapodProcessor",
    comments = "orcapod"
)
public final class LabFunctions_ShapeOfPod extends GeneratedPacketFunction {
  public static final String CANONICAL_NAME = "shapeOf";

  public static final String VERSION = "v2.1";

  public static final int MAJOR_VERSION = 2;

  public static final List<String> INPUT_COLUMNS = List.of("points", "label");

  public static final List<String> OUTPUT_COLUMNS = List.of("points", "label", "first");

  public static final Schema INPUT_SCHEMA = Schema.of(List.of(new Field("points", new FieldType(false, ArrowType.LargeList.INSTANCE, null), List.of(new Field("item", new FieldType(true, ArrowType.Struct.INSTANCE, null), List.of(new Field("x", new FieldType(false, new ArrowType.Int(64, true), null), null), new Field("y", new FieldType(true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null))))), new Field("label", new FieldType(true, ArrowType.LargeUtf8.INSTANCE, null), null)));

  public static final Schema OUTPUT_SCHEMA = Schema.of(List.of(new Field("points", new FieldType(false, ArrowType.LargeList.INSTANCE, null), List.of(new Field("item", new FieldType(true, ArrowType.Struct.INSTANCE, null), List.of(new Field("x", new FieldType(false, new ArrowType.Int(64, true), null), null), new Field("y", new FieldType(true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null))))), new Field("label", new FieldType(true, ArrowType.LargeUtf8.INSTANCE, null), null), new Field("first", new FieldType(false, ArrowType.Struct.INSTANCE, null), List.of(new Field("x", new FieldType(false, new ArrowType.Int(64, true), null), null), new Field("y", new FieldType(true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null)))));

  /**
   * Creates the pod; it has no executor until one is set.
   */
  public LabFunctions_ShapeOfPod() {
    super(CANONICAL_NAME, VERSION, INPUT_SCHEMA, OUTPUT_SCHEMA, LabFunctions.class, "shape", List.class, Optional.class);
  }

  @Override
  public Map<String, Object> directCall(Map<String, Object> inputs) throws Exception {
    Optional<LabFunctions.Shape> result = LabFunctions.shape(ArrowValues.listOf(inputs.get("points"), item -> readLabFunctions_Point(item)), Optional.ofNullable((String) inputs.get("label")));
    if (result == null) {
      return null;
    }
    if (result.isEmpty()) {
      return null;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("points", ArrowValues.valuesOf(result.get().points(), item -> valuesOfLabFunctions_Point(item)));
    values.put("label", result.get().label().orElse(null));
    values.put("first", valuesOfLabFunctions_Point(result.get().first()));
    return values;
  }

  /**
   * Runs the function over every row of {@code input} (which has the {@link #INPUT_SCHEMA}
   * columns, and may have others), a batch at a time.
   *
   * @param input the rows; the caller keeps ownership
   * @param allocator allocates the output vectors
   * @param dropped receives the rows whose packet the function dropped (their output
   *     cells are null)
   * @return the {@link #OUTPUT_SCHEMA} columns, one row per input row; the caller closes it
   * @throws Exception exactly what the function threw; no output is left open
   */
  public VectorSchemaRoot invoke(VectorSchemaRoot input, BufferAllocator allocator, BitSet dropped)
      throws Exception {
    int rows = input.getRowCount();
    FieldVector in0 = column(input, "points", FieldVector.class);
    FieldVector in1 = column(input, "label", FieldVector.class);
    VectorSchemaRoot out = VectorSchemaRoot.create(OUTPUT_SCHEMA.toArrow(), allocator);
    try {
      out.allocateNew();
      FieldVector out0 = out.getVector("points");
      FieldVector out1 = out.getVector("label");
      FieldVector out2 = out.getVector("first");
      for (int i = 0; i < rows; i++) {
        Optional<LabFunctions.Shape> result = LabFunctions.shape(ArrowValues.listOf(ArrowValues.read(in0, i), item -> readLabFunctions_Point(item)), Optional.ofNullable((String) ArrowValues.read(in1, i)));
        if (result == null || result.isEmpty()) {
          dropped.set(i);
          // Cells left unwritten stay null.
          continue;
        }
        ArrowValues.write(out0, i, ArrowValues.valuesOf(result.get().points(), item -> valuesOfLabFunctions_Point(item)));
        ArrowValues.write(out1, i, result.get().label().orElse(null));
        ArrowValues.write(out2, i, valuesOfLabFunctions_Point(result.get().first()));
      }
      out.setRowCount(rows);
      return out;
    } catch (Exception | Error e) {
      out.close();
      throw e;
    }
  }

  private static LabFunctions.Point readLabFunctions_Point(Object value) {
    if (value == null) {
      return null;
    }
    Map<?, ?> struct = (Map<?, ?>) value;
    return new LabFunctions.Point((Long) struct.get("x"), (Double) struct.get("y"));
  }

  private static Map<String, Object> valuesOfLabFunctions_Point(LabFunctions.Point record) {
    if (record == null) {
      return null;
    }
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("x", record.x());
    struct.put("y", record.y());
    return struct;
  }
}
