/**
 * JMH benchmarks of orcapod's hot paths, each beside a baseline measured in the same run.
 *
 * <p>Results are ratios, so a noisy shared machine still gives comparable numbers.
 */
package org.orcapod.benchmarks;
