package org.orcapod.hashing.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.hashing.arrow.TestTables.Kind.BOOL;
import static org.orcapod.hashing.arrow.TestTables.Kind.FLOAT64;
import static org.orcapod.hashing.arrow.TestTables.Kind.INT32;
import static org.orcapod.hashing.arrow.TestTables.Kind.INT64;
import static org.orcapod.hashing.arrow.TestTables.Kind.UTF8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.arrow.TestTables.Column;

class StarfixArrowHasherTest {
  /** orcapod-python's golden digests, by name (see the resource header). */
  private static final Map<String, String> GOLDEN =
      IpcFixtures.cases("orcapod-python-golden.tsv").stream()
          .collect(Collectors.toMap(r -> r[0], r -> r[1]));

  private final ArrowHasher hasher = new StarfixArrowHasher();
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAndCheckLeaks() {
    allocator.close();
  }

  private static Field field(String name, ArrowType type, boolean nullable) {
    return new Field(name, new FieldType(nullable, type, null), null);
  }

  private static final ArrowType INT_32 = new ArrowType.Int(32, true);
  private static final ArrowType FLOAT_64 =
      new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

  @Test
  void methodIdIsPythonContextArrowHasherId() {
    assertThat(hasher.hasherId()).isEqualTo("arrow_v0.1");
    assertThat(new StarfixArrowHasher().hashSchema(new Schema(List.of())).method())
        .isEqualTo("arrow_v0.1");
  }

  @Test
  void schemaGoldenValuesOfOrcapodPython() {
    Schema idValue =
        new Schema(List.of(field("id", INT_32, false), field("value", FLOAT_64, true)));
    assertThat(hasher.hashSchema(idValue).toHex()).isEqualTo(GOLDEN.get("schema_id_value"));
    assertThat(hasher.hashSchema(new Schema(List.of(field("x", INT_32, true)))).toHex())
        .isEqualTo(GOLDEN.get("schema_x_nullable"));
    assertThat(hasher.hashSchema(new Schema(List.of(field("x", INT_32, false)))).toHex())
        .isEqualTo(GOLDEN.get("schema_x_non_nullable"));
    assertThat(hasher.hashSchema(idValue).length()).isEqualTo(35);
  }

  @Test
  void tableGoldenValueOfOrcapodPython() {
    // pa.table({"id": int32 [1,2,3], "score": float64 [0.1,0.2,0.3], "label": utf8 [a,b,c]})
    List<Column> cols =
        List.of(
            new Column("id", INT32, true, List.of(1, 2, 3)),
            new Column("score", FLOAT64, true, List.of(0.1, 0.2, 0.3)),
            new Column("label", UTF8, true, List.of("a", "b", "c")));
    try (VectorSchemaRoot t = TestTables.batch(allocator, cols, 0, 3)) {
      ContentHash h = hasher.hashTable(t);
      assertThat(h.toHex()).isEqualTo(GOLDEN.get("table_id_score_label"));
      assertThat(h.toString()).isEqualTo("arrow_v0.1:" + GOLDEN.get("table_id_score_label"));
    }
  }

  @Test
  void booleansHashTheSameInOneOrManyBatchesUnlikeStarfix020() {
    List<Object> flags = Arrays.asList(true, null, false, true, true, false, null, true, false);
    List<Column> cols = List.of(new Column("flag", BOOL, true, flags));
    try (VectorSchemaRoot whole = TestTables.batch(allocator, cols, 0, 9);
        VectorSchemaRoot a = TestTables.batch(allocator, cols, 0, 4);
        VectorSchemaRoot b = TestTables.batch(allocator, cols, 4, 9)) {
      assertThat(hasher.hashTable(List.of(a, b))).isEqualTo(hasher.hashTable(whole));
      // starfix 0.2.0 packs each batch's bits into its own bytes: a different digest.
      byte[] starfixSplit = Starfix020Digester.hashBatches(whole.getSchema(), List.of(a, b), null);
      assertThat(starfixSplit).isNotEqualTo(Starfix020Digester.hashRecordBatch(whole));
      assertThat(Starfix020Digester.hashRecordBatch(whole))
          .isEqualTo(hasher.hashTable(whole).digest());
    }
  }

