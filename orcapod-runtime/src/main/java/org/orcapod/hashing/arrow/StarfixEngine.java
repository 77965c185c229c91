package org.orcapod.hashing.arrow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;

/**
 * The digest state of starfix 0.2.0: one entry per path (validity bits, a structural digest for
 * list lengths, a data digest for leaf values), filled by walking Arrow vectors and combined in
 * path order at the end.
 *
 * <p>Paths join field names with {@code /}; a list adds a trailing {@code /} for its elements.
 * Structs have no entry of their own: their nulls are AND-ed into every descendant's validity.
 * Entries are keyed exactly as starfix keys its map, so that its collisions (a nullable list of
 * nullable lists shares one path between the inner validity and the outer lengths) behave the same.
 *
 * <p>Values are read straight from the Arrow buffers: a fixed-width range without nulls goes to
 * SHA-256 as one slice of the data buffer, the runs of valid values between nulls are gathered in a
 * reusable staging array (long runs still go as slices), strings and binaries are framed in that
 * array, and no value is ever boxed.
 */
final class StarfixEngine {
  static final String DELIMITER = "/";
  static final byte[] VERSION = {0, 0, 1};

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int STAGING_BYTES = 1 << 16;
  private static final int MAX_SLICE = 1 << 30;

  /** How boolean values are packed into bytes before they reach the data digest. */
  enum BoolPacking {
    /**
     * As starfix 0.2.0: every call packs its own bits, so a column split into several batches
     * hashes differently from the same rows in one batch.
     */
    PER_BATCH,
    /** Bits of top-level and struct-nested columns are packed as if the table were one batch. */
    WHOLE_TABLE
  }

  /** One map entry of starfix: optional validity bits, structural digest and data digest. */
  static final class Entry {
    final @Nullable BitVec nullBits;
    final @Nullable MessageDigest structural;
    final @Nullable MessageDigest data;
    final BitVec tableBools = new BitVec();

    Entry(boolean nullBits, boolean structural, boolean data) {
      this.nullBits = nullBits ? new BitVec() : null;
      this.structural = structural ? sha256() : null;
      this.data = data ? sha256() : null;
    }
  }

  private final TreeMap<String, Entry> entries = new TreeMap<>(CodePointOrder.INSTANCE);
  private final byte[] prefix;
  private final BoolPacking packing;
  private final byte[] staging = new byte[STAGING_BYTES];
  private final BitVec callBools = new BitVec();
  private final Map<ValueVector, ValueVector> decoded = new IdentityHashMap<>();
  private boolean finished;

