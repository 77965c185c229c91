package org.orcapod.cli;

/** The exit codes of the {@code orcapod} command, documented in docs/cli.md. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The pipeline ran and a node or a packet failed (or another unexpected error occurred). */
  public static final int PIPELINE_FAILED = 1;

  /** The command line was wrong; the usage text is printed (picocli's default code). */
  public static final int USAGE = 2;

  /**
   * The pipeline class could not be used: not found, not a {@link
   * org.orcapod.pipeline.PipelineDefinition}, no public no-argument constructor, or its {@code
   * define} threw.
   */
  public static final int DEFINITION = 3;

  /** The database is missing or unreadable, or holds no tables of the named pipeline. */
  public static final int DATABASE = 4;

  /** An external tool or library the command needs is missing (Graphviz {@code dot}, Ray). */
  public static final int MISSING_TOOL = 5;

  private ExitCodes() {}
}
