package org.orcapod.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.error.MalformedInputException;
import org.orcapod.error.MissingColumnException;
import org.orcapod.error.SourceReadException;
import org.orcapod.schema.ArrowValues;

/**
 * A source over a CSV file with a header row (Python orcapod's {@code CSVSource}); the default
 * source id is the path as given.
 *
 * <p>Without a schema, each column's type is inferred as pyarrow's CSV reader does for the common
 * cases: int64 when every non-null cell is an integer, else float64 when every one is a number,
 * else bool when every one is {@code true/false} (any of pyarrow's spellings), else string (never
 * null: an empty cell is the empty string). In non-string columns pyarrow's null spellings ({@code
 * ""}, {@code NA}, {@code null}, {@code NaN}, …) are nulls; a column is nullable exactly when it
 * holds a null. A column null in every row is read as a nullable string (pyarrow gives it the null
 * type). Dates and timestamps are read as strings unless the schema declares them.
 *
 * <p>With a schema, every schema field must be a header column (extra header columns are dropped,
 * as in a cast) and cells are parsed as the declared type; a cell that does not parse is a {@link
 * MalformedInputException} naming the file, line and column.
 */
public final class CsvSource extends RootSource {
  /** pyarrow's default null spellings. */
  static final Set<String> NULLS =
      Set.of(
          "",
          "#N/A",
          "#N/A N/A",
          "#NA",
          "-1.#IND",
          "-1.#QNAN",
          "-NaN",
          "-nan",
          "1.#IND",
          "1.#QNAN",
          "N/A",
          "NA",
          "NULL",
          "NaN",
          "n/a",
          "nan",
          "null");

  private static final Set<String> TRUE = Set.of("1", "True", "TRUE", "true");
  private static final Set<String> FALSE = Set.of("0", "False", "FALSE", "false");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile(
          "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(inf|Inf|INF|infinity|Infinity)");

  private final Path file;

  private CsvSource(SourceStreamBuilder.Result result, SourceContext context, Path file) {
    super(result, context);
    this.file = file;
  }

