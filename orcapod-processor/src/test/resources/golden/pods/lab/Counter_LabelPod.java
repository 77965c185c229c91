package lab;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.function.FunctionOutputException;
import org.orcapod.function.GeneratedPacketFunction;
import org.orcapod.schema.Schema;

/**
 * The typed pod of {@code lab.Counter.label}: a reflection-free packet function with the
 * same schemas, uri and rows as the runtime's reflective path.
 */
@Generated(
    value = "org.orcapod.processor.OrcapodProcessor",
    comments = "orcapod"
)
public final class Counter_LabelPod extends GeneratedPacketFunction {
  public static final String CANONICAL_NAME = "label";

  public static final String VERSION = "v0.0";

  public static final int MAJOR_VERSION = 0;

  public static final List<String> INPUT_COLUMNS = List.of("text", "loud");

  public static final List<String> OUTPUT_COLUMNS = List.of("label");

  public static final Schema INPUT_SCHEMA = Schema.of(List.of(new Field("text", new FieldType(false, ArrowType.LargeUtf8.INSTANCE, null), null), new Field("loud", new FieldType(false, ArrowType.Bool.INSTANCE, null), null)));

  public static final Schema OUTPUT_SCHEMA = Schema.of(List.of(new Field("label", new FieldType(false, ArrowType.LargeUtf8.INSTANCE, null), null)));

  private final Counter target = new Counter();

  /**
   * Creates the pod; it has no executor until one is set.
   */
  public Counter_LabelPod() {
    super(CANONICAL_NAME, VERSION, INPUT_SCHEMA, OUTPUT_SCHEMA, Counter.class, "label", String.class, boolean.class);
  }

  @Override
  public Map<String, Object> directCall(Map<String, Object> inputs) throws Exception {
    String result = target.label((String) inputs.get("text"), (Boolean) inputs.get("loud"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("label", result);
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
    LargeVarCharVector in0 = column(input, "text", LargeVarCharVector.class);
    BitVector in1 = column(input, "loud", BitVector.class);
    VectorSchemaRoot out = VectorSchemaRoot.create(OUTPUT_SCHEMA.toArrow(), allocator);
    try {
      out.allocateNew();
      LargeVarCharVector out0 = (LargeVarCharVector) out.getVector("label");
      for (int i = 0; i < rows; i++) {
        String result = target.label(new String(in0.get(i), StandardCharsets.UTF_8), in1.get(i) != 0);
        String out0Value = result;
        if (out0Value == null) {
          throw new FunctionOutputException(CANONICAL_NAME, "returned null for the non-nullable output column 'label'; return a value, or declare the column @Nullable");
        } else {
          out0.setSafe(i, out0Value.getBytes(StandardCharsets.UTF_8));
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
