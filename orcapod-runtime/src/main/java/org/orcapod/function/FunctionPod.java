package org.orcapod.function;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ContentIdentifiable;
import org.orcapod.schema.Schema;
import org.orcapod.schema.TypeMapping;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Identity;
import org.orcapod.stream.Stream;

/**
 * Applies a {@link PacketFunction} to every row of a stream: tags pass through, each packet is
 * replaced by the function's output. Several inputs are combined first (an implicit join, see
 * {@link InputCombiner}, by default the operators' Join). The input schema is validated before
 * anything runs.
 *
 * <p>Identity, as Python orcapod's function pod: the function's uri for both the content and the
 * pipeline identity.
 */
public class FunctionPod implements ContentIdentifiable {
  private final PacketFunction function;
  private final SourceContext context;
  private final InputCombiner combiner;
  private volatile @Nullable FunctionUri uri;
  private volatile @Nullable String signatureHash;

  /** A pod of {@code function} whose identities and packet hashes use {@code context}. */
  public FunctionPod(PacketFunction function, SourceContext context) {
    this(function, context, InputCombiner.JOIN);
  }

  /** A pod that combines several inputs with {@code combiner} (e.g. the operators' Join). */
  public FunctionPod(PacketFunction function, SourceContext context, InputCombiner combiner) {
    this.function = Objects.requireNonNull(function, "function");
    this.context = Objects.requireNonNull(context, "context");
    this.combiner = Objects.requireNonNull(combiner, "combiner");
  }

  /** The packet function. */
  public PacketFunction function() {
    return function;
  }

  /** The hashers and context key. */
  public SourceContext context() {
    return context;
  }

  /** The combiner of several inputs. */
  public InputCombiner combiner() {
    return combiner;
  }

  /** The result cache, or null for a pod that always computes. */
  public @Nullable ResultCache resultCache() {
    return null;
  }

  /** The function's uri under the context's semantic hasher (computed once). */
  public FunctionUri uri() {
    FunctionUri u = uri;
    if (u == null) {
      u = function.uri(context.semanticHasher());
      uri = u;
    }
    return u;
  }

  /** The semantic hash of the function's name and input and output schemas. */
  public String signatureHash() {
    String h = signatureHash;
    if (h == null) {
      h = context.semanticHasher().hash(PacketLoop.signatureStructure(function)).toString();
      signatureHash = h;
    }
    return h;
  }

  /** The label: the function's canonical name. */
  public String label() {
    return function.canonicalName();
  }

  @Override
  public Object identityStructure() {
    return uri().identityStructure();
  }

  /**
   * The identity of this pod applied to {@code input}, Python's {@code (pod, frozenset({input}))};
   * pass the input's pipeline view for the pipeline identity.
   */
  public final Object identityOn(Object input) {
    Set<Object> inputs = new LinkedHashSet<>();
    inputs.add(input);
    return Identity.tuple(this, inputs);
  }

  /**
   * Checks that {@code packetSchema} provides every input column of the function with its type.
   *
   * @throws InputSchemaMismatchException naming the function, the column, expected and actual type
   */
  public void validateInputSchema(Schema packetSchema) {
    Schema expected = function.inputSchema();
    for (Field want : expected.fields()) {
      Field have = packetSchema.field(want.getName());
      String wantType = TypeMapping.pythonType(want).displayName();
      if (have == null) {
        if (expected.optionalFields().contains(want.getName())) {
          continue;
        }
        throw new InputSchemaMismatchException(
            function.canonicalName(),
            want.getName(),
            wantType,
            "no such column (it has " + packetSchema.names() + ")");
      }
      boolean sameType =
          TypeMapping.pythonTypeOf(have).equals(TypeMapping.pythonTypeOf(want))
              && (want.isNullable() || !have.isNullable());
      if (!sameType) {
        throw new InputSchemaMismatchException(
            function.canonicalName(),
            want.getName(),
            wantType,
            TypeMapping.pythonType(have).displayName());
      }
    }
  }

  /** Validates and combines the inputs into the one stream the pod reads. */
  public Stream input(List<Stream> inputs, BufferAllocator allocator) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException(
          "[Orcapod/NoInput] function pod '" + label() + "' needs at least one input stream");
    }
    Stream in = inputs.size() == 1 ? inputs.get(0) : combiner.combine(inputs, context, allocator);
    validateInputSchema(in.outputSchema().packet());
    return in;
  }

  /**
   * The output stream of this pod over {@code inputs}: validated now, computed on first read. The
   * caller closes it (never the inputs).
   */
  public FunctionPodStream process(BufferAllocator allocator, Stream... inputs) {
    return new FunctionPodStream(this, input(List.of(inputs), allocator), allocator);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + function + "]";
  }
}
