package lab;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.function.GeneratedPacketFunction;
import org.orcapod.schema.Schema;

/**
 * The typed pod of {@code lab.Counter.Nested.ratio}: a reflection-free packet function with the
 * same schemas, uri and rows as the runtime's reflective path.
 */
@Generated(
    value = "org.orcapod.processor.OrcapodProcessor",
    comments = "orcapod"
)
public final class Counter_Nested_RatioPod extends GeneratedPacketFunction {
  public static final String CANONICAL_NAME = "ratio";

  public static final String VERSION = "v0.0";

  public static final int MAJOR_VERSION = 0;

  public static final List<String> INPUT_COLUMNS = List.of("a", "b");

  public static final List<String> OUTPUT_COLUMNS = List.of("ratio");

  public static final Schema INPUT_SCHEMA = Schema.of(List.of(new Field("a", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null), new Field("b", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null)));

  public static final Schema OUTPUT_SCHEMA = Schema.of(List.of(new Field("ratio", new FieldType(true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null)));

  /**
   * Creates the pod; it has no executor until one is set.
   */
  public Counter_Nested_RatioPod() {
    super(CANONICAL_NAME, VERSION, INPUT_SCHEMA, OUTPUT_SCHEMA, Counter.Nested.class, "ratio", double.class, double.class);
  }

  @Override
  public Map<String, Object> directCall(Map<String, Object> inputs) throws Exception {
    Double result = Counter.Nested.ratio((Double) inputs.get("a"), (Double) inputs.get("b"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("ratio", result);
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
    Float8Vector in0 = column(input, "a", Float8Vector.class);
    Float8Vector in1 = column(input, "b", Float8Vector.class);
    VectorSchemaRoot out = VectorSchemaRoot.create(OUTPUT_SCHEMA.toArrow(), allocator);
    try {
      out.allocateNew();
      Float8Vector out0 = (Float8Vector) out.getVector("ratio");
      for (int i = 0; i < rows; i++) {
        Double result = Counter.Nested.ratio(in0.get(i), in1.get(i));
        Double out0Value = result;
        if (out0Value == null) {
          out0.setNull(i);
        } else {
          out0.setSafe(i, out0Value);
        }
      }
      out.setRowCount(rows);
      return out;
    } catch (Exception | Error e) {
      out.close();
      throw e;
    }
  }
}
