package org.orcapod.pipeline.validation;

import java.util.List;
import org.orcapod.error.OrcapodException;
import org.orcapod.graph.Diagnostic;
import org.orcapod.graph.DiagnosticKind;

/**
 * A pipeline built through the runtime API failed the graph validators of {@code orcapod-graph}
 * (the ones the annotation processor runs at build time); nothing was created or written.
 *
 * <p>The message lists every diagnostic, one a line, as {@code node '<label>': [Orcapod/<Id>]
 * <text>}, where the text is exactly what the processor reports for the same mistake.
 */
public final class PipelineValidationException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  /** The id of this exception; each diagnostic carries its own {@code [Orcapod/…]} id too. */
  public static final String ID = "Orcapod/InvalidPipeline";

  private final String pipeline;
  private final transient List<Diagnostic> diagnostics;

  /** Creates the exception for pipeline {@code pipeline} with at least one diagnostic. */
  public PipelineValidationException(String pipeline, List<Diagnostic> diagnostics) {
    super(ID, message(pipeline, diagnostics));
    this.pipeline = pipeline;
    this.diagnostics = List.copyOf(diagnostics);
  }

  private static String message(String pipeline, List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one diagnostic");
    }
    StringBuilder sb =
        new StringBuilder("pipeline '")
            .append(pipeline)
            .append("' is not valid (")
            .append(diagnostics.size())
            .append(diagnostics.size() == 1 ? " problem" : " problems")
            .append("); compile() created and wrote nothing:");
    for (Diagnostic d : diagnostics) {
      sb.append("\n  node '").append(d.anchor().node()).append("': ").append(d.render());
    }
    return sb.toString();
  }

  /** The pipeline's name. */
  public String pipeline() {
    return pipeline;
  }

  /** Every problem found, in node order; each names its node by label. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The kinds of the problems, in the order of {@link #diagnostics()}. */
  public List<DiagnosticKind> kinds() {
    return diagnostics.stream().map(Diagnostic::kind).toList();
  }
}
