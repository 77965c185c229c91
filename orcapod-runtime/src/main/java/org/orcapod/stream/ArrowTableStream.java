package org.orcapod.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.TransferPair;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.datagram.TagPacket;
import org.orcapod.error.MissingColumnException;
import org.orcapod.error.NoPacketColumnsException;
import org.orcapod.error.OrcapodException;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.ContentHash;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;

/**
 * An immutable stream backed by Arrow vectors, as Python orcapod's {@code ArrowTableStream}: the
 * named tag columns are the tag, {@code _tag_…} columns are system tags, {@code _source_<col>}
 * columns are the packet columns' source info, {@code _context_key} is the context column, {@code
 * __…} columns are meta columns and every other column is a packet column.
 *
 * <p>Memory: the stream keeps its vectors in its own child allocator of the allocator passed in
 * (sharing the input's buffers by reference count, not copying them); the caller still owns and
 * closes the input table. {@link #close()} releases the stream's share.
 *
 * <p>Column order of {@link #asTable}: the data columns in input order (tags, packets and, when
 * selected, system tags interleaved as in the input), then the content-hash column, meta columns,
 * the context column and the source-info columns, as Python orcapod. {@link #keys} and {@link
 * #outputSchema} list the same columns grouped into tag and packet (Python's {@code output_schema}
 * lists only data and system-tag columns; ours also lists the selected extra columns so that it
 * always agrees with the table).
 */
public final class ArrowTableStream implements Stream {
  private final BufferAllocator allocator;
  private final List<FieldVector> data;
  private final List<FieldVector> meta;
  private final List<FieldVector> sourceInfo;
  private final FieldVector context;
  private final List<String> tagColumns;
  private final List<String> systemTagColumns;
  private final List<String> packetColumns;
  private final Map<String, FieldVector> byName;
  private final int rowCount;
  private final @Nullable ArrowHasher arrowHasher;
  private final @Nullable Supplier<Object> identity;
  private final @Nullable Supplier<Object> pipelineIdentity;
  private @Nullable List<TagPacket> rows;
  private boolean closed;

