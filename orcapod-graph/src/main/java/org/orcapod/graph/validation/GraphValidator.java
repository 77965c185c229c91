package org.orcapod.graph.validation;

import org.orcapod.graph.PipelineGraph;

/**
 * Validates a pipeline graph: unique names and labels, known upstream nodes, no cycles, and per
 * node kind the columns, types and nullability of its inputs and declared row. The annotation
 * processor runs it at build time and the runtime when a pipeline is built through its API, so both
 * report the same {@code [Orcapod/…]} messages.
 */
public final class GraphValidator {
  private GraphValidator() {}

  /** Runs every check; the result lists all problems found and every predicted schema. */
  public static ValidationResult validate(PipelineGraph graph) {
    DiagnosticSink sink = new DiagnosticSink();
    new DuplicateLabelValidator().check(graph, sink);
    new UpstreamValidator().check(graph, sink);
    new CycleValidator().check(graph, sink);
    SchemaValidator schemas = new SchemaValidator();
    schemas.check(graph, sink);
    return new ValidationResult(sink.diagnostics(), schemas.schemas());
  }
}
