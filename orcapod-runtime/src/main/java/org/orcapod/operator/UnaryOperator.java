package org.orcapod.operator;

import java.util.List;
import org.orcapod.error.InvalidInputsException;
import org.orcapod.stream.Identity;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/** An operator of exactly one input stream. */
public abstract class UnaryOperator implements Operator {
  /** Validates the single input. */
  protected abstract void validate(Stream input);

  /** The output schema for the single input. */
  protected abstract StreamSchema outputSchema(Stream input, boolean withSystemTags);

  /** Computes the output for the single input. */
  protected abstract Stream compute(OperatorContext context, Stream input);

  @Override
  public final void validateInputs(OperatorContext context, List<? extends Stream> inputs) {
    validate(single(inputs));
  }

  @Override
  public final StreamSchema outputSchema(
      OperatorContext context, List<? extends Stream> inputs, boolean withSystemTags) {
    return outputSchema(single(inputs), withSystemTags);
  }

  @Override
  public final Stream staticProcess(OperatorContext context, List<? extends Stream> inputs) {
    return compute(context, single(inputs));
  }

  @Override
  public final Object argumentSymmetry(List<?> inputs) {
    return Identity.tuple(inputs.toArray());
  }

  private Stream single(List<? extends Stream> inputs) {
    if (inputs.size() != 1) {
      throw new InvalidInputsException(
          getClass().getSimpleName()
              + " takes exactly one input stream but was given "
              + inputs.size()
              + "; join the streams first or apply the operator to each one");
    }
    return inputs.get(0);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + String.valueOf(identityStructure());
  }
}
