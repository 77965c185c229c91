package org.orcapod.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.orcapod.schema.Schema;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * Renames tag columns by a name map; with {@code dropUnmapped} the tag columns the map does not
 * name are removed. Packets and system tags are untouched. Names in the map that are not tag
 * columns are ignored, as in Python.
 */
public final class MapTags extends RenameOperator {
  /** Renames by {@code nameMap}, keeping unmapped tags. */
  public MapTags(Map<String, String> nameMap) {
    this(nameMap, false);
  }

  /** Renames by {@code nameMap}; with {@code dropUnmapped} unmapped tags are dropped. */
  public MapTags(Map<String, String> nameMap, boolean dropUnmapped) {
    super("MapTags", nameMap, dropUnmapped);
  }

  @Override
  protected void validate(Stream input) {
    StreamKeys keys = input.keys();
    Renames.check("MapTags", nameMap(), keys.tag(), keys.packet());
  }

  @Override
  protected StreamSchema outputSchema(Stream input, boolean withSystemTags) {
    StreamKeys keys = input.keys();
    StreamSchema s = input.outputSchema(SelectTagColumns.config(withSystemTags));
    List<Field> tags = new ArrayList<>();
    for (Field f : s.tag().fields()) {
      String n = f.getName();
      boolean isTag = keys.tag().contains(n);
      if (isTag && nameMap().containsKey(n)) {
        tags.add(new Field(nameMap().get(n), f.getFieldType(), f.getChildren()));
      } else if (!isTag || !dropUnmapped()) {
        tags.add(f);
      }
    }
    return new StreamSchema(Schema.of(tags), s.packet());
  }

  @Override
  protected Stream compute(OperatorContext context, Stream input) {
    StreamKeys keys = input.keys();
    Map<String, String> relevant = Renames.relevant(nameMap(), keys.tag());
    if (relevant.isEmpty()) {
      return input;
    }
    List<String> unmapped =
        dropUnmapped() ? ColumnOperator.minus(keys.tag(), relevant.keySet()) : List.of();
    List<String> newTags = new ArrayList<>();
    for (String t : keys.tag()) {
      if (!unmapped.contains(t)) {
        newTags.add(relevant.getOrDefault(t, t));
      }
    }
    List<FieldVector> vectors =
        Tables.columns(input, Tables.SOURCE_AND_SYSTEM_TAGS, context.allocator());
    Tables.drop(vectors, unmapped);
    Tables.rename(vectors, relevant, context.allocator());
    return Tables.stream(context, vectors, input.rowCount(), newTags);
  }
}
