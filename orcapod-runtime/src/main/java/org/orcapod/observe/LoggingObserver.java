package org.orcapod.observe;

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
 * database, for example {@code db.at(name, "_log")}, with {@code __log_id} as record id. A node's
 * rows are written in one batch when the node ends (also after a fail-fast failure). Cache hits
 * produce no log row: nothing ran.
 */
public final class LoggingObserver implements ExecutionObserver {
  /** The table name under each node's path, as Python's {@code DEFAULT_LOG_PATH}. */
  public static final String LOG_TABLE = "execution_logs";

  private static final Logger LOG = LoggerFactory.getLogger(LoggingObserver.class);

  private final ArrowDatabase database;
  private final BufferAllocator allocator;
  private volatile String runId = "";

  /**
   * @param logDatabase the database the rows go to (pre-scoped, e.g. {@code db.at(name, "_log")})
   * @param allocator memory for building each node's batch
   */
  public LoggingObserver(ArrowDatabase logDatabase, BufferAllocator allocator) {
    this.database = Objects.requireNonNull(logDatabase, "logDatabase");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
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
  public NodeExecutionListener contextualize(
      String nodeHash, String nodeLabel, List<String> pipelinePath) {
    return new NodeLogs(new LogContext(runId, nodeLabel, nodeHash), List.copyOf(pipelinePath));
  }

  /** The per-node listener: buffers the node's rows and writes them when the node ends. */
  private final class NodeLogs implements NodeExecutionListener {
    private final LogContext context;
    private final LogRowBuilder rows = new LogRowBuilder();
    private List<String> path;

    NodeLogs(LogContext context, List<String> path) {
      this.context = context;
      this.path = path;
    }

    @Override
    public PacketLogger createPacketLogger(Tag tag, Packet packet, List<String> pipelinePath) {
      Map<String, @Nullable String> tags = Rows.tagStrings(tag);
      synchronized (this) {
        path = List.copyOf(pipelinePath);
      }
      return fields -> {
        synchronized (NodeLogs.this) {
          rows.addRow(context, tags, fields);
        }
      };
    }

    @Override
    public synchronized void onNodeEnd(String nodeLabel, String nodeHash) {
      if (rows.rowCount() == 0) {
        return;
      }
      try (VectorSchemaRoot batch = rows.build(allocator)) {
        database.addRecords(logPath(path), batch, LogColumns.LOG_ID, false);
        database.flush();
      } catch (RuntimeException e) {
        LOG.warn(
            "[Orcapod/LogWriteFailed] could not write {} log rows of node '{}' to {}: {}",
            rows.rowCount(),
            nodeLabel,
            logPath(path),
            e.toString(),
            e);
      } finally {
        rows.clear();
      }
    }
  }
}
