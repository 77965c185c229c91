package org.orcapod.operator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.orcapod.error.MissingColumnException;
import org.orcapod.operator.kernel.Gather;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.operator.predicate.PredicateEvaluator;
import org.orcapod.stream.Identity;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * Keeps the rows for which a {@link Predicate} is true; the schema is unchanged. Python's {@code
 * PolarsFilter} takes Polars expressions, which cannot be hashed; this operator takes predicates of
 * the small language in {@link org.orcapod.operator.predicate} plus equality constraints, so its
 * identity {@code ("Filter", canonical form of the conjunction)} is stable and readable.
 *
 * <p>The predicate may read tag, packet, system-tag and source-info columns.
 */
public final class Filter extends UnaryOperator {
  private final Predicate predicate;

  /** Keeps the rows where {@code predicate} is true. */
  public Filter(Predicate predicate) {
    this.predicate = predicate;
  }

  /**
   * Keeps the rows where all {@code predicates} are true and every column of {@code constraints}
   * equals its value (Python's {@code PolarsFilter(predicates, constraints)}).
   */
  public Filter(Collection<? extends Predicate> predicates, Map<String, ?> constraints) {
    List<Predicate> all = new ArrayList<>(predicates);
    all.add(Predicate.constraints(constraints));
    this.predicate = Predicate.allOf(all);
  }

  /** The predicate (the conjunction of everything given). */
  public Predicate predicate() {
    return predicate;
  }

  /** {@code ("Filter", predicate.canonicalForm())}. */
  @Override
  public Object identityStructure() {
    return Identity.tuple("Filter", predicate.canonicalForm());
  }

  private static boolean alwaysTrue(Predicate p) {
    return p instanceof Predicate.And a && a.operands().isEmpty();
  }

  @Override
  protected void validate(Stream input) {
    StreamKeys keys = input.keys(Tables.SOURCE_AND_SYSTEM_TAGS);
    List<String> available = new ArrayList<>(keys.tag());
    available.addAll(keys.packet());
    for (String c : predicate.columns()) {
      if (!available.contains(c)) {
        throw new MissingColumnException(
            "filter column (in `" + predicate.display() + "`)", c, available);
      }
    }
    StreamSchema s = input.outputSchema(Tables.SOURCE_AND_SYSTEM_TAGS);
    PredicateEvaluator.checkTypes(
        predicate,
        name -> {
          Field f = s.tag().field(name);
          return f != null ? f : s.packet().require(name);
        });
  }

  @Override
  protected StreamSchema outputSchema(Stream input, boolean withSystemTags) {
    return input.outputSchema(SelectTagColumns.config(withSystemTags));
  }

  @Override
  protected Stream compute(OperatorContext context, Stream input) {
    if (alwaysTrue(predicate)) {
      return input;
    }
    List<FieldVector> vectors =
        Tables.columns(input, Tables.SOURCE_AND_SYSTEM_TAGS, context.allocator());
    try {
      int[] rows =
          PredicateEvaluator.selectedRows(
              predicate, name -> Tables.find(vectors, name), input.rowCount());
      List<FieldVector> kept = Gather.rows(vectors, rows, context.allocator());
      return Tables.stream(context, kept, rows.length, input.keys().tag());
    } finally {
      Tables.closeAll(vectors);
    }
  }

  @Override
  public String toString() {
    return "Filter(" + predicate.display() + ")";
  }
}
