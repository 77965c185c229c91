package org.orcapod.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.error.InvalidInputsException;
import org.orcapod.error.PacketColumnCollisionException;
import org.orcapod.operator.kernel.Gather;
import org.orcapod.operator.kernel.HashJoin;
import org.orcapod.operator.kernel.KeyColumns;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;
import org.orcapod.schema.TypeMapping;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * The N-ary inner join on shared tag columns (a cartesian product when two inputs share none), as
 * Python orcapod's {@code Join}.
 *
 * <p>Commutative: the inputs are put in canonical order by pipeline hash (stable for equal hashes)
 * and joined pairwise in that order; each input's system-tag columns are renamed with the suffix
 * {@code ::<pipeline-hash-12>:<canonical position>}, and for inputs with equal pipeline hashes the
 * paired system-tag values are sorted per row. Packet columns of different inputs must not overlap.
 * Meta columns that collide are renamed {@code <name>_<position>}.
 *
 * <p>Each pairwise step is a hash join: a hash table over the row indices of the right side's key
 * columns, probed with the accumulated left side, then a gather of every column by the matched
 * index arrays. Output rows come in left order, and for one left row in right order.
 */
public final class Join implements Operator {
  /** Creates the (stateless) join. */
  public Join() {}

  /** Python's identity: the class name. */
  @Override
  public Object identityStructure() {
    return "Join";
  }

  @Override
  public Object argumentSymmetry(List<?> inputs) {
    return new LinkedHashSet<>(inputs);
  }

  /** The inputs sorted by pipeline hash (stable), as Python's {@code order_input_streams}. */
  public List<Stream> canonicalOrder(OperatorContext context, List<? extends Stream> inputs) {
    List<Stream> ordered = new ArrayList<>(inputs);
    ordered.sort(Comparator.comparing(s -> context.pipelineHash(s).toString()));
    return ordered;
  }

  @Override
  public void validateInputs(OperatorContext context, List<? extends Stream> inputs) {
    outputSchema(context, inputs, false);
  }

  @Override
  public StreamSchema outputSchema(
      OperatorContext context, List<? extends Stream> inputs, boolean withSystemTags) {
    if (inputs.isEmpty()) {
      throw new InvalidInputsException("Join needs at least one input stream but was given none");
    }
    var config = SelectTagColumns.config(false);
    if (inputs.size() == 1) {
      return inputs.get(0).outputSchema(config.withSystemTags(withSystemTags));
    }
    List<Stream> ordered = canonicalOrder(context, inputs);
    Schema tag = ordered.get(0).outputSchema(config).tag();
    Schema packet = ordered.get(0).outputSchema(config).packet();
    for (Stream next : ordered.subList(1, ordered.size())) {
      StreamSchema s = next.outputSchema(config);
      tag = Schemas.union(tag, s.tag(), "Join matches inputs on this shared tag column");
      List<String> collisions = new ArrayList<>(new TreeSet<>(packet.names()));
      collisions.retainAll(s.packet().names());
      if (!collisions.isEmpty()) {
        throw new PacketColumnCollisionException("Join", collisions);
      }
      packet = Schemas.union(packet, s.packet(), "Join");
    }
    if (withSystemTags) {
      List<Field> tags = new ArrayList<>(tag.fields());
      for (int i = 0; i < ordered.size(); i++) {
        Stream s = ordered.get(i);
        String suffix = SystemTags.suffix(hash12(context, s), i);
        for (Field f : s.outputSchema(config.withSystemTags(true)).tag().fields()) {
          if (SystemConstants.isSystemTagColumn(f.getName())) {
            tags.add(new Field(f.getName() + suffix, f.getFieldType(), f.getChildren()));
          }
        }
      }
      tag = Schema.of(tags);
    }
    return new StreamSchema(tag, packet);
  }

  static String hash12(OperatorContext context, Stream s) {
    return context.pipelineHash(s).toHex(SystemConstants.SYSTEM_TAG_HASH_CHARS);
  }

