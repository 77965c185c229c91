package org.orcapod.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code orcapod} command: {@code run}, {@code status}, {@code logs}, {@code dag} and {@code
 * cache}. {@link #execute} runs it with the given writers and returns the exit code ({@link
 * ExitCodes}); {@link #main} is the only place that exits the JVM.
 */
@Command(
    name = "orcapod",
    mixinStandardHelpOptions = true,
    versionProvider = OrcapodCli.Version.class,
    description = "Runs orcapod pipelines and inspects what they stored.",
    subcommands = {
      RunCommand.class,
      StatusCommand.class,
      LogsCommand.class,
      DagCommand.class,
      CacheCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the pipeline failed (a node or a packet threw)",
      "2:usage error",
      "3:the pipeline class cannot be used",
      "4:the database or the pipeline's tables are missing",
      "5:an external tool is missing (Graphviz dot, Ray)"
    })
public final class OrcapodCli implements Runnable {
  @Spec @Nullable CommandSpec spec;

  /** Used by picocli. */
  public OrcapodCli() {}

  @Override
  public void run() {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    throw new ParameterException(
        s.commandLine(), "Missing command: choose one of run, status, logs, dag, cache");
  }

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    Charset cs = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command with {@code args}, writing results to {@code out} and messages to {@code err}.
   *
   * @return the exit code (see {@link ExitCodes})
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return commandLine(out, err).execute(args);
  }

  /** The configured command line, writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new OrcapodCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // Every usage error prints the message, any "did you mean" suggestion and the usage text.
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          PrintWriter w = c.getErr();
          w.println(ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
          c.usage(w);
          w.flush();
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter w = commandLine.getErr();
          if (e instanceof CliException c) {
            w.println("error: " + c.getMessage());
            w.flush();
            return c.exitCode();
          }
          w.println("error: " + oneLine(e));
          w.flush();
          return ExitCodes.PIPELINE_FAILED;
        });
    return cl;
  }

  /** The message of {@code e} (or its type) on one line. */
  static String oneLine(Throwable e) {
    String m = e.getMessage();
    String text = m == null || m.isBlank() ? e.getClass().getName() : m;
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = OrcapodCli.class.getPackage().getImplementationVersion();
      return new String[] {"orcapod " + (v == null ? "(development build)" : v)};
    }
  }
}
