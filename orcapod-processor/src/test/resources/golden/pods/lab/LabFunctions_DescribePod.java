package lab;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.function.FunctionOutputException;
import org.orcapod.function.GeneratedPacketFunction;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;
import org.orcapod.schema.TypeMapping;

/**
 * The typed pod of {@code lab.LabFunctions.describe}: a reflection-free packet function with the
 * same schemas, uri and rows as the runtime's reflective path.
 */
@Generated(
    value = "org.orcapod.processor.OrcapodProcessor",
    comments = "orcapod"
)
public final class LabFunctions_DescribePod extends GeneratedPacketFunction {
  public static final String CANONICAL_NAME = "describe";

  public static final String VERSION = "v3.0";

  public static final int MAJOR_VERSION = 3;

  public static final List<String> INPUT_COLUMNS = List.of("text", "blob", "day", "amount", "file", "counts");

  public static final List<String> OUTPUT_COLUMNS = List.of("upper", "size", "next", "more", "fileSize", "total");

  public static final Schema INPUT_SCHEMA = Schema.of(List.of(new Field("text", new FieldType(false, ArrowType.LargeUtf8.INSTANCE, null), null), new Field("blob", new FieldType(false, ArrowType.LargeBinary.INSTANCE, null), null), new Field("day", new FieldType(false, new ArrowType.Date(DateUnit.DAY), null), null), new Field("amount", new FieldType(false, new ArrowType.Decimal(TypeMapping.DEFAULT_DECIMAL_PRECISION, TypeMapping.DEFAULT_DECIMAL_SCALE, 128), null), null), TypeMapping.pathField("file", false), new Field("counts", new FieldType(false, ArrowType.LargeList.INSTANCE, null), List.of(new Field("item", new FieldType(true, new ArrowType.Int(64, true), null), null)))));

  public static final Schema OUTPUT_SCHEMA = Schema.of(List.of(new Field("upper", new FieldType(false, ArrowType.LargeUtf8.INSTANCE, null), null), new Field("size", new FieldType(true, new ArrowType.Int(64, true), null), null), new Field("next", new FieldType(false, new ArrowType.Date(DateUnit.DAY), null), null), new Field("more", new FieldType(false, new ArrowType.Decimal(TypeMapping.DEFAULT_DECIMAL_PRECISION, TypeMapping.DEFAULT_DECIMAL_SCALE, 128), null), null), new Field("fileSize", new FieldType(false, new ArrowType.Int(64, true), null), null), new Field("total", new FieldType(false, new ArrowType.Int(64, true), null), null)));

  /**
   * Creates the pod; it has no executor until one is set.
   */
  public LabFunctions_DescribePod() {
    super(CANONICAL_NAME, VERSION, INPUT_SCHEMA, OUTPUT_SCHEMA, LabFunctions.class, "describe", String.class, byte[].class, LocalDate.class, BigDecimal.class, Path.class, List.class);
  }

  @Override
  public Map<String, Object> directCall(Map<String, Object> inputs) throws Exception {
    LabFunctions.Summary result = LabFunctions.describe((String) inputs.get("text"), (byte[]) inputs.get("blob"), (LocalDate) inputs.get("day"), (BigDecimal) inputs.get("amount"), (Path) inputs.get("file"), ArrowValues.listOf(inputs.get("counts"), item -> (Long) item));
    if (result == null) {
      return null;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("upper", result.upper());
    values.put("size", result.size());
    values.put("next", result.next());
    values.put("more", result.more());
    values.put("fileSize", result.fileSize());
    values.put("total", result.total());
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
    FieldVector in1 = column(input, "blob", FieldVector.class);
    FieldVector in2 = column(input, "day", FieldVector.class);
    FieldVector in3 = column(input, "amount", FieldVector.class);
    FieldVector in4 = column(input, "file", FieldVector.class);
    FieldVector in5 = column(input, "counts", FieldVector.class);
    VectorSchemaRoot out = VectorSchemaRoot.create(OUTPUT_SCHEMA.toArrow(), allocator);
    try {
      out.allocateNew();
      LargeVarCharVector out0 = (LargeVarCharVector) out.getVector("upper");
      BigIntVector out1 = (BigIntVector) out.getVector("size");
      FieldVector out2 = out.getVector("next");
      FieldVector out3 = out.getVector("more");
      BigIntVector out4 = (BigIntVector) out.getVector("fileSize");
      BigIntVector out5 = (BigIntVector) out.getVector("total");
      for (int i = 0; i < rows; i++) {
        LabFunctions.Summary result = LabFunctions.describe(new String(in0.get(i), StandardCharsets.UTF_8), (byte[]) ArrowValues.read(in1, i), (LocalDate) ArrowValues.read(in2, i), (BigDecimal) ArrowValues.read(in3, i), (Path) ArrowValues.read(in4, i), ArrowValues.listOf(ArrowValues.read(in5, i), item -> (Long) item));
        if (result == null) {
          dropped.set(i);
          // Cells left unwritten stay null.
          continue;
        }
        String out0Value = result.upper();
        if (out0Value == null) {
          throw new FunctionOutputException(CANONICAL_NAME, "returned null for the non-nullable output column 'upper'; return a value, or declare the column @Nullable");
        } else {
          out0.setSafe(i, out0Value.getBytes(StandardCharsets.UTF_8));
        }
        Long out1Value = result.size();
        if (out1Value == null) {
          out1.setNull(i);
        } else {
          out1.setSafe(i, out1Value);
        }
        ArrowValues.write(out2, i, result.next());
        ArrowValues.write(out3, i, result.more());
        long out4Value = result.fileSize();
        out4.setSafe(i, out4Value);
        long out5Value = result.total();
        out5.setSafe(i, out5Value);
      }
      out.setRowCount(rows);
      return out;
    } catch (Exception | Error e) {
      out.close();
      throw e;
    }
  }
}