  @Override
  public Stream staticProcess(OperatorContext context, List<? extends Stream> inputs) {
    if (inputs.isEmpty()) {
      throw new InvalidInputsException("Join needs at least one input stream but was given none");
    }
    if (inputs.size() == 1) {
      return inputs.get(0);
    }
    List<Stream> ordered = canonicalOrder(context, inputs);
    BufferAllocator a = context.allocator();
    Stream first = ordered.get(0);
    List<FieldVector> acc = withSuffix(context, first, 0);
    int accRows = first.rowCount();
    LinkedHashSet<String> tagKeys = new LinkedHashSet<>(first.keys().tag());
    try {
      for (int idx = 1; idx < ordered.size(); idx++) {
        Stream next = ordered.get(idx);
        List<String> nextTags = next.keys().tag();
        List<FieldVector> right = withSuffix(context, next, idx);
        try {
          List<String> keys = new ArrayList<>();
          for (String t : tagKeys) {
            if (nextTags.contains(t)) {
              keys.add(t);
            }
          }
          renameCollisions(right, acc, keys, idx, a);
          List<FieldVector> leftKeys = new ArrayList<>();
          List<FieldVector> rightKeys = new ArrayList<>();
          for (String k : keys) {
            FieldVector l = Tables.find(acc, k);
            FieldVector r = Tables.find(right, k);
            if (!KeyColumns.comparable(l, r)) {
              throw new IncompatibleTypesException(
                  k,
                  "Join matches on this tag column but it has type "
                      + TypeMapping.pythonType(l.getField()).displayName()
                      + " in one input and "
                      + TypeMapping.pythonType(r.getField()).displayName()
                      + " in another; cast one side so both agree");
            }
            leftKeys.add(l);
            rightKeys.add(r);
          }
          HashJoin.Matches m = HashJoin.inner(leftKeys, accRows, rightKeys, next.rowCount());
          List<FieldVector> joined = new ArrayList<>(Gather.rows(acc, m.left(), a));
          try {
            List<FieldVector> rest = new ArrayList<>();
            for (FieldVector v : right) {
              if (!keys.contains(v.getName())) {
                rest.add(v);
              }
            }
            joined.addAll(Gather.rows(rest, m.right(), a));
          } catch (RuntimeException e) {
            Tables.closeAll(joined);
            throw e;
          }
          Tables.closeAll(acc);
          acc = joined;
          accRows = m.size();
          tagKeys.addAll(nextTags);
        } finally {
          Tables.closeAll(right);
        }
      }
      SystemTags.sortSameProvenance(acc, accRows, a);
    } catch (RuntimeException e) {
      Tables.closeAll(acc);
      throw e;
    }
    List<FieldVector> reordered = new ArrayList<>();
    List<String> tagOrder = new ArrayList<>();
    for (FieldVector v : acc) {
      if (tagKeys.contains(v.getName())) {
        reordered.add(v);
        tagOrder.add(v.getName());
      }
    }
    for (FieldVector v : acc) {
      if (!tagKeys.contains(v.getName())) {
        reordered.add(v);
      }
    }
    return Tables.stream(context, reordered, accRows, tagOrder);
  }

  /** The input's data, system-tag, meta and source columns, system tags renamed for position. */
  private static List<FieldVector> withSuffix(OperatorContext context, Stream s, int position) {
    List<FieldVector> v =
        Tables.columns(s, Tables.SOURCE_SYSTEM_TAGS_AND_META, context.allocator());
    String suffix = SystemTags.suffix(hash12(context, s), position);
    Map<String, String> renames = new java.util.HashMap<>();
    for (String n : Tables.names(v)) {
      renames.put(n, SystemTags.extended(n, suffix));
    }
    Tables.rename(v, renames, context.allocator());
    return v;
  }

  /** Python's rule: a non-key column of the next input that already exists becomes name_idx. */
  private static void renameCollisions(
      List<FieldVector> right,
      List<FieldVector> acc,
      List<String> keys,
      int idx,
      BufferAllocator a) {
    Set<String> existing = new HashSet<>(Tables.names(acc));
    Map<String, String> renames = new java.util.LinkedHashMap<>();
    for (String col : Tables.names(right)) {
      if (!keys.contains(col) && existing.contains(col)) {
        int counter = idx;
        String name = col + "_" + counter;
        while (existing.contains(name) || renames.containsValue(name)) {
          counter++;
          name = col + "_" + counter;
        }
        renames.put(col, name);
      }
    }
    Tables.rename(right, renames, a);
  }

  @Override
  public String toString() {
    return "Join()";
  }
}
