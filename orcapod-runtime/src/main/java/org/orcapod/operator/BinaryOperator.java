package org.orcapod.operator;

import java.util.LinkedHashSet;
import java.util.List;
import org.orcapod.error.InvalidInputsException;
import org.orcapod.stream.Identity;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/** An operator of exactly two input streams, left and right. */
public abstract class BinaryOperator implements Operator {
  /** Whether the output does not depend on which input is left. */
  public abstract boolean isCommutative();

  /** Validates the two inputs. */
  protected abstract void validate(OperatorContext context, Stream left, Stream right);

  /** The output schema for the two inputs. */
  protected abstract StreamSchema outputSchema(
      OperatorContext context, Stream left, Stream right, boolean withSystemTags);

  /** Computes the output. */
  protected abstract Stream compute(OperatorContext context, Stream left, Stream right);

  @Override
  public final void validateInputs(OperatorContext context, List<? extends Stream> inputs) {
    checkTwo(inputs);
    validate(context, inputs.get(0), inputs.get(1));
  }

  @Override
  public final StreamSchema outputSchema(
      OperatorContext context, List<? extends Stream> inputs, boolean withSystemTags) {
    checkTwo(inputs);
    return outputSchema(context, inputs.get(0), inputs.get(1), withSystemTags);
  }

  @Override
  public final Stream staticProcess(OperatorContext context, List<? extends Stream> inputs) {
    checkTwo(inputs);
    return compute(context, inputs.get(0), inputs.get(1));
  }

  @Override
  public final Object argumentSymmetry(List<?> inputs) {
    return isCommutative() ? new LinkedHashSet<>(inputs) : Identity.tuple(inputs.toArray());
  }

  private void checkTwo(List<? extends Stream> inputs) {
    if (inputs.size() != 2) {
      throw new InvalidInputsException(
          getClass().getSimpleName()
              + " takes exactly two input streams (left, right) but was given "
              + inputs.size());
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "()";
  }
}
