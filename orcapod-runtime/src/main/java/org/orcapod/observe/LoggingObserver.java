package org.orcapod.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.logs.LogColumns;
import org.orcapod.execution.logs.LogContext;
import org.orcapod.execution.logs.LogRowBuilder;
import org.orcapod.node.NodeExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one log row per computed packet into a log database, as Python orcapod's {@code
 * LoggingObserver}: what the executor recorded (stdout, stderr, log lines, traceback, success and
 * any other field) with the run and node identity and the packet's tag values, laid out by {@link
 * LogRowBuilder}.
 *
 * <p>Rows live at {@code <pipeline path of the node>/execution_logs} inside the (pre-scoped) log
 * database, for example {@code db.at(name, "_log")}, with {@code __log_id} as record id. Cache hits
 * produce no log row: nothing ran.
 *
 * <p>A row is buffered when its packet ends and written in small groups, as {@link StatusObserver}:
 * when a node has {@code maxRows} (default {@value StatusObserver#DEFAULT_MAX_ROWS}) rows buffered,
 * at the latest about {@code maxDelay} (default 100 ms) later, and when the node or the run ends; a
 * process that dies mid-node leaves the rows of its finished packets in the database.
 */
public final class LoggingObserver implements ExecutionObserver {
  /** The table name under each node's path, as Python's {@code DEFAULT_LOG_PATH}. */
  public static final String LOG_TABLE = "execution_logs";

  private static final Logger LOG = LoggerFactory.getLogger(LoggingObserver.class);

  private final ArrowDatabase database;
  private final BufferAllocator allocator;
  private final WriteBehind writes;
  private volatile String runId = "";

  /**
   * @param logDatabase the database the rows go to (pre-scoped, e.g. {@code db.at(name, "_log")})
   * @param allocator memory for building each node's batch
   */
  public LoggingObserver(ArrowDatabase logDatabase, BufferAllocator allocator) {
    this(logDatabase, allocator, StatusObserver.DEFAULT_MAX_DELAY, StatusObserver.DEFAULT_MAX_ROWS);
  }

  /**
   * @param logDatabase the database the rows go to (pre-scoped, e.g. {@code db.at(name, "_log")})
   * @param allocator memory for building each group of rows
   * @param maxDelay the longest a row waits in the buffer (positive)
   * @param maxRows rows per node buffered before they are written at once (1: every row at once)
   */
  public LoggingObserver(
      ArrowDatabase logDatabase, BufferAllocator allocator, Duration maxDelay, int maxRows) {
    this.database = Objects.requireNonNull(logDatabase, "logDatabase");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    this.writes = new WriteBehind(maxDelay, maxRows, "log");
  }

  /** The database the rows go to. */
  public ArrowDatabase database() {
    return database;
  }

  /** Where the rows of the node stored at {@code pipelinePath} live, relative to the database. */
  public static RecordPath logPath(List<String> pipelinePath) {
    List<String> c = new ArrayList<>(pipelinePath);
    c.add(LOG_TABLE);
    return new RecordPath(c);
  }

  /**
   * The log rows of the node stored at {@code pipelinePath} (with {@code __log_id}), or null when
   * it has none; the caller closes the result.
   */
  public @Nullable VectorSchemaRoot logs(List<String> pipelinePath, BufferAllocator target) {
    return database.getAllRecords(logPath(pipelinePath), LogColumns.LOG_ID, target);
  }

  @Override
  public void onRunStart(String runId, String pipelineUri) {
    this.runId = runId;
  }

  @Override
  public void onRunEnd(String runId) {
    writes.stop();
  }

  @Override
  public NodeExecutionListener contextualize(
      String nodeHash, String nodeLabel, List<String> pipelinePath) {
    return new NodeLogs(
        new LogContext(runId, nodeLabel, nodeHash), nodeLabel, List.copyOf(pipelinePath));
  }

  /** The per-node listener: buffers the node's rows and writes them in small groups. */
  private final class NodeLogs implements NodeExecutionListener, WriteBehind.Buffer {
    private final LogContext context;
    private final String label;
    private LogRowBuilder rows = new LogRowBuilder();
    private List<String> path;

    NodeLogs(LogContext context, String label, List<String> path) {
      this.context = context;
      this.label = label;
      this.path = path;
    }

    @Override
    public PacketLogger createPacketLogger(Tag tag, Packet packet, List<String> pipelinePath) {
      Map<String, @Nullable String> tags = Rows.tagStrings(tag);
      synchronized (this) {
        path = List.copyOf(pipelinePath);
      }
      return fields -> {
        boolean full;
        synchronized (NodeLogs.this) {
          if (rows.rowCount() == 0) {
            writes.add(NodeLogs.this);
          }
          rows.addRow(context, tags, fields);
          full = rows.rowCount() >= writes.maxRows();
        }
        if (full) {
          flush();
        }
      };
    }

    @Override
    public void onNodeEnd(String nodeLabel, String nodeHash) {
      flush();
      writes.remove(this);
    }

    @Override
    public synchronized void flush() {
      LogRowBuilder group = rows;
      if (group.rowCount() == 0) {
        return;
      }
      rows = new LogRowBuilder();
      try (VectorSchemaRoot batch = group.build(allocator)) {
        database.addRecords(logPath(path), batch, LogColumns.LOG_ID, false);
        database.flush();
      } catch (RuntimeException e) {
        LOG.warn(
            "[Orcapod/LogWriteFailed] could not write {} log rows of node '{}' to {}: {}",
            group.rowCount(),
            label,
            logPath(path),
            e.toString(),
            e);
      }
    }
  }
}
