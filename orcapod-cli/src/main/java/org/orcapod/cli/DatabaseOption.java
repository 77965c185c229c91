package org.orcapod.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.database.postgres.PostgresArrowDatabase;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * The {@code --database} option shared by the commands: a folder holding the embedded database file
 * {@value #EMBEDDED_FILE} (the default folder is {@value #DEFAULT}, as the samples use), an
 * embedded database file itself, or a {@code jdbc:postgresql:} URL.
 */
final class DatabaseOption {
  /** The default database folder, relative to the working directory. */
  static final String DEFAULT = "orcapod-data/db";

  /** The file name of the embedded database inside its folder. */
  static final String EMBEDDED_FILE = "orcapod.sqlite";

  @Option(
      names = "--database",
      paramLabel = "<folder|file|jdbc-url>",
      defaultValue = DEFAULT,
      description =
          "Folder of the embedded database (holding "
              + EMBEDDED_FILE
              + "), the database file itself, or a jdbc:postgresql://host/db?user=…&password=…"
              + " URL. Default: ${DEFAULT-VALUE}.")
  String database = DEFAULT;

  boolean isPostgres() {
    return database.startsWith("jdbc:postgresql:");
  }

  /** The embedded database file the option names. */
  Path embeddedFile() {
    Path p = Path.of(database);
    return Files.isRegularFile(p) ? p : p.resolve(EMBEDDED_FILE);
  }

  /** What to call the database in messages; a URL loses its query (user, password). */
  String describe() {
    if (isPostgres()) {
      int q = database.indexOf('?');
      return q < 0 ? database : database.substring(0, q);
    }
    return embeddedFile().toAbsolutePath().normalize().toString();
  }

  /** Opens the database, creating the embedded one if it does not exist yet. */
  ArrowDatabase openOrCreate(BufferAllocator allocator) {
    return open(allocator);
  }

  /**
   * Opens a database that must exist already.
   *
   * @throws CliException {@link ExitCodes#DATABASE} when the embedded file does not exist
   */
  ArrowDatabase openExisting(BufferAllocator allocator) {
    if (!isPostgres() && !Files.isRegularFile(embeddedFile())) {
      throw new CliException(
          ExitCodes.DATABASE,
          "no orcapod database at "
              + describe()
              + "; run a pipeline first (orcapod run) or pass the right --database");
    }
    return open(allocator);
  }

  private ArrowDatabase open(BufferAllocator allocator) {
    try {
      if (isPostgres()) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(database);
        return PostgresArrowDatabase.open(ds, allocator);
      }
      return EmbeddedArrowDatabase.open(embeddedFile().toAbsolutePath().normalize(), allocator);
    } catch (RuntimeException e) {
      throw new CliException(
          ExitCodes.DATABASE,
          "cannot open the database " + describe() + ": " + OrcapodCli.oneLine(e),
          e);
    }
  }
}