  private ArrowTableStream(Builder b) {
    VectorSchemaRoot table = b.table;
    this.rowCount = table.getRowCount();
    this.arrowHasher = b.arrowHasher;
    this.identity = b.identity;
    this.pipelineIdentity = b.pipelineIdentity;
    List<String> inputNames = new ArrayList<>();
    for (Field f : table.getSchema().getFields()) {
      inputNames.add(f.getName());
    }
    if (inputNames.isEmpty()) {
      throw new OrcapodException(
          "Orcapod/EmptyTable",
          "a stream needs at least one column but the table has none; pass a table with tag and"
              + " packet columns");
    }
    for (String t : b.tagColumns) {
      if (!inputNames.contains(t)) {
        throw new MissingColumnException("tag column", t, inputNames);
      }
    }
    Set<String> renameToSystem = new LinkedHashSet<>(b.systemTagColumns);
    for (String s : renameToSystem) {
      if (!inputNames.contains(s)) {
        throw new MissingColumnException("system tag column", s, inputNames);
      }
    }
    this.allocator =
        b.parent.newChildAllocator(
            "ArrowTableStream-" + Integer.toHexString(System.identityHashCode(this)),
            0,
            Long.MAX_VALUE);
    List<FieldVector> dataV = new ArrayList<>();
    List<FieldVector> metaV = new ArrayList<>();
    Map<String, FieldVector> existingSource = new HashMap<>();
    FieldVector ctx = null;
    List<String> sysTags = new ArrayList<>();
    try {
      for (FieldVector v : table.getFieldVectors()) {
        String name = v.getName();
        if (name.equals(SystemConstants.CONTEXT_KEY)) {
          ctx = share(v, name, allocator);
        } else if (name.startsWith(SystemConstants.SOURCE_PREFIX)) {
          existingSource.put(
              name.substring(SystemConstants.SOURCE_PREFIX.length()), share(v, name, allocator));
        } else if (SystemConstants.isMetaColumn(name)) {
          metaV.add(share(v, name, allocator));
        } else if (renameToSystem.contains(name)) {
          String renamed = SystemConstants.SYSTEM_TAG_PREFIX + name;
          dataV.add(share(v, renamed, allocator));
          sysTags.add(renamed);
        } else {
          dataV.add(share(v, name, allocator));
          if (SystemConstants.isSystemTagColumn(name)) {
            sysTags.add(name);
          }
        }
      }
      // Python lists existing _tag_ columns first, then the renamed ones.
      List<String> orderedSys = new ArrayList<>();
      for (String s : sysTags) {
        if (!s.startsWith(SystemConstants.SYSTEM_TAG_PREFIX)
            || !renameToSystem.contains(s.substring(SystemConstants.SYSTEM_TAG_PREFIX.length()))) {
          orderedSys.add(s);
        }
      }
      for (String s : renameToSystem) {
        orderedSys.add(SystemConstants.SYSTEM_TAG_PREFIX + s);
      }
      this.tagColumns = List.copyOf(b.tagColumns);
      this.systemTagColumns = List.copyOf(orderedSys);
      List<String> packets = new ArrayList<>();
      for (FieldVector v : dataV) {
        String n = v.getName();
        if (!tagColumns.contains(n) && !systemTagColumns.contains(n)) {
          packets.add(n);
        }
      }
      if (packets.isEmpty()) {
        throw new NoPacketColumnsException(tagColumns);
      }
      this.packetColumns = List.copyOf(packets);
      List<FieldVector> src = new ArrayList<>();
      for (String p : packetColumns) {
        FieldVector existing = existingSource.remove(p);
        String name = SystemConstants.sourceInfoColumn(p);
        if (existing == null) {
          src.add(nullStrings(name, rowCount, allocator));
        } else {
          src.add(asLargeString(existing, name, allocator));
        }
      }
      for (FieldVector unused : existingSource.values()) {
        unused.close();
      }
      existingSource.clear();
      if (ctx == null) {
        ctx = constantString(SystemConstants.CONTEXT_KEY, b.contextKey, rowCount, allocator);
      }
      this.data = List.copyOf(dataV);
      this.meta = List.copyOf(metaV);
      this.sourceInfo = List.copyOf(src);
      this.context = ctx;
    } catch (RuntimeException e) {
      dataV.forEach(FieldVector::close);
      metaV.forEach(FieldVector::close);
      existingSource.values().forEach(FieldVector::close);
      if (ctx != null) {
        ctx.close();
      }
      allocator.close();
      throw e;
    }
    Map<String, FieldVector> names = new LinkedHashMap<>();
    for (List<FieldVector> group : List.of(data, meta, sourceInfo, List.of(context))) {
      for (FieldVector v : group) {
        names.put(v.getName(), v);
      }
    }
    this.byName = Collections.unmodifiableMap(names);
  }

  /** Starts building a stream over {@code table} whose memory will be a child of {@code parent}. */
  public static Builder builder(VectorSchemaRoot table, BufferAllocator parent) {
    return new Builder(table, parent);
  }

  /** A stream over {@code table} with the given tag columns and all defaults. */
  public static ArrowTableStream of(
      VectorSchemaRoot table, Collection<String> tagColumns, BufferAllocator parent) {
    return builder(table, parent).tagColumns(tagColumns).build();
  }

