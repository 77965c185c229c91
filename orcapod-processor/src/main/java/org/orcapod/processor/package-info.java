/**
 * The annotation processor that generates typed pod and pipeline classes from orcapod annotations.
 *
 * <p>It validates every element and the pipeline graph, and writes nothing when any check fails.
 */
package org.orcapod.processor;
