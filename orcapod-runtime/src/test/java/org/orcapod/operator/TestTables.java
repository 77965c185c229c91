package org.orcapod.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.ContentIdentifiable;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Stream;

/** Builders of small tables and streams, row read-back, and a structural test hasher. */
final class TestTables {
  private TestTables() {}

  /** A column: name, Arrow type, nullability and values. */
  record Col(String name, ArrowType type, boolean nullable, List<@Nullable Object> values) {}

  static Col longs(String name, @Nullable Object... values) {
    return new Col(name, new ArrowType.Int(64, true), true, Arrays.asList(values));
  }

  static Col ints(String name, @Nullable Object... values) {
    return new Col(name, new ArrowType.Int(32, true), true, Arrays.asList(values));
  }

  static Col strings(String name, @Nullable Object... values) {
    return new Col(name, ArrowType.LargeUtf8.INSTANCE, true, Arrays.asList(values));
  }

  static Col doubles(String name, @Nullable Object... values) {
    return new Col(
        name,
        new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE),
        true,
        Arrays.asList(values));
  }

  static Col bools(String name, @Nullable Object... values) {
    return new Col(name, ArrowType.Bool.INSTANCE, true, Arrays.asList(values));
  }

  static Col required(Col c) {
    return new Col(c.name(), c.type(), false, c.values());
  }

  /** A table of the columns (all the same length) in {@code allocator}. */
  static VectorSchemaRoot table(BufferAllocator allocator, Col... cols) {
    List<FieldVector> vectors = new ArrayList<>();
    int rows = cols.length == 0 ? 0 : cols[0].values().size();
    for (Col c : cols) {
      FieldVector v =
          new Field(c.name(), new FieldType(c.nullable(), c.type(), null), null)
              .createVector(allocator);
      v.allocateNew();
      for (int i = 0; i < c.values().size(); i++) {
        ArrowValues.write(v, i, c.values().get(i));
      }
      v.setValueCount(rows);
      vectors.add(v);
    }
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(rows);
    return root;
  }

  /**
   * A root stream with {@code tags} over the columns. Its content identity is the class name, the
   * table's text and the tags (the Arrow hasher lives on another branch); its pipeline identity is
   * the default {@code (tag_schema, packet_schema)}.
   */
  static ArrowTableStream stream(BufferAllocator allocator, List<String> tags, Col... cols) {
    try (VectorSchemaRoot t = table(allocator, cols)) {
      String content = t.contentToTSVString();
      java.util.concurrent.atomic.AtomicReference<ArrowTableStream> self =
          new java.util.concurrent.atomic.AtomicReference<>();
      ArrowTableStream s =
          ArrowTableStream.builder(t, allocator)
              .tagColumns(tags)
              .identity(
                  () -> org.orcapod.stream.Identity.tuple("ArrowTableStream", content, tags),
                  () -> {
                    var schema = self.get().outputSchema();
                    return org.orcapod.stream.Identity.tuple(
                        schema.tag().identityStructure(), schema.packet().identityStructure());
                  })
              .build();
      self.set(s);
      return s;
    }
  }

  /** The rows of {@code stream} under {@code config} as name→value maps, in table order. */
  static List<Map<String, @Nullable Object>> rows(
      Stream stream, ColumnConfig config, BufferAllocator allocator) {
    try (VectorSchemaRoot t = stream.asTable(config, allocator)) {
      List<Map<String, @Nullable Object>> out = new ArrayList<>();
      for (int i = 0; i < t.getRowCount(); i++) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (FieldVector v : t.getFieldVectors()) {
          row.put(v.getName(), ArrowValues.read(v, i));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** The data rows, each as a sorted map, the list sorted: a multiset for order-free equality. */
  static List<String> rowSet(Stream stream, ColumnConfig config, BufferAllocator allocator) {
    List<String> out = new ArrayList<>();
    for (Map<String, @Nullable Object> r : rows(stream, config, allocator)) {
      out.add(new TreeMap<>(r).toString());
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  static List<String> rowSet(Stream stream, BufferAllocator allocator) {
    return rowSet(stream, ColumnConfig.dataOnly(), allocator);
  }

  /**
   * A deterministic structural hasher for tests that need some semantic hasher but not Python's
   * bytes: it renders the structure (sets and maps sorted, identifiable objects by their own hash)
   * and digests it with SHA-256. Cross-language tests use the real hasher instead.
   */
  static final class StructuralHasher implements SemanticHasher {
    @Override
    public String hasherId() {
      return "test_structural";
    }

    @Override
    public ContentHash hash(Object structure) {
      if (structure instanceof ContentHash h) {
        return h;
      }
      if (structure instanceof ContentIdentifiable c) {
        return digest("obj:" + render(c.identityStructure()));
      }
      return digest(render(structure));
    }

    private ContentHash digest(String text) {
      try {
        return ContentHash.of(
            hasherId(),
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private String render(@Nullable Object o) {
      if (o == null) {
        return "None";
      }
      if (o instanceof ContentHash h) {
        return h.toString();
      }
      if (o instanceof ContentIdentifiable c) {
        return hash(c).toString();
      }
      if (o instanceof String s) {
        return '"' + s + '"';
      }
      if (o instanceof Set<?> s) {
        List<String> items = new ArrayList<>();
        for (Object i : s) {
          items.add(render(i));
        }
        items.sort(Comparator.naturalOrder());
        return "set" + items;
      }
      if (o instanceof Map<?, ?> m) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          sorted.put(render(e.getKey()), render(e.getValue()));
        }
        return "map" + sorted;
      }
      if (o instanceof Collection<?> c) {
        List<String> items = new ArrayList<>();
        for (Object i : c) {
          items.add(render(i));
        }
        return "list" + items;
      }
      if (o.getClass().isRecord()) {
        // e.g. a Python-tuple record: render its components structurally, not by toString
        List<String> parts = new ArrayList<>();
        for (java.lang.reflect.RecordComponent rc : o.getClass().getRecordComponents()) {
          try {
            parts.add(render(rc.getAccessor().invoke(o)));
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
        return o.getClass().getSimpleName() + parts;
      }
      return o.getClass().getSimpleName() + ":" + o;
    }
  }
}
