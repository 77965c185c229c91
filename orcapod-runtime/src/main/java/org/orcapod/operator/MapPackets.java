package org.orcapod.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * Renames packet columns (and their source-info columns) by a name map; with {@code dropUnmapped}
 * the packet columns the map does not name are removed. Tags are untouched. Names in the map that
 * are not packet columns are ignored, as in Python.
 */
public final class MapPackets extends RenameOperator {
  /** Renames by {@code nameMap}, keeping unmapped packet columns. */
  public MapPackets(Map<String, String> nameMap) {
    this(nameMap, false);
  }

  /** Renames by {@code nameMap}; with {@code dropUnmapped} unmapped packet columns are dropped. */
  public MapPackets(Map<String, String> nameMap, boolean dropUnmapped) {
    super("MapPackets", nameMap, dropUnmapped);
  }

  @Override
  protected void validate(Stream input) {
    StreamKeys keys = input.keys();
    Renames.check("MapPackets", nameMap(), keys.packet(), keys.tag());
  }

  @Override
  protected StreamSchema outputSchema(Stream input, boolean withSystemTags) {
    StreamSchema s = input.outputSchema(SelectTagColumns.config(withSystemTags));
    List<Field> packets = new ArrayList<>();
    for (Field f : s.packet().fields()) {
      String n = f.getName();
      if (nameMap().containsKey(n)) {
        packets.add(new Field(nameMap().get(n), f.getFieldType(), f.getChildren()));
      } else if (!dropUnmapped()) {
        packets.add(f);
      }
    }
    return new StreamSchema(s.tag(), Schema.of(packets));
  }

  @Override
  protected Stream compute(OperatorContext context, Stream input) {
    StreamKeys keys = input.keys();
    Map<String, String> relevant = Renames.relevant(nameMap(), keys.packet());
    if (relevant.isEmpty()) {
      return input;
    }
    List<String> gone = new ArrayList<>();
    if (dropUnmapped()) {
      for (String p : ColumnOperator.minus(keys.packet(), relevant.keySet())) {
        gone.add(p);
        gone.add(SystemConstants.sourceInfoColumn(p));
      }
    }
    Map<String, String> withSource = new LinkedHashMap<>(relevant);
    for (Map.Entry<String, String> e : relevant.entrySet()) {
      withSource.put(
          SystemConstants.sourceInfoColumn(e.getKey()),
          SystemConstants.sourceInfoColumn(e.getValue()));
    }
    List<FieldVector> vectors =
        Tables.columns(input, Tables.SOURCE_AND_SYSTEM_TAGS, context.allocator());
    Tables.drop(vectors, gone);
    Tables.rename(vectors, withSource, context.allocator());
    return Tables.stream(context, vectors, input.rowCount(), keys.tag());
  }
}