  /**
   * @param prefix the bytes fed first to the final digest: the SHA-256 of the canonical schema for
   *     tables, the canonical type JSON itself for single arrays
   */
  StarfixEngine(byte[] prefix, BoolPacking packing) {
    this.prefix = prefix.clone();
    this.packing = packing;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String childPath(String path, String name) {
    return path.isEmpty() ? name : path + DELIMITER + name;
  }

  // ---------------------------------------------------------------------------------------------
  // Entries, from the digester's schema
  // ---------------------------------------------------------------------------------------------

  /** Adds the entries of one field (its type decomposed into paths), as starfix does. */
  void addEntries(Field field, boolean nullable, String path) {
    ArrowType type = field.getType();
    switch (type.getTypeID()) {
      case Struct -> {
        for (Field child : StarfixSchemaJson.sortedByName(field.getChildren())) {
          addEntries(child, child.isNullable(), childPath(path, child.getName()));
        }
      }
      case List, LargeList -> {
        if (nullable) {
          entries.put(path, new Entry(true, false, false));
        }
        String listPath = path + DELIMITER;
        Field element = field.getChildren().get(0);
        switch (element.getType().getTypeID()) {
          case Struct, List, LargeList -> {
            entries.put(listPath, new Entry(element.isNullable(), true, false));
            addEntries(element, element.isNullable(), listPath);
          }
          default -> entries.put(listPath, new Entry(element.isNullable(), true, true));
        }
      }
      default -> entries.put(path, new Entry(nullable, false, true));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Traversal plan, from the schema of the data being fed
  // ---------------------------------------------------------------------------------------------

  /** Walks one vector range and routes its content to the entries. */
  interface Node {
    void feed(ValueVector vector, int start, int length, boolean @Nullable [] ancestorValid);
  }

  /**
   * Compiles the traversal of {@code field} (whose data will be fed) at {@code path}.
   *
   * @param column the top-level column, for error messages
   * @param inList whether the field sits inside a list element (booleans there are always packed
   *     per list row, which is independent of batching)
   * @throws UnsupportedArrowTypeException for leaf types starfix 0.2.0 cannot hash
   */
  Node compile(
      Field field,
      boolean nullable,
      String path,
      String column,
      boolean inList,
      @Nullable DictionaryProvider dictionaries) {
    DictionaryEncoding encoding = field.getDictionary();
    if (encoding != null) {
      Field valueField =
          new Field(
              field.getName(),
              new FieldType(field.isNullable(), field.getType(), null, field.getMetadata()),
              field.getChildren());
      Node inner = compile(valueField, nullable, path, column, inList, dictionaries);
      Dictionary dictionary = dictionaries == null ? null : dictionaries.lookup(encoding.getId());
      if (dictionary == null) {
        throw new IllegalArgumentException(
            "column '"
                + column
                + "' is dictionary-encoded (dictionary id "
                + encoding.getId()
                + ") but no DictionaryProvider holding that dictionary was given; pass the"
                + " provider (e.g. the ArrowReader) to the hasher");
      }
      return (vector, start, length, ancestorValid) ->
          inner.feed(decode(vector, dictionary), start, length, ancestorValid);
    }
    ArrowType type = field.getType();
    switch (type.getTypeID()) {
      case Struct -> {
        List<Field> children = field.getChildren();
        List<Field> sorted = StarfixSchemaJson.sortedByName(children);
        int[] ordinals = new int[sorted.size()];
        Node[] nodes = new Node[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
          Field child = sorted.get(i);
          ordinals[i] = indexOfIdentity(children, child);
          nodes[i] =
              compile(
                  child,
                  child.isNullable(),
                  childPath(path, child.getName()),
                  column,
                  inList,
                  dictionaries);
        }
        return new StructNode(nullable, ordinals, nodes, column);
      }
      case List, LargeList -> {
        Entry validity = nullable ? entries.get(path) : null;
        String listPath = path + DELIMITER;
        Field element = field.getChildren().get(0);
        Node child = compile(element, element.isNullable(), listPath, column, true, dictionaries);
        return new ListNode(
            validity == null ? null : validity.nullBits,
            entries.get(listPath),
            child,
            type.getTypeID() == ArrowType.ArrowTypeID.LargeList,
            column);
      }
      default -> {
        LeafKind kind = leafKind(type);
        if (kind == null) {
          throw new UnsupportedArrowTypeException(column, path, type, "starfix 0.2.0 cannot hash");
        }
        Entry entry = entries.get(path);
        if (entry == null || entry.data == null) {
          return (vector, start, length, ancestorValid) -> {};
        }
        return new LeafNode(entry, kind, byteWidth(type), inList, column);
      }
    }
  }

  private static int indexOfIdentity(List<Field> fields, Field field) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i) == field) {
        return i;
      }
    }
    throw new IllegalStateException("child field not found");
  }

  /** The kinds of leaf values starfix 0.2.0 hashes. */
  enum LeafKind {
    BOOL,
    FIXED,
    VAR32,
    VAR64
  }

  /** The leaf kind of a type, or null if starfix 0.2.0 cannot hash it. */
  static @Nullable LeafKind leafKind(ArrowType type) {
    return switch (type.getTypeID()) {
      case Bool -> LeafKind.BOOL;
      case Int, FloatingPoint, Date, Time, Decimal, FixedSizeBinary -> LeafKind.FIXED;
      case Utf8, Binary -> LeafKind.VAR32;
      case LargeUtf8, LargeBinary -> LeafKind.VAR64;
      default -> null;
    };
  }

  private static int byteWidth(ArrowType type) {
    return switch (type.getTypeID()) {
      case Int -> ((ArrowType.Int) type).getBitWidth() / 8;
      case FloatingPoint ->
          switch (((ArrowType.FloatingPoint) type).getPrecision()) {
            case HALF -> 2;
            case SINGLE -> 4;
            case DOUBLE -> 8;
          };
      case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? 4 : 8;
      case Time -> ((ArrowType.Time) type).getBitWidth() / 8;
      case Decimal -> ((ArrowType.Decimal) type).getBitWidth() / 8;
      case FixedSizeBinary -> ((ArrowType.FixedSizeBinary) type).getByteWidth();
      default -> 0;
    };
  }

  private ValueVector decode(ValueVector indices, Dictionary dictionary) {
    return decoded.computeIfAbsent(indices, v -> DictionaryEncoder.decode(v, dictionary));
  }

  /** Releases per-batch resources (decoded dictionaries); call after each batch. */
  void endBatch() {
    for (ValueVector v : decoded.values()) {
      v.close();
    }
    decoded.clear();
  }

  // ---------------------------------------------------------------------------------------------
  // Validity
  // ---------------------------------------------------------------------------------------------

  /** The validity of {@code [start, start+length)}, or null when every value there is valid. */
  private static boolean @Nullable [] ownValidity(ValueVector v, int start, int length) {
    if (start == 0 && length == v.getValueCount()) {
      if (v.getNullCount() == 0) {
        return null;
      }
    }
    boolean[] valid = null;
    for (int i = 0; i < length; i++) {
      if (v.isNull(start + i)) {
        if (valid == null) {
          valid = new boolean[length];
          Arrays.fill(valid, 0, i, true);
        }
      } else if (valid != null) {
        valid[i] = true;
      }
    }
    return valid;
  }

  private static boolean @Nullable [] and(boolean @Nullable [] a, boolean @Nullable [] b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] && b[i];
    }
    return out;
  }

  private static void pushValidity(BitVec bits, boolean @Nullable [] valid, int length) {
    if (valid == null) {
      bits.pushOnes(length);
    } else {
      bits.push(valid, length);
    }
  }

  private static IllegalArgumentException wrongVector(String column, ValueVector v, String want) {
    return new IllegalArgumentException(
        "column '"
            + column
            + "': expected a "
            + want
            + " for field '"
            + v.getField()
            + "' but the batch holds a "
            + v.getClass().getSimpleName()
            + "; the vectors do not match the schema");
  }

  // ---------------------------------------------------------------------------------------------
  // Nodes
  // ---------------------------------------------------------------------------------------------

  private static final class StructNode implements Node {
    private final boolean nullable;
    private final int[] ordinals;
    private final Node[] children;
    private final String column;

    StructNode(boolean nullable, int[] ordinals, Node[] children, String column) {
      this.nullable = nullable;
      this.ordinals = ordinals;
      this.children = children;
      this.column = column;
    }

    @Override
    public void feed(ValueVector vector, int start, int length, boolean @Nullable [] ancestor) {
      if (!(vector instanceof StructVector struct)) {
        throw wrongVector(column, vector, "StructVector");
      }
      boolean[] combined = nullable ? and(ownValidity(struct, start, length), ancestor) : ancestor;
      for (int i = 0; i < children.length; i++) {
        children[i].feed(struct.getChildByOrdinal(ordinals[i]), start, length, combined);
      }
    }
  }

  private static final class ListNode implements Node {
    private final @Nullable BitVec validity;
    private final @Nullable MessageDigest lengths;
    private final Node child;
    private final boolean large;
    private final String column;
    private final byte[] lengthBytes = new byte[8];

    ListNode(
        @Nullable BitVec validity,
        @Nullable Entry listEntry,
        Node child,
        boolean large,
        String column) {
      this.validity = validity;
      this.lengths = listEntry == null ? null : listEntry.structural;
      this.child = child;
      this.large = large;
      this.column = column;
    }

    @Override
    public void feed(ValueVector vector, int start, int length, boolean @Nullable [] ancestor) {
      ArrowBuf offsets;
      ValueVector values;
      if (large) {
        if (!(vector instanceof LargeListVector list)) {
          throw wrongVector(column, vector, "LargeListVector");
        }
        offsets = list.getOffsetBuffer();
        values = list.getDataVector();
      } else {
        if (!(vector instanceof ListVector list)) {
          throw wrongVector(column, vector, "ListVector");
        }
        offsets = list.getOffsetBuffer();
        values = list.getDataVector();
      }
      boolean[] effective = and(ownValidity(vector, start, length), ancestor);
      if (validity != null) {
        pushValidity(validity, effective, length);
      }
      for (int i = 0; i < length; i++) {
        if (effective != null && !effective[i]) {
          continue;
        }
        int row = start + i;
        long from = large ? offsets.getLong((long) row * 8) : offsets.getInt((long) row * 4);
        long to =
            large ? offsets.getLong((long) (row + 1) * 8) : offsets.getInt((long) (row + 1) * 4);
        long count = to - from;
        if (lengths != null) {
          LONG_LE.set(lengthBytes, 0, count);
          lengths.update(lengthBytes);
        }
        if (from > Integer.MAX_VALUE || count > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              "column '" + column + "': list elements beyond index 2^31 are not supported");
        }
        child.feed(values, (int) from, (int) count, null);
      }
    }
  }

  private final class LeafNode implements Node {
    private final Entry entry;
    private final LeafKind kind;
    private final int width;
    private final boolean inList;
    private final String column;
    private final MessageDigest data;

    LeafNode(Entry entry, LeafKind kind, int width, boolean inList, String column) {
      this.entry = entry;
      this.kind = kind;
      this.width = width;
      this.inList = inList;
      this.column = column;
      this.data = Objects.requireNonNull(entry.data);
    }

    @Override
    public void feed(ValueVector vector, int start, int length, boolean @Nullable [] ancestor) {
      boolean[] effective = and(ownValidity(vector, start, length), ancestor);
      if (entry.nullBits != null) {
        pushValidity(entry.nullBits, effective, length);
      }
      switch (kind) {
        case BOOL -> feedBool(vector, start, length, effective);
        case FIXED -> feedFixed(vector, start, length, effective);
        case VAR32, VAR64 -> feedVariable(vector, start, length, effective);
      }
    }

    private void feedBool(ValueVector vector, int start, int length, boolean @Nullable [] valid) {
      if (!(vector instanceof BitVector bits)) {
        throw wrongVector(column, vector, "BitVector");
      }
      boolean perCall = packing == BoolPacking.PER_BATCH || inList;
      BitVec out = perCall ? callBools : entry.tableBools;
      if (perCall) {
        out.clear();
      }
      ArrowBuf buf = bits.getDataBuffer();
      for (int i = 0; i < length; i++) {
        if (valid == null || valid[i]) {
          int j = start + i;
          out.push(((buf.getByte(j >>> 3) >>> (j & 7)) & 1) != 0);
        }
      }
      if (perCall) {
        out.writeBytes(data);
      }
    }

    private void feedFixed(ValueVector vector, int start, int length, boolean @Nullable [] valid) {
      if (!(vector instanceof BaseFixedWidthVector fixed) || vector instanceof BitVector) {
        throw wrongVector(column, vector, "fixed-width vector");
      }
      ArrowBuf buf = fixed.getDataBuffer();
      long base = (long) start * width;
      if (valid == null) {
        updateSlice(data, buf, base, (long) length * width);
        return;
      }
      int stagingUsed = 0;
      int i = 0;
      while (i < length) {
        while (i < length && !valid[i]) {
          i++;
        }
        int runStart = i;
        while (i < length && valid[i]) {
          i++;
        }
        long bytes = (long) (i - runStart) * width;
        if (bytes == 0) {
          continue;
        }
        long offset = base + (long) runStart * width;
        if (stagingUsed + bytes <= staging.length) {
          buf.getBytes(offset, staging, stagingUsed, (int) bytes);
          stagingUsed += (int) bytes;
        } else {
          data.update(staging, 0, stagingUsed);
          stagingUsed = 0;
          updateSlice(data, buf, offset, bytes);
        }
      }
      data.update(staging, 0, stagingUsed);
    }

    private void feedVariable(
        ValueVector vector, int start, int length, boolean @Nullable [] valid) {
      ArrowBuf offsets;
      ArrowBuf values;
      boolean large = kind == LeafKind.VAR64;
      if (large) {
        if (!(vector instanceof BaseLargeVariableWidthVector v)) {
          throw wrongVector(column, vector, "large variable-width vector");
        }
        offsets = v.getOffsetBuffer();
        values = v.getDataBuffer();
      } else {
        if (!(vector instanceof BaseVariableWidthVector v)) {
          throw wrongVector(column, vector, "variable-width vector");
        }
        offsets = v.getOffsetBuffer();
        values = v.getDataBuffer();
      }
      byte[] stage = staging;
      int used = 0;
      long from = length == 0 ? 0 : offsetAt(offsets, start, large);
      for (int i = 0; i < length; i++) {
        long to = offsetAt(offsets, start + i + 1, large);
        if (valid == null || valid[i]) {
          long size = to - from;
          if (used + 8 + size > stage.length) {
            data.update(stage, 0, used);
            used = 0;
          }
          LONG_LE.set(stage, used, size);
          used += 8;
          if (size <= stage.length - used) {
            values.getBytes(from, stage, used, (int) size);
            used += (int) size;
          } else {
            data.update(stage, 0, used);
            used = 0;
            updateSlice(data, values, from, size);
          }
        }
        from = to;
      }
      data.update(stage, 0, used);
    }
  }

  private static long offsetAt(ArrowBuf offsets, int index, boolean large) {
    return large ? offsets.getLong((long) index * 8) : offsets.getInt((long) index * 4);
  }

  /** Feeds {@code length} bytes of {@code buf} from {@code offset} without copying to the heap. */
  static void updateSlice(MessageDigest digest, ArrowBuf buf, long offset, long length) {
    while (length > 0) {
      int n = (int) Math.min(length, MAX_SLICE);
      digest.update(buf.nioBuffer(offset, n));
      offset += n;
      length -= n;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Finish
  // ---------------------------------------------------------------------------------------------

  /** The 35-byte result: {@code 00 00 01} and the SHA-256 over prefix and entries in path order. */
  byte[] finish() {
    if (finished) {
      throw new IllegalStateException("this digest has already been finished");
    }
    finished = true;
    endBatch();
    MessageDigest total = sha256();
    total.update(prefix);
    byte[] length = new byte[8];
    for (Entry entry : entries.values()) {
      if (entry.nullBits != null) {
        LONG_LE.set(length, 0, entry.nullBits.length());
        total.update(length);
        entry.nullBits.writeBytes(total);
      }
      if (entry.structural != null) {
        total.update(entry.structural.digest());
      }
      if (entry.data != null) {
        entry.tableBools.writeBytes(entry.data);
        total.update(entry.data.digest());
      }
    }
    byte[] out = new byte[VERSION.length + 32];
    System.arraycopy(VERSION, 0, out, 0, VERSION.length);
    System.arraycopy(total.digest(), 0, out, VERSION.length, 32);
    return out;
  }
}