  /**
   * A stream without rows whose keys, schemas and identities under every {@link ColumnConfig} are
   * those of {@code stream}, read from its schemas only (nothing is computed). Running an operator
   * over such stand-ins yields its output's schema for every column group by the operator's own
   * code.
   */
  public static ArrowTableStream emptyLike(Stream stream, BufferAllocator parent) {
    ColumnConfig every = ColumnConfig.all().withContentHashColumn(null).withSortByTags(false);
    StreamSchema schema = stream.outputSchema(every);
    List<Field> fields = new ArrayList<>(schema.tag().fields());
    fields.addAll(schema.packet().fields());
    try (VectorSchemaRoot root =
        VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), parent)) {
      root.setRowCount(0);
      return builder(root, parent)
          .tagColumns(stream.keys().tag())
          .identity(stream::identityStructure, stream::pipelineIdentityStructure)
          .build();
    }
  }

  /** Options of an {@link ArrowTableStream}. */
  public static final class Builder {
    private final VectorSchemaRoot table;
    private final BufferAllocator parent;
    private List<String> tagColumns = List.of();
    private List<String> systemTagColumns = List.of();
    private String contextKey = SystemConstants.DEFAULT_CONTEXT_KEY;
    private @Nullable ArrowHasher arrowHasher;
    private @Nullable Supplier<Object> identity;
    private @Nullable Supplier<Object> pipelineIdentity;

    private Builder(VectorSchemaRoot table, BufferAllocator parent) {
      this.table = Objects.requireNonNull(table, "table");
      this.parent = Objects.requireNonNull(parent, "parent");
    }

    /** The tag columns, in tag order. */
    public Builder tagColumns(Collection<String> names) {
      this.tagColumns = List.copyOf(new LinkedHashSet<>(names));
      return this;
    }

    /** Columns to turn into system tags by prefixing {@code _tag_}, as Python orcapod. */
    public Builder systemTagColumns(Collection<String> names) {
      this.systemTagColumns = List.copyOf(names);
      return this;
    }

    /** The context key written when the table has no {@code _context_key} column. */
    public Builder contextKey(String key) {
      this.contextKey = Objects.requireNonNull(key);
      return this;
    }

    /** The Arrow hasher for content-hash columns and the stream's own content identity. */
    public Builder arrowHasher(@Nullable ArrowHasher hasher) {
      this.arrowHasher = hasher;
      return this;
    }

    /**
     * The identity structures of a stream produced by something else (an operator, a source):
     * replaces the default identity of a root table stream.
     */
    public Builder identity(Supplier<Object> content, Supplier<Object> pipeline) {
      this.identity = content;
      this.pipelineIdentity = pipeline;
      return this;
    }

    /** Builds the stream; the caller keeps ownership of the input table. */
    public ArrowTableStream build() {
      return new ArrowTableStream(this);
    }
  }

  // ------------------------------------------------------------------ accessors

  /** The tag column names (without system tags). */
  public List<String> tagColumns() {
    return tagColumns;
  }

  /** The system-tag column names. */
  public List<String> systemTagColumns() {
    return systemTagColumns;
  }

  /** The packet column names. */
  public List<String> packetColumns() {
    return packetColumns;
  }

  /** The meta ({@code __}) column names. */
  public List<String> metaColumns() {
    List<String> out = new ArrayList<>();
    for (FieldVector v : meta) {
      out.add(v.getName());
    }
    return out;
  }

  @Override
  public int rowCount() {
    return rowCount;
  }

  /** The Arrow hasher given at construction, if any. */
  public @Nullable ArrowHasher arrowHasher() {
    return arrowHasher;
  }

  /**
   * The vector of any column (data, system tag, meta, source info, context) for read-only use;
   * valid until the stream is closed.
   *
   * @throws MissingColumnException when there is no such column
   */
  public FieldVector vector(String name) {
    checkOpen();
    FieldVector v = byName.get(name);
    if (v == null) {
      throw new MissingColumnException("column", name, List.copyOf(byName.keySet()));
    }
    return v;
  }

  // ------------------------------------------------------------------ keys and schemas

  @Override
  public StreamKeys keys(ColumnConfig config) {
    List<Field> fields = selectedFields(config);
    List<String> tags = new ArrayList<>();
    List<String> packets = new ArrayList<>();
    Set<String> tagSet = tagSet(config);
    for (String t : tagOrder(config)) {
      tags.add(t);
    }
    for (Field f : fields) {
      if (!tagSet.contains(f.getName())) {
        packets.add(f.getName());
      }
    }
    return new StreamKeys(tags, packets);
  }

  @Override
  public StreamSchema outputSchema(ColumnConfig config) {
    StreamKeys keys = keys(config);
    Map<String, Field> fields = new HashMap<>();
    for (Field f : selectedFields(config)) {
      fields.put(f.getName(), f);
    }
    List<Field> tag = new ArrayList<>();
    for (String t : keys.tag()) {
      tag.add(fields.get(t));
    }
    List<Field> packet = new ArrayList<>();
    for (String p : keys.packet()) {
      packet.add(fields.get(p));
    }
    return new StreamSchema(Schema.of(tag), Schema.of(packet));
  }

  private List<String> tagOrder(ColumnConfig config) {
    List<String> out = new ArrayList<>(tagColumns);
    if (config.systemTags()) {
      out.addAll(systemTagColumns);
    }
    return out;
  }

  private Set<String> tagSet(ColumnConfig config) {
    return new LinkedHashSet<>(tagOrder(config));
  }

  /** The fields of {@link #asTable} under {@code config}, in table order. */
  private List<Field> selectedFields(ColumnConfig config) {
    List<Field> out = new ArrayList<>();
    for (FieldVector v : data) {
      if (config.systemTags() || !systemTagColumns.contains(v.getName())) {
        out.add(v.getField());
      }
    }
    String hashColumn = config.contentHashColumn();
    if (hashColumn != null) {
      out.add(new Field(hashColumn, FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null));
    }
    for (FieldVector v : meta) {
      if (config.includesMeta(v.getName())) {
        out.add(v.getField());
      }
    }
    if (config.context()) {
      out.add(context.getField());
    }
    if (config.source()) {
      for (FieldVector v : sourceInfo) {
        out.add(v.getField());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ tables

  @Override
  public VectorSchemaRoot asTable(ColumnConfig config, BufferAllocator target) {
    checkOpen();
    List<FieldVector> out = new ArrayList<>();
    try {
      for (FieldVector v : data) {
        if (config.systemTags() || !systemTagColumns.contains(v.getName())) {
          out.add(share(v, v.getName(), target));
        }
      }
      String hashColumn = config.contentHashColumn();
      if (hashColumn != null) {
        out.add(contentHashes(hashColumn, target));
      }
      for (FieldVector v : meta) {
        if (config.includesMeta(v.getName())) {
          out.add(share(v, v.getName(), target));
        }
      }
      if (config.context()) {
        out.add(share(context, context.getName(), target));
      }
      if (config.source()) {
        for (FieldVector v : sourceInfo) {
          out.add(share(v, v.getName(), target));
        }
      }
      if (config.sortByTags()) {
        int[] order = TableSort.order(sortKeys(config), rowCount);
        if (order != null) {
          List<FieldVector> sorted = TableSort.permute(out, order, target);
          out.forEach(FieldVector::close);
          out = sorted;
        }
      }
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
    VectorSchemaRoot root = new VectorSchemaRoot(out);
    root.setRowCount(rowCount);
    return root;
  }

  private List<FieldVector> sortKeys(ColumnConfig config) {
    List<FieldVector> keys = new ArrayList<>();
    for (String t : tagOrder(config)) {
      keys.add(byName.get(t));
    }
    return keys;
  }

  private FieldVector contentHashes(String name, BufferAllocator target) {
    ArrowHasher hasher = arrowHasher;
    if (hasher == null) {
      throw new IllegalStateException(
          "a content-hash column needs an ArrowHasher; build the stream with arrowHasher(...)");
    }
    LargeVarCharVector out =
        new LargeVarCharVector(
            new Field(name, FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null), target);
    out.allocateNew(rowCount);
    for (int i = 0; i < rowCount; i++) {
      ContentHash h = packetHash(hasher, i);
      out.setSafe(i, h.toString().getBytes(StandardCharsets.UTF_8));
    }
    out.setValueCount(rowCount);
    return out;
  }

  /** The content hash of row {@code row}'s packet: the Arrow hash of its one-row packet table. */
  public ContentHash packetHash(ArrowHasher hasher, int row) {
    checkOpen();
    List<FieldVector> cols = new ArrayList<>();
    try {
      for (String p : packetColumns) {
        FieldVector v = byName.get(p);
        TransferPair tp = v.getTransferPair(p, allocator);
        tp.splitAndTransfer(row, 1);
        cols.add((FieldVector) tp.getTo());
      }
      try (VectorSchemaRoot one = new VectorSchemaRoot(cols)) {
        one.setRowCount(1);
        return hasher.hashTable(one);
      }
    } catch (RuntimeException e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
  }

  // ------------------------------------------------------------------ rows

  @Override
  public synchronized List<TagPacket> rows() {
    checkOpen();
    if (rows == null) {
      StreamSchema schema = outputSchema(ColumnConfig.dataOnly());
      List<TagPacket> out = new ArrayList<>(rowCount);
      for (int i = 0; i < rowCount; i++) {
        Map<String, @Nullable Object> tagValues = new LinkedHashMap<>();
        for (String t : tagColumns) {
          tagValues.put(t, ArrowValues.read(byName.get(t), i));
        }
        Map<String, String> sys = new LinkedHashMap<>();
        for (String s : systemTagColumns) {
          Object value = ArrowValues.read(byName.get(s), i);
          sys.put(s, value == null ? "None" : value.toString());
        }
        Map<String, @Nullable Object> packetValues = new LinkedHashMap<>();
        Map<String, @Nullable String> source = new LinkedHashMap<>();
        for (String p : packetColumns) {
          packetValues.put(p, ArrowValues.read(byName.get(p), i));
          Object s = ArrowValues.read(byName.get(SystemConstants.sourceInfoColumn(p)), i);
          source.put(p, s == null ? null : s.toString());
        }
        Map<String, @Nullable Object> metaValues = new LinkedHashMap<>();
        for (FieldVector m : meta) {
          metaValues.put(m.getName(), ArrowValues.read(m, i));
        }
        Object ctxValue = ArrowValues.read(context, i);
        String ctx = ctxValue == null ? SystemConstants.DEFAULT_CONTEXT_KEY : ctxValue.toString();
        out.add(
            new TagPacket(
                new Tag(schema.tag(), tagValues, sys, Map.of(), ctx),
                new Packet(schema.packet(), packetValues, source, metaValues, ctx)));
      }
      rows = Collections.unmodifiableList(out);
    }
    return rows;
  }

  // ------------------------------------------------------------------ identity

  /**
   * For a root stream, Python's {@code (ClassName, as_table(all_info), tag_columns)} with the table
   * replaced by its Arrow hash; otherwise the identity given to the builder.
   */
  @Override
  public Object identityStructure() {
    if (identity != null) {
      return identity.get();
    }
    ArrowHasher hasher = arrowHasher;
    if (hasher == null) {
      throw new IllegalStateException(
          "the content identity of a table stream needs an ArrowHasher; build it with"
              + " arrowHasher(...)");
    }
    ContentHash tableHash;
    try (BufferAllocator tmp = allocator.newChildAllocator("identity", 0, Long.MAX_VALUE);
        VectorSchemaRoot all = asTable(ColumnConfig.all(), tmp)) {
      tableHash = hasher.hashTable(all);
    }
    return Identity.tuple("ArrowTableStream", tableHash, Identity.tuple(tagColumns));
  }

  @Override
  public Object pipelineIdentityStructure() {
    if (pipelineIdentity != null) {
      return pipelineIdentity.get();
    }
    StreamSchema s = outputSchema();
    return Identity.tuple(s.tag().identityStructure(), s.packet().identityStructure());
  }

  // ------------------------------------------------------------------ memory

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    rows = null;
    data.forEach(FieldVector::close);
    meta.forEach(FieldVector::close);
    sourceInfo.forEach(FieldVector::close);
    context.close();
    allocator.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the stream is closed");
    }
  }

  @Override
  public String toString() {
    return "ArrowTableStream{tags="
        + tagColumns
        + ", systemTags="
        + systemTagColumns
        + ", packets="
        + packetColumns
        + ", rows="
        + rowCount
        + "}";
  }

  // ------------------------------------------------------------------ vector helpers

  /** A new vector named {@code name} in {@code target} sharing {@code v}'s buffers. */
  static FieldVector share(FieldVector v, String name, BufferAllocator target) {
    return VectorSharing.share(v, name, target);
  }

  private static FieldVector asLargeString(FieldVector v, String name, BufferAllocator target) {
    if (v instanceof VarCharVector s) {
      LargeVarCharVector out =
          new LargeVarCharVector(
              new Field(name, new FieldType(true, ArrowType.LargeUtf8.INSTANCE, null), null),
              target);
      out.allocateNew(s.getValueCount());
      for (int i = 0; i < s.getValueCount(); i++) {
        if (!s.isNull(i)) {
          out.setSafe(i, s.get(i));
        }
      }
      out.setValueCount(s.getValueCount());
      v.close();
      return out;
    }
    return v;
  }

  /** An all-null nullable large_utf8 column of {@code rows} rows. */
  static FieldVector nullStrings(String name, int rows, BufferAllocator target) {
    LargeVarCharVector out =
        new LargeVarCharVector(
            new Field(name, FieldType.nullable(ArrowType.LargeUtf8.INSTANCE), null), target);
    out.allocateNew(rows);
    out.setValueCount(rows);
    return out;
  }

  /** A non-nullable large_utf8 column repeating {@code value}. */
  public static LargeVarCharVector constantString(
      String name, String value, int rows, BufferAllocator target) {
    return StringColumns.constant(name, value, rows, target);
  }
}