  @Override
  protected String pythonClassName() {
    return "CSVSource";
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /** Starts a source over {@code file}. */
  public static Builder builder(Path file, SourceContext context) {
    return new Builder(file, context);
  }

  /**
   * Options of a {@link CsvSource}: by default no tag columns and the source id is the path as
   * given.
   */
  public static final class Builder extends SourceOptions<Builder> {
    private final Path file;
    private final SourceContext context;
    private @Nullable List<Field> schema;

    private Builder(Path file, SourceContext context) {
      this.file = file;
      this.context = context;
    }

    @Override
    Builder self() {
      return this;
    }

    /** An explicit schema (types and nullability) instead of inference. */
    public Builder schema(@Nullable List<Field> fields) {
      this.schema = fields == null ? null : List.copyOf(fields);
      return this;
    }

    /**
     * Reads the file and builds the source in {@code allocator}.
     *
     * @throws MalformedInputException naming file, line and column of a bad row or cell
     * @throws SourceReadException when the file cannot be read
     */
    public CsvSource build(BufferAllocator allocator) {
      try (VectorSchemaRoot table = read(file, schema, allocator)) {
        String sourceId = givenSourceId();
        String id = sourceId != null ? sourceId : file.toString();
        return new CsvSource(
            new SourceStreamBuilder(context)
                .build(
                    table,
                    tagColumnsOrNone(),
                    id,
                    givenRecordIdColumn(),
                    givenSystemTagColumns(),
                    allocator),
            context,
            file);
      }
    }
  }

  /** Reads {@code file} into a table, with {@code schema} or inferred types. */
  static VectorSchemaRoot read(Path file, @Nullable List<Field> schema, BufferAllocator allocator) {
    String name = file.toString();
    List<String> header;
    List<List<String>> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvReader reader = new CsvReader(in, name);
      header = reader.next();
      if (header == null) {
        throw new MalformedInputException(
            name, 1, null, "the file is empty; a CSV source needs a header row naming the columns");
      }
      for (List<String> r = reader.next(); r != null; r = reader.next()) {
        if (r.size() != header.size()) {
          throw new MalformedInputException(
              name,
              reader.recordLine(),
              null,
              "the row has "
                  + r.size()
                  + " cells but the header has "
                  + header.size()
                  + " columns "
                  + header
                  + "; add or remove cells (quote cells that contain commas)");
        }
        rows.add(r);
        lines.add(reader.recordLine());
      }
    } catch (IOException e) {
      throw new SourceReadException(
          name, e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
    List<Field> fields;
    List<Integer> columns = new ArrayList<>();
    if (schema == null) {
      fields = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        fields.add(infer(header.get(c), rows, c));
        columns.add(c);
      }
    } else {
      fields = schema;
      for (Field f : schema) {
        int c = header.indexOf(f.getName());
        if (c < 0) {
          throw new MissingColumnException("schema column of " + name, f.getName(), header);
        }
        columns.add(c);
      }
    }
    VectorSchemaRoot root =
        VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
    try {
      root.allocateNew();
      List<FieldVector> vectors = root.getFieldVectors();
      for (int k = 0; k < fields.size(); k++) {
        FieldVector v = vectors.get(k);
        int c = columns.get(k);
        for (int r = 0; r < rows.size(); r++) {
          set(v, r, rows.get(r).get(c), name, lines.get(r));
        }
        v.setValueCount(rows.size());
      }
      root.setRowCount(rows.size());
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  private static Field infer(String column, List<List<String>> rows, int c) {
    boolean anyValue = false;
    boolean ints = true;
    boolean decimals = true;
    boolean bools = true;
    boolean nulls = false;
    for (List<String> r : rows) {
      String cell = r.get(c);
      if (NULLS.contains(cell)) {
        nulls = true;
        continue;
      }
      anyValue = true;
      ints &= INTEGER.matcher(cell).matches() && fitsLong(cell);
      decimals &= DECIMAL.matcher(cell).matches();
      bools &=
          TRUE.contains(cell) && !cell.equals("1") || FALSE.contains(cell) && !cell.equals("0");
    }
    ArrowType type;
    boolean nullable = nulls;
    if (!anyValue) {
      type = ArrowType.LargeUtf8.INSTANCE;
      nullable = true;
    } else if (ints) {
      type = new ArrowType.Int(64, true);
    } else if (decimals) {
      type = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    } else if (bools) {
      type = ArrowType.Bool.INSTANCE;
    } else {
      // strings are never null in pyarrow's default reading: "" and "NA" are text
      type = ArrowType.LargeUtf8.INSTANCE;
      nullable = false;
    }
    return new Field(column, new FieldType(nullable, type, null), null);
  }

  private static double parseDouble(String cell) {
    String lower = cell.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(cell);
  }

  private static boolean fitsLong(String s) {
    try {
      Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void set(FieldVector v, int row, String cell, String file, int line) {
    boolean isString =
        v.getField().getType() instanceof ArrowType.LargeUtf8
            || v.getField().getType() instanceof ArrowType.Utf8;
    if (!isString && NULLS.contains(cell)) {
      if (!v.getField().isNullable()) {
        throw new MalformedInputException(
            file,
            line,
            v.getName(),
            "empty or null cell '"
                + cell
                + "' in a non-nullable column; fill the cell or declare the column nullable");
      }
      ArrowValues.write(v, row, null);
      return;
    }
    try {
      if (v instanceof BigIntVector b) {
        if (!INTEGER.matcher(cell).matches()) {
          throw new NumberFormatException();
        }
        b.setSafe(row, Long.parseLong(cell.startsWith("+") ? cell.substring(1) : cell));
      } else if (v instanceof Float8Vector f) {
        if (!DECIMAL.matcher(cell).matches()) {
          throw new NumberFormatException();
        }
        f.setSafe(row, parseDouble(cell));
      } else if (v instanceof BitVector b) {
        if (TRUE.contains(cell)) {
          b.setSafe(row, 1);
        } else if (FALSE.contains(cell)) {
          b.setSafe(row, 0);
        } else {
          throw new NumberFormatException();
        }
      } else if (v instanceof LargeVarCharVector s) {
        s.setSafe(row, cell.getBytes(StandardCharsets.UTF_8));
      } else if (v.getField().getType() instanceof ArrowType.Date) {
        ArrowValues.write(v, row, LocalDate.parse(cell));
      } else if (v.getField().getType() instanceof ArrowType.Decimal) {
        ArrowValues.write(v, row, new BigDecimal(cell));
      } else {
        ArrowValues.write(v, row, cell);
      }
    } catch (NumberFormatException
        | DateTimeParseException
        | ArithmeticException
        | IncompatibleTypesException e) {
      throw new MalformedInputException(
          file,
          line,
          v.getName(),
          "cell '"
              + cell
              + "' is not a valid "
              + v.getField().getType()
              + "; fix the cell or declare the column with a type that accepts it");
    }
  }
}
