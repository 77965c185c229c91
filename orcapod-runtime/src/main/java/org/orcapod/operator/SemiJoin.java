package org.orcapod.operator;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.operator.kernel.Gather;
import org.orcapod.operator.kernel.HashJoin;
import org.orcapod.operator.kernel.KeyColumns;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * Keeps the left rows that have a match in the right stream on every column (tag or packet) the two
 * share, as Python orcapod's {@code SemiJoin}; the output has exactly the left schema. With no
 * shared column the left stream is returned unchanged. Not commutative.
 */
public final class SemiJoin extends BinaryOperator {
  /** Creates the (stateless) semi-join. */
  public SemiJoin() {}

  /** Python's identity: the class name. */
  @Override
  public Object identityStructure() {
    return "SemiJoin";
  }

  @Override
  public boolean isCommutative() {
    return false;
  }

  private static Schema common(Stream left, Stream right) {
    StreamSchema l = left.outputSchema();
    StreamSchema r = right.outputSchema();
    String where = "SemiJoin matches the inputs on this shared column";
    return Schemas.intersection(
        Schemas.all(l.tag(), l.packet(), where), Schemas.all(r.tag(), r.packet(), where), where);
  }

  @Override
  protected void validate(OperatorContext context, Stream left, Stream right) {
    common(left, right);
  }

  @Override
  protected StreamSchema outputSchema(
      OperatorContext context, Stream left, Stream right, boolean withSystemTags) {
    return left.outputSchema(SelectTagColumns.config(withSystemTags));
  }

  @Override
  protected Stream compute(OperatorContext context, Stream left, Stream right) {
    List<String> keys = common(left, right).names();
    if (keys.isEmpty()) {
      return left;
    }
    BufferAllocator a = context.allocator();
    List<FieldVector> lv = Tables.columns(left, Tables.SOURCE_AND_SYSTEM_TAGS, a);
    List<FieldVector> rv = Tables.columns(right, ColumnConfig.dataOnly(), a);
    try {
      List<FieldVector> lk = new ArrayList<>();
      List<FieldVector> rk = new ArrayList<>();
      for (String k : keys) {
        FieldVector l = Tables.find(lv, k);
        FieldVector r = Tables.find(rv, k);
        if (!KeyColumns.comparable(l, r)) {
          throw new IncompatibleTypesException(
              k, "SemiJoin matches on this column but its Arrow types differ; cast one side");
        }
        lk.add(l);
        rk.add(r);
      }
      int[] rows = HashJoin.semi(lk, left.rowCount(), rk, right.rowCount());
      return Tables.stream(context, Gather.rows(lv, rows, a), rows.length, left.keys().tag());
    } finally {
      Tables.closeAll(lv);
      Tables.closeAll(rv);
    }
  }
}
