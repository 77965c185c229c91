package org.orcapod.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.operator.kernel.Gather;
import org.orcapod.operator.kernel.HashJoin;
import org.orcapod.operator.kernel.KeyColumns;
import org.orcapod.operator.kernel.ValueOrder;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;
import org.orcapod.schema.TypeMapping;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * The binary inner join on shared tag columns that merges packet columns present on both sides into
 * two-element sorted lists ({@code list<T>}, the source-info lists reordered to match), as Python
 * orcapod's {@code MergeJoin}. Other columns pass through; a colliding column must have the same
 * type on both sides.
 *
 * <p>Commutative: system-tag columns get the suffix {@code ::<pipeline-hash-12>:<canonical
 * position>} with positions from the stable order of the two pipeline hashes, and merged values are
 * sorted.
 */
public final class MergeJoin extends BinaryOperator {
  /** Creates the (stateless) merge join. */
  public MergeJoin() {}

  /** Python's identity: the class name. */
  @Override
  public Object identityStructure() {
    return "MergeJoin";
  }

  @Override
  public boolean isCommutative() {
    return true;
  }

  /** The canonical positions of left and right: stable order of their pipeline hashes. */
  private static int[] positions(OperatorContext context, Stream left, Stream right) {
    String l = context.pipelineHash(left).toHex();
    String r = context.pipelineHash(right).toHex();
    return r.compareTo(l) < 0 ? new int[] {1, 0} : new int[] {0, 1};
  }

  @Override
  protected void validate(OperatorContext context, Stream left, Stream right) {
    Schema lp = left.outputSchema().packet();
    Schema rp = right.outputSchema().packet();
    for (Field f : lp.fields()) {
      Field o = rp.field(f.getName());
      if (o != null && !TypeMapping.pythonType(f).equals(TypeMapping.pythonType(o))) {
        throw new IncompatibleTypesException(
            f.getName(),
            "MergeJoin merges this packet column of both inputs into a list, so both must have the"
                + " same type, but it is "
                + TypeMapping.pythonType(f).displayName()
                + " on the left and "
                + TypeMapping.pythonType(o).displayName()
                + " on the right; cast one side or rename it with MapPackets");
      }
    }
    outputSchema(context, left, right, false);
  }

  @Override
  protected StreamSchema outputSchema(
      OperatorContext context, Stream left, Stream right, boolean withSystemTags) {
    StreamSchema l = left.outputSchema();
    StreamSchema r = right.outputSchema();
    Schema tag = Schemas.union(l.tag(), r.tag(), "MergeJoin matches inputs on this tag column");
    Schema colliding = Schemas.intersection(l.packet(), r.packet(), "MergeJoin");
    List<Field> packet = new ArrayList<>();
    for (Field f : l.packet().fields()) {
      packet.add(colliding.contains(f.getName()) ? Batch.listField(f) : f);
    }
    for (Field f : r.packet().fields()) {
      if (!l.packet().contains(f.getName())) {
        packet.add(f);
      }
    }
    if (withSystemTags) {
      int[] pos = positions(context, left, right);
      List<Field> tags = new ArrayList<>(tag.fields());
      Stream[] sides = {left, right};
      for (int side = 0; side < 2; side++) {
        String suffix = SystemTags.suffix(Join.hash12(context, sides[side]), pos[side]);
        for (Field f : sides[side].outputSchema(SelectTagColumns.config(true)).tag().fields()) {
          if (SystemConstants.isSystemTagColumn(f.getName())) {
            tags.add(new Field(f.getName() + suffix, f.getFieldType(), f.getChildren()));
          }
        }
      }
      tag = Schema.of(tags);
    }
    return new StreamSchema(tag, Schema.of(packet));
  }