  @Test
  void orcapodRetypesStructChildrenAsNullable() {
    // A struct whose children are non-nullable: orcapod hashes it as if they were nullable.
    try (StructVector s =
        new StructVector(
            "s", allocator, new FieldType(true, ArrowType.Struct.INSTANCE, null), null)) {
      IntVector a = s.addOrGet("a", FieldType.notNullable(INT_32), IntVector.class);
      s.allocateNew();
      s.setIndexDefined(0);
      a.setSafe(0, 7);
      a.setValueCount(1);
      s.setValueCount(1);
      VectorSchemaRoot root = TestTables.root(s);
      root.setRowCount(1);
      byte[] orcapod = hasher.hashTable(root).digest();
      assertThat(orcapod).isNotEqualTo(Starfix020Digester.hashRecordBatch(root));
      Schema retyped = OrcapodRetyping.retype(root.getSchema(), List.of(root));
      assertThat(retyped.getFields().get(0).getChildren().get(0).isNullable()).isTrue();
      Starfix020Digester asPython = new Starfix020Digester(retyped);
      asPython.update(retyped.getFields(), root.getFieldVectors(), 1, null);
      assertThat(asPython.finish()).isEqualTo(orcapod);
    }
  }

  @Test
  void timestampColumnIsRejectedNamingColumnAndType() {
    try (TimeStampMicroTZVector ts = new TimeStampMicroTZVector("when", allocator, "UTC")) {
      ts.allocateNew(1);
      ts.set(0, 5L);
      ts.setValueCount(1);
      VectorSchemaRoot root = TestTables.root(ts);
      root.setRowCount(1);
      assertThatThrownBy(() -> hasher.hashTable(root))
          .isInstanceOf(UnsupportedArrowTypeException.class)
          .hasMessageContaining("'when'")
          .hasMessageContaining("Timestamp(MICROSECOND, UTC)")
          .satisfies(
              e -> {
                UnsupportedArrowTypeException u = (UnsupportedArrowTypeException) e;
                assertThat(u.column()).isEqualTo("when");
                assertThat(u.path()).isEqualTo("when");
              });
      // starfix describes timestamps in schemas, so a schema alone still hashes, as in Python.
      assertThat(hasher.hashSchema(root.getSchema()).length()).isEqualTo(35);
    }
  }

  @Test
  void unsupportedTypesInsideStructsAndEmptyTablesAreRejected() {
    Field duration = field("d", new ArrowType.Duration(TimeUnit.SECOND), true);
    Field fsl =
        new Field(
            "f",
            FieldType.nullable(new ArrowType.FixedSizeList(2)),
            List.of(field("item", INT_32, true)));
    Field map =
        new Field(
            "m",
            FieldType.nullable(new ArrowType.Map(false)),
            List.of(
                new Field(
                    "entries",
                    FieldType.notNullable(ArrowType.Struct.INSTANCE),
                    List.of(
                        field("key", ArrowType.Utf8.INSTANCE, false),
                        field("value", INT_32, true)))));
    Field outer =
        new Field("outer", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(duration));
    for (Field f : List.of(outer, fsl, map)) {
      Schema schema = new Schema(List.of(f));
      try (VectorSchemaRoot empty = VectorSchemaRoot.create(schema, allocator)) {
        assertThatThrownBy(() -> hasher.hashTable(empty))
            .isInstanceOf(UnsupportedArrowTypeException.class)
            .hasMessageContaining("column '" + f.getName() + "'");
      }
    }
    try (VectorSchemaRoot empty = VectorSchemaRoot.create(new Schema(List.of(outer)), allocator)) {
      assertThatThrownBy(() -> hasher.hashTable(empty))
          .hasMessageContaining("at starfix path 'outer/d'")
          .hasMessageContaining("Duration(SECOND)");
    }
    try (FixedSizeListVector v = FixedSizeListVector.empty("f", 2, allocator)) {
      assertThatThrownBy(() -> Starfix020Digester.hashArray(v))
          .isInstanceOf(UnsupportedArrowTypeException.class);
    }
  }

