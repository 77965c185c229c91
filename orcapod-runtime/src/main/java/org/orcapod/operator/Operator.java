package org.orcapod.operator;

import java.util.List;
import org.orcapod.hashing.ContentIdentifiable;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * A pod that routes, filters, groups or renames the rows of its input streams without computing new
 * values, as Python orcapod's {@code StaticOutputOperatorPod}.
 *
 * <p>Its {@link #identityStructure()} is Python's operator identity structure, and its pipeline
 * identity is the same structure. {@link #process} validates the inputs and returns a lazy {@link
 * OperatorStream}; {@link #staticProcess} does the work.
 */
public interface Operator extends ContentIdentifiable {
  /**
   * Checks the inputs without reading their rows.
   *
   * @throws org.orcapod.error.OrcapodException a typed exception naming the offending column and
   *     the fix
   */
  void validateInputs(OperatorContext context, List<? extends Stream> inputs);

  /**
   * The tag and packet schemas the output will have, computed from the inputs' schemas alone (data
   * columns, plus system-tag columns when {@code withSystemTags}).
   */
  StreamSchema outputSchema(
      OperatorContext context, List<? extends Stream> inputs, boolean withSystemTags);

  /**
   * Computes the output. The result is either a new stream in {@code context}'s allocator, which
   * the caller closes, or one of {@code inputs} itself when the operator leaves it unchanged.
   */
  Stream staticProcess(OperatorContext context, List<? extends Stream> inputs);

  /**
   * How the inputs enter the output stream's identity: a {@code Set} when their order does not
   * matter (commutative operators), otherwise a tuple in input order. Elements are {@code inputs}
   * themselves.
   */
  Object argumentSymmetry(List<?> inputs);

  /** Validates {@code inputs} and returns the (lazily computed) output stream. */
  default OperatorStream process(OperatorContext context, Stream... inputs) {
    return process(context, List.of(inputs));
  }

  /** Validates {@code inputs} and returns the (lazily computed) output stream. */
  default OperatorStream process(OperatorContext context, List<? extends Stream> inputs) {
    validateInputs(context, inputs);
    return new OperatorStream(this, context, inputs);
  }
}
