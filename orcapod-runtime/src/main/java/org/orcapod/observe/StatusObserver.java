package org.orcapod.observe;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.node.NodeExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each packet's state transitions, as Python orcapod's {@code StatusObserver}: {@code
 * RUNNING} when a packet starts, then {@code SUCCESS} (computed), {@code CACHED} (served from
 * stored results) or {@code FAILED} (the function threw). Append-only: a {@code RUNNING} row
 * without a later terminal row of the same run means the process died.
 *
 * <p>Rows live at {@code <pipeline path of the node>/execution_status} in the (pre-scoped) status
 * database, e.g. {@code db.at(name, "_status")}, with {@code _status_id} as record id. Columns, all
 * {@code large_utf8}: {@link #ID}, {@link #RUN_ID}, {@link #PIPELINE_URI}, {@link #STATE}, {@link
 * #TIMESTAMP}, {@link #ERROR_SUMMARY}, then the tag columns under their bare names.
 *
 * <p>Rows are written as events happen, in small groups: a node's buffered rows are written when
 * they reach {@code maxRows} (default {@value #DEFAULT_MAX_ROWS}), at the latest about {@code
 * maxDelay} (default 100 ms) after they were buffered, and when the node or the run ends. A process
 * that dies mid-node therefore leaves the rows of its finished packets (and its {@code RUNNING}
 * rows) in the database, minus at most the last {@code maxDelay}. {@code maxRows = 1} writes every
 * row at once.
 */
public final class StatusObserver implements ExecutionObserver {
  /** The table name under each node's path, as Python's {@code DEFAULT_STATUS_PATH}. */
  public static final String STATUS_TABLE = "execution_status";

  /** A UUIDv7 unique to the event. */
  public static final String ID = "_status_id";

  /** The run's id. */
  public static final String RUN_ID = "_status_run_id";

  /** {@code name@<snapshot hash>}, or empty outside a pipeline. */
  public static final String PIPELINE_URI = "_status_pipeline_uri";

  /** {@code RUNNING}, {@code SUCCESS}, {@code CACHED} or {@code FAILED}. */
  public static final String STATE = "_status_state";

  /** ISO-8601 UTC timestamp. */
  public static final String TIMESTAMP = "_status_timestamp";

  /** The exception's {@code toString()} on {@code FAILED}; null otherwise. */
  public static final String ERROR_SUMMARY = "_status_error_summary";

  /** The fixed columns, in table order. */
  public static final List<String> FIXED =
      List.of(ID, RUN_ID, PIPELINE_URI, STATE, TIMESTAMP, ERROR_SUMMARY);

  /** A packet's state. */
  public enum State {
    /** The packet started. */
    RUNNING,
    /** The function computed it. */
    SUCCESS,
    /** Stored results served it. */
    CACHED,
    /** The function threw. */
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(StatusObserver.class);

  /** Rows buffered per node before they are written at once. */
  public static final int DEFAULT_MAX_ROWS = 64;

  /** The longest a buffered row waits before it is written. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(100);

  private final ArrowDatabase database;
  private final BufferAllocator allocator;
  private final Clock clock;
  private final WriteBehind writes;
  private volatile String runId = "";
  private volatile String pipelineUri = "";

  /**
   * @param statusDatabase where rows go (pre-scoped, e.g. {@code db.at(name, "_status")})
   * @param allocator memory for building each node's batch
   */
  public StatusObserver(ArrowDatabase statusDatabase, BufferAllocator allocator) {
    this(statusDatabase, allocator, DEFAULT_MAX_DELAY, DEFAULT_MAX_ROWS);
  }

  /**
   * @param statusDatabase where rows go (pre-scoped, e.g. {@code db.at(name, "_status")})
   * @param allocator memory for building each group of rows
   * @param maxDelay the longest a row waits in the buffer (positive)
   * @param maxRows rows per node buffered before they are written at once (1: every row at once)
   */
  public StatusObserver(
      ArrowDatabase statusDatabase, BufferAllocator allocator, Duration maxDelay, int maxRows) {
    this.database = Objects.requireNonNull(statusDatabase, "statusDatabase");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    this.clock = Clock.systemUTC();
    this.writes = new WriteBehind(maxDelay, maxRows, "status");
  }

  /** The database the rows go to. */
  public ArrowDatabase database() {
    return database;
  }

  /** Where the rows of the node stored at {@code pipelinePath} live, relative to the database. */
  public static RecordPath statusPath(List<String> pipelinePath) {
    List<String> c = new ArrayList<>(pipelinePath);
    c.add(STATUS_TABLE);
    return new RecordPath(c);
  }

  /** The status rows of the node at {@code pipelinePath}, or null; the caller closes it. */
  public @Nullable VectorSchemaRoot status(List<String> pipelinePath, BufferAllocator target) {
    return database.getAllRecords(statusPath(pipelinePath), ID, target);
  }

  @Override
  public void onRunStart(String runId, String pipelineUri) {
    this.runId = runId;
    this.pipelineUri = pipelineUri;
  }

  @Override
  public void onRunEnd(String runId) {
    writes.stop();
  }

  @Override
  public NodeExecutionListener contextualize(
      String nodeHash, String nodeLabel, List<String> pipelinePath) {
    return new NodeStatus(runId, pipelineUri, nodeLabel, List.copyOf(pipelinePath));
  }

  private record Event(
      String id,
      State state,
      String timestamp,
      @Nullable String error,
      Map<String, @Nullable String> tags) {}

  /** The per-node listener: buffers the node's events and writes them in small groups. */
  private final class NodeStatus implements NodeExecutionListener, WriteBehind.Buffer {
    private final String run;
    private final String uri;
    private final String label;
    private final List<String> path;
    private List<Event> events = new ArrayList<>();

    NodeStatus(String run, String uri, String label, List<String> path) {
      this.run = run;
      this.uri = uri;
      this.label = label;
      this.path = path;
    }

    private void add(Tag tag, State state, @Nullable Throwable error) {
      long now = clock.millis();
      Event e =
          new Event(
              Rows.uuid7(now),
              state,
              Rows.timestamp(clock.instant()),
              error == null ? null : error.toString(),
              Rows.tagStrings(tag));
      boolean full;
      synchronized (this) {
        if (events.isEmpty()) {
          writes.add(this);
        }
        events.add(e);
        full = events.size() >= writes.maxRows();
      }
      if (full) {
        flush();
      }
    }

    @Override
    public void onPacketStart(Tag tag, Packet packet) {
      add(tag, State.RUNNING, null);
    }

    @Override
    public void onPacketEnd(Tag tag, Packet input, @Nullable Packet output, boolean cached) {
      add(tag, cached ? State.CACHED : State.SUCCESS, null);
    }

    @Override
    public void onPacketCrash(Tag tag, Packet packet, Throwable error) {
      add(tag, State.FAILED, error);
    }

    @Override
    public void onNodeEnd(String nodeLabel, String nodeHash) {
      flush();
      writes.remove(this);
    }

    /** Writes the buffered rows; one writer at a time, so rows reach the table in event order. */
    @Override
    public synchronized void flush() {
      List<Event> group = events;
      if (group.isEmpty()) {
        return;
      }
      events = new ArrayList<>();
      try (VectorSchemaRoot batch = build(group)) {
        database.addRecords(statusPath(path), batch, ID, false);
        database.flush();
      } catch (RuntimeException e) {
        LOG.warn(
            "[Orcapod/StatusWriteFailed] could not write {} status rows of node '{}' to {}: {}",
            group.size(),
            label,
            statusPath(path),
            e.toString(),
            e);
      }
    }

    private VectorSchemaRoot build(List<Event> events) {
      LinkedHashSet<String> tagNames = new LinkedHashSet<>();
      events.forEach(e -> tagNames.addAll(e.tags().keySet()));
      List<Field> fields = new ArrayList<>();
      for (String c : FIXED) {
        fields.add(Field.nullable(c, ArrowType.LargeUtf8.INSTANCE));
      }
      for (String t : tagNames) {
        fields.add(Field.nullable(t, ArrowType.LargeUtf8.INSTANCE));
      }
      VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
      try {
        int n = events.size();
        for (int i = 0; i < n; i++) {
          Event e = events.get(i);
          Rows.set(text(root, ID), i, e.id());
          Rows.set(text(root, RUN_ID), i, run);
          Rows.set(text(root, PIPELINE_URI), i, uri);
          Rows.set(text(root, STATE), i, e.state().name());
          Rows.set(text(root, TIMESTAMP), i, e.timestamp());
          Rows.set(text(root, ERROR_SUMMARY), i, e.error());
          for (String t : tagNames) {
            Rows.set(text(root, t), i, e.tags().get(t));
          }
        }
        root.getFieldVectors().forEach(v -> v.setValueCount(n));
        root.setRowCount(n);
        return root;
      } catch (RuntimeException ex) {
        root.close();
        throw ex;
      }
    }

    private LargeVarCharVector text(VectorSchemaRoot root, String name) {
      return (LargeVarCharVector) root.getVector(name);
    }
  }
}
