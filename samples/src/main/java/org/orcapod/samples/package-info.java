/**
 * Realistic pipelines written the way a scientist writes them, runnable from a fresh clone.
 *
 * <p>They double as end-to-end tests of the processor and the runtime.
 */
package org.orcapod.samples;
