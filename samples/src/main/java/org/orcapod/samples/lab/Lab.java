package org.orcapod.samples.lab;

import org.orcapod.annotations.Apply;
import org.orcapod.annotations.Pipeline;
import org.orcapod.annotations.Source;

/**
 * Sample 1's pipeline, declared: lab measurements, and the conditions computed from them. The
 * annotation processor checks this declaration while the module compiles (node names, columns,
 * types); {@link LabSample} wires the same nodes through the runtime API until the processor
 * generates the implementation.
 */
@Pipeline(name = "lab")
public interface Lab {
  /** The measurements, tagged by experiment. */
  @Source
  Measurement measurements();

  /** Fahrenheit and the high-pressure flag of every measurement. */
  @Apply(LabFunctions.class)
  Conditions conditions(Measurement measurements);
}
