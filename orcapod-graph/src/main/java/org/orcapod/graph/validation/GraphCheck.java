package org.orcapod.graph.validation;

import org.orcapod.graph.PipelineGraph;

/** One whole-graph check. */
interface GraphCheck {
  void check(PipelineGraph graph, DiagnosticSink sink);
}
