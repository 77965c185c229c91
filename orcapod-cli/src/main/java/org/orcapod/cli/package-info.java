/**
 * The {@code orcapod} command line: runs a {@link org.orcapod.pipeline.PipelineDefinition} by class
 * name, reads a pipeline's status and log tables, draws its DAG and reports its cache.
 *
 * <p>{@link org.orcapod.cli.OrcapodCli} is the entry point; every subcommand returns one of the
 * {@link org.orcapod.cli.ExitCodes} and reports an expected failure as one line on standard error.
 */
@NullMarked
package org.orcapod.cli;

import org.jspecify.annotations.NullMarked;
