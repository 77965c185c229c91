package org.orcapod.hashing.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class StarfixSchemaJsonTest {
  private static Field f(String name, ArrowType type, boolean nullable, Field... children) {
    return new Field(name, new FieldType(nullable, type, null), List.of(children));
  }

  private static final ArrowType.Int INT_32 = new ArrowType.Int(32, true);

  /** The schema whose Python canonical JSON is in {@code python-schema-json.txt}. */
  private static Schema pythonSchema() {
    DictionaryEncoding dict = new DictionaryEncoding(3L, false, INT_32);
    Field dictionaryChild = new Field("a", new FieldType(true, INT_32, dict), null);
    return new Schema(
        List.of(
            f("z\u00e9\uD83D\uDE00", new ArrowType.Int(64, true), false),
            f("\uD83D\uDE00x", new ArrowType.Int(8, true), true),
            f("\uff61", ArrowType.Utf8.INSTANCE, true),
            f("q\"\\\n\t\u0001\u007f", ArrowType.Binary.INSTANCE, true),
            f(
                "st",
                ArrowType.Struct.INSTANCE,
                false,
                f(
                    "b",
                    ArrowType.List.INSTANCE,
                    true,
                    f("x", new ArrowType.FloatingPoint(FloatingPointPrecision.HALF), false)),
                dictionaryChild),
            f("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Z\u00fcrich"), true),
            f("tsn", new ArrowType.Timestamp(TimeUnit.NANOSECOND, null), true),
            f("du", new ArrowType.Duration(TimeUnit.MILLISECOND), true),
            f(
                "fsl",
                new ArrowType.FixedSizeList(3),
                true,
                f("item", new ArrowType.Int(8, true), true)),
            f(
                "m",
                new ArrowType.Map(false),
                true,
                f(
                    "entries",
                    ArrowType.Struct.INSTANCE,
                    false,
                    f("key", ArrowType.Utf8.INSTANCE, false),
                    f("value", INT_32, true))),
            f("dec", new ArrowType.Decimal(50, 3, 256), true),
            f("fsb", new ArrowType.FixedSizeBinary(7), true),
            f("t", new ArrowType.Time(TimeUnit.SECOND, 32), true),
            f("t2", new ArrowType.Time(TimeUnit.MICROSECOND, 64), true),
            f("d", new ArrowType.Date(DateUnit.MILLISECOND), true),
            f("u", new ArrowType.Int(16, false), true),
            f("bl", ArrowType.Bool.INSTANCE, true),
            f(
                "ll",
                ArrowType.LargeList.INSTANCE,
                true,
                f("item", ArrowType.LargeBinary.INSTANCE, true))));
  }

  @Test
  void canonicalJsonEqualsPythonStarfix() {
    List<String> lines =
        IpcFixtures.cases("python-schema-json.txt").stream().map(r -> r[0]).toList();
    try (BufferAllocator allocator = new RootAllocator();
        VarCharVector values = new VarCharVector("dict", allocator)) {
      values.allocateNew();
      values.setSafe(0, "x".getBytes(StandardCharsets.UTF_8));
      values.setValueCount(1);
      DictionaryProvider provider =
          new DictionaryProvider.MapDictionaryProvider(
              new Dictionary(values, new DictionaryEncoding(3L, false, INT_32)));
      Schema valueSchema = DictionaryFields.toValueTypes(pythonSchema(), provider);
      assertThat(StarfixSchemaJson.schemaJson(valueSchema)).isEqualTo(lines.get(0));
      assertThat(HexFormat.of().formatHex(Starfix020Digester.hashSchema(pythonSchema(), provider)))
          .isEqualTo(lines.get(1));
    }
  }

  @Test
  void namesSortByCodePointNotUtf16() {
    List<String> names = new ArrayList<>(List.of("\uD83D\uDE00", "\uff61", "z", "\u00e9", "a"));
    names.sort(CodePointOrder.INSTANCE);
    assertThat(names).containsExactly("a", "z", "\u00e9", "\uff61", "\uD83D\uDE00");
    // Java's own order differs for the supplementary character:
    assertThat("\uD83D\uDE00".compareTo("\uff61")).isNegative();
    assertThat(CodePointOrder.INSTANCE.compare("\uD83D\uDE00", "\uff61")).isPositive();
    assertThat(CodePointOrder.INSTANCE.compare("ab", "a")).isPositive();
    assertThat(CodePointOrder.INSTANCE.compare("a", "a")).isZero();
  }

  @Test
  void escapesLikePythonEnsureAscii() {
    StringBuilder out = new StringBuilder();
    StarfixSchemaJson.appendString(out, "a\"\\/\b\f\n\r\t\u0000\u001f\u007f\u00e9\uD83D\uDE00~");
    assertThat(out.toString())
        .isEqualTo("\"a\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u00e9\\ud83d\\ude00~\"");
  }
}