  @Override
  protected Stream compute(OperatorContext context, Stream left, Stream right) {
    BufferAllocator a = context.allocator();
    int[] pos = positions(context, left, right);
    List<FieldVector> lv = suffixed(context, left, pos[0]);
    List<FieldVector> rv = suffixed(context, right, pos[1]);
    List<FieldVector> out = new ArrayList<>();
    try {
      List<String> lt = left.keys().tag();
      List<String> rt = right.keys().tag();
      List<String> keys = new ArrayList<>(lt);
      keys.retainAll(rt);
      List<String> colliding = new ArrayList<>(left.keys().packet());
      colliding.retainAll(right.keys().packet());
      List<FieldVector> lk = new ArrayList<>();
      List<FieldVector> rk = new ArrayList<>();
      for (String k : keys) {
        FieldVector l = Tables.find(lv, k);
        FieldVector r = Tables.find(rv, k);
        if (!KeyColumns.comparable(l, r)) {
          throw new IncompatibleTypesException(
              k, "MergeJoin matches on this tag column but its types differ; cast one side");
        }
        lk.add(l);
        rk.add(r);
      }
      HashJoin.Matches m = HashJoin.inner(lk, left.rowCount(), rk, right.rowCount());
      Map<String, boolean[]> swaps = new HashMap<>();
      for (String c : colliding) {
        swaps.put(c, swapFlags(Tables.find(lv, c), Tables.find(rv, c), m));
      }
      Set<String> leftNames = new LinkedHashSet<>(Tables.names(lv));
      for (FieldVector v : lv) {
        String n = v.getName();
        String base =
            n.startsWith(SystemConstants.SOURCE_PREFIX)
                ? n.substring(SystemConstants.SOURCE_PREFIX.length())
                : n;
        boolean merged =
            colliding.contains(n)
                || (n.startsWith(SystemConstants.SOURCE_PREFIX) && colliding.contains(base));
        if (merged) {
          out.add(mergedList(v, Tables.find(rv, n), m, swaps.get(base), a));
        } else {
          out.add(Gather.column(v, v.getField(), m.left(), a));
        }
      }
      for (FieldVector v : rv) {
        if (!keys.contains(v.getName()) && !leftNames.contains(v.getName())) {
          out.add(Gather.column(v, v.getField(), m.right(), a));
        }
      }
      SystemTags.sortSameProvenance(out, m.size(), a);
      Set<String> allTags = new LinkedHashSet<>(lt);
      allTags.addAll(rt);
      List<FieldVector> reordered = new ArrayList<>();
      List<String> tagOrder = new ArrayList<>();
      for (FieldVector v : out) {
        if (allTags.contains(v.getName())) {
          reordered.add(v);
          tagOrder.add(v.getName());
        }
      }
      for (FieldVector v : out) {
        if (!allTags.contains(v.getName())) {
          reordered.add(v);
        }
      }
      out.clear();
      return Tables.stream(context, reordered, m.size(), tagOrder);
    } catch (RuntimeException e) {
      Tables.closeAll(out);
      throw e;
    } finally {
      Tables.closeAll(lv);
      Tables.closeAll(rv);
    }
  }

  private static List<FieldVector> suffixed(OperatorContext context, Stream s, int position) {
    List<FieldVector> v = Tables.columns(s, Tables.SOURCE_AND_SYSTEM_TAGS, context.allocator());
    String suffix = SystemTags.suffix(Join.hash12(context, s), position);
    Map<String, String> renames = new HashMap<>();
    for (String n : Tables.names(v)) {
      renames.put(n, SystemTags.extended(n, suffix));
    }
    Tables.rename(v, renames, context.allocator());
    return v;
  }

  /** For each match, whether the right value sorts strictly before the left one. */
  private static boolean[] swapFlags(FieldVector l, FieldVector r, HashJoin.Matches m) {
    boolean[] swap = new boolean[m.size()];
    int[] li = m.left();
    int[] ri = m.right();
    for (int i = 0; i < swap.length; i++) {
      swap[i] = ValueOrder.compare(r, ri[i], l, li[i]) < 0;
    }
    return swap;
  }

  /** A non-nullable {@code list<T>} column whose row i is [left, right], swapped where flagged. */
  private static FieldVector mergedList(
      FieldVector l, FieldVector r, HashJoin.Matches m, boolean[] swap, BufferAllocator a) {
    ListVector list = (ListVector) Batch.listField(l.getField()).createVector(a);
    try {
      list.allocateNew();
      FieldVector data = list.getDataVector();
      int n = m.size();
      data.setInitialCapacity(2 * n);
      data.allocateNew();
      int[] li = m.left();
      int[] ri = m.right();
      for (int i = 0; i < n; i++) {
        FieldVector first = swap[i] ? r : l;
        FieldVector second = swap[i] ? l : r;
        data.copyFromSafe(swap[i] ? ri[i] : li[i], 2 * i, first);
        data.copyFromSafe(swap[i] ? li[i] : ri[i], 2 * i + 1, second);
        list.startNewValue(i);
        list.endValue(i, 2);
      }
      list.setValueCount(n);
      return list;
    } catch (RuntimeException e) {
      list.close();
      throw e;
    }
  }
}
