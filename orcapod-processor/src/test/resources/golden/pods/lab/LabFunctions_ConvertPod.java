package lab;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.function.GeneratedPacketFunction;
import org.orcapod.schema.Schema;

/**
 * The typed pod of {@code lab.LabFunctions.convert}: a reflection-free packet function with the
 * same schemas, uri and rows as the runtime's reflective path.
 */
@Generated(
    value = "org.orcapod.processor.OrcapodProcessor",
    comments = "orcapod"
)
public final class LabFunctions_ConvertPod extends GeneratedPacketFunction {
  public static final String CANONICAL_NAME = "convert";

  public static final String VERSION = "v1.0";

  public static final int MAJOR_VERSION = 1;

  public static final List<String> INPUT_COLUMNS = List.of("temperatureC", "pressureKpa");

  public static final List<String> OUTPUT_COLUMNS = List.of("fahrenheit", "highPressure");

  public static final Schema INPUT_SCHEMA = Schema.of(List.of(new Field("temperatureC", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null), new Field("pressureKpa", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null)));

  public static final Schema OUTPUT_SCHEMA = Schema.of(List.of(new Field("fahrenheit", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null), new Field("highPressure", new FieldType(false, ArrowType.Bool.INSTANCE, null), null)));

  /**
   * Creates the pod; it has no executor until one is set.
   */
  public LabFunctions_ConvertPod() {
    super(CANONICAL_NAME, VERSION, INPUT_SCHEMA, OUTPUT_SCHEMA, LabFunctions.class, "convert", double.class, double.class);
  }

  @Override
  public Map<String, Object> directCall(Map<String, Object> inputs) throws Exception {
    LabFunctions.Conversion result = LabFunctions.convert((Double) inputs.get("temperatureC"), (Double) inputs.get("pressureKpa"));
    if (result == null) {
      return null;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("fahrenheit", result.fahrenheit());
    values.put("highPressure", result.highPressure());
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
    Float8Vector in0 = column(input, "temperatureC", Float8Vector.class);
    Float8Vector in1 = column(input, "pressureKpa", Float8Vector.class);
    VectorSchemaRoot out = VectorSchemaRoot.create(OUTPUT_SCHEMA.toArrow(), allocator);
    try {
      out.allocateNew();
      Float8Vector out0 = (Float8Vector) out.getVector("fahrenheit");
      BitVector out1 = (BitVector) out.getVector("highPressure");
      for (int i = 0; i < rows; i++) {
        LabFunctions.Conversion result = LabFunctions.convert(in0.get(i), in1.get(i));
        if (result == null) {
          dropped.set(i);
          // Cells left unwritten stay null.
          continue;
        }
        double out0Value = result.fahrenheit();
        out0.setSafe(i, out0Value);
        boolean out1Value = result.highPressure();
        out1.setSafe(i, out1Value ? 1 : 0);
      }
      out.setRowCount(rows);
      return out;
    } catch (Exception | Error e) {
      out.close();
      throw e;
    }
  }
}
