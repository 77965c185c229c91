/**
 * Database benchmarks: each {@link org.orcapod.database.ArrowDatabase} beside raw JDBC on the same
 * rows, and the engine comparison behind the embedded default.
 *
 * <p>Plain main harnesses that print ratios measured in the same run.
 */
package org.orcapod.benchmarks.database;