  @Test
  void batchesWithDifferentSchemasAreRejected() {
    List<Column> a = List.of(new Column("x", INT64, true, List.of(1L)));
    List<Column> b = List.of(new Column("x", INT32, true, List.of(1)));
    try (VectorSchemaRoot r1 = TestTables.batch(allocator, a, 0, 1);
        VectorSchemaRoot r2 = TestTables.batch(allocator, b, 0, 1)) {
      assertThatThrownBy(() -> hasher.hashTable(List.of(r1, r2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("batch 1 has schema");
    }
    assertThatThrownBy(() -> hasher.hashTable(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no batches");
  }

  @Test
  void emptyTableEqualsTableWithoutBatches() {
    List<Column> cols =
        List.of(new Column("x", INT64, true, List.of()), new Column("f", BOOL, false, List.of()));
    try (VectorSchemaRoot empty = TestTables.batch(allocator, cols, 0, 0)) {
      StarfixArrowHasher h = new StarfixArrowHasher();
      assertThat(h.hashTable(empty)).isEqualTo(h.hashTable(empty.getSchema(), List.of(), null));
      assertThat(h.hashTable(empty)).isNotEqualTo(h.hashSchema(empty.getSchema()));
    }
  }

  @Test
  void dictionaryColumnHashesAsItsValues() {
    try (VarCharVector dictValues = new VarCharVector("dict", allocator);
        VarCharVector plain = new VarCharVector("c", allocator)) {
      dictValues.allocateNew();
      dictValues.setSafe(0, "red".getBytes(StandardCharsets.UTF_8));
      dictValues.setSafe(1, "green".getBytes(StandardCharsets.UTF_8));
      dictValues.setValueCount(2);
      plain.allocateNew();
      plain.setSafe(0, "green".getBytes(StandardCharsets.UTF_8));
      plain.setNull(1);
      plain.setSafe(2, "red".getBytes(StandardCharsets.UTF_8));
      plain.setValueCount(3);
      Dictionary dictionary =
          new Dictionary(
              dictValues, new DictionaryEncoding(1L, false, new ArrowType.Int(32, true)));
      DictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider(dictionary);
      try (IntVector encoded = (IntVector) DictionaryEncoder.encode(plain, dictionary)) {
        VectorSchemaRoot encodedRoot = TestTables.root(encoded);
        encodedRoot.setRowCount(3);
        VectorSchemaRoot plainRoot = TestTables.root(plain);
        plainRoot.setRowCount(3);
        StarfixArrowHasher h = new StarfixArrowHasher();
        assertThat(h.hashTable(List.of(encodedRoot), provider)).isEqualTo(h.hashTable(plainRoot));
        assertThat(h.hashSchema(encodedRoot.getSchema(), provider))
            .isEqualTo(h.hashSchema(plainRoot.getSchema()));
        assertThatThrownBy(() -> h.hashTable(encodedRoot))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("column 'c' is dictionary-encoded");
      }
    }
  }

  @Test
  void nanIsHashedByItsBits() {
    double quietNan = Double.NaN;
    double otherNan = Double.longBitsToDouble(Double.doubleToRawLongBits(Double.NaN) | 1L);
    List<Column> a = List.of(new Column("x", FLOAT64, true, List.of(quietNan)));
    List<Column> b = List.of(new Column("x", FLOAT64, true, List.of(otherNan)));
    try (VectorSchemaRoot r1 = TestTables.batch(allocator, a, 0, 1);
        VectorSchemaRoot r2 = TestTables.batch(allocator, b, 0, 1)) {
      assertThat(hasher.hashTable(r1)).isNotEqualTo(hasher.hashTable(r2));
    }
  }

  @Test
  void longStringsAreFramedAsSpecifiedWhateverTheirSize() throws Exception {
    // Sizes around the hasher's internal block and staging sizes (64 KiB, 128 KiB).
    int[] sizes = {0, 5, 70_000, 65_528, 140_000, 3, 131_072, 1};
    List<Object> values = new ArrayList<>();
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    for (int k = 0; k < sizes.length; k++) {
      String v = "x".repeat(sizes[k]).replace('x', (char) ('a' + k));
      values.add(v);
      byte[] len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(sizes[k]).array();
      framed.write(len);
      framed.write(v.getBytes(StandardCharsets.UTF_8));
    }
    // One non-nullable leaf: the final digest covers the schema digest then the data digest.
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] schemaDigest =
        sha.digest(
            "{\"s\":{\"data_type\":\"LargeUtf8\",\"nullable\":false}}"
                .getBytes(StandardCharsets.UTF_8));
    byte[] dataDigest = sha.digest(framed.toByteArray());
    sha.update(schemaDigest);
    sha.update(dataDigest);
    byte[] expected = new byte[35];
    expected[2] = 1;
    System.arraycopy(sha.digest(), 0, expected, 3, 32);
    try (VectorSchemaRoot t =
        TestTables.batch(
            allocator, List.of(new Column("s", UTF8, false, values)), 0, sizes.length)) {
      assertThat(hasher.hashTable(t).digest()).isEqualTo(expected);
    }
  }

  @Test
  void nonNullableStructColumnWithNullRowsIsRejected() {
    try (StructVector s =
        new StructVector(
            "s", allocator, new FieldType(false, ArrowType.Struct.INSTANCE, null), null)) {
      IntVector a = s.addOrGet("a", FieldType.nullable(INT_32), IntVector.class);
      s.allocateNew();
      s.setIndexDefined(0);
      a.setSafe(0, 1);
      s.setNull(1);
      a.setNull(1);
      a.setValueCount(2);
      s.setValueCount(2);
      VectorSchemaRoot root = TestTables.root(s);
      root.setRowCount(2);
      assertThatThrownBy(() -> hasher.hashTable(root))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column 's' is a struct declared non-nullable but batch 0");
    }
  }
}
