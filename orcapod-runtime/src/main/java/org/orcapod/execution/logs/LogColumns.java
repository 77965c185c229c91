package org.orcapod.execution.logs;

import java.util.List;
import org.orcapod.execution.PacketLogger;

/**
 * Names of the log table's system columns. Every system column starts with {@link #PREFIX}; tag
 * columns keep their bare names, so the two never collide.
 */
public final class LogColumns {
  private LogColumns() {}

  /** The prefix of every system column. */
  public static final String PREFIX = "__";

  /** A unique id of the log row (a UUIDv7 string, so ids sort by time). */
  public static final String LOG_ID = "__log_id";

  /** The run the row belongs to. */
  public static final String RUN_ID = "__run_id";

  /** The label of the node that ran the packet. */
  public static final String NODE_LABEL = "__node_label";

  /** The content hash of the node that ran the packet. */
  public static final String NODE_HASH = "__node_hash";

  /** When the row was recorded: ISO-8601 in UTC with microseconds and a {@code +00:00} offset. */
  public static final String TIMESTAMP = "__timestamp";

  /** Captured standard output. */
  public static final String STDOUT = PREFIX + PacketLogger.STDOUT;

  /** Captured standard error. */
  public static final String STDERR = PREFIX + PacketLogger.STDERR;

  /** Captured log lines (Python orcapod calls this column {@code __python_logs}). */
  public static final String LOGS = PREFIX + PacketLogger.LOGS;

  /** The failure's stack trace; null on success. */
  public static final String TRACEBACK = PREFIX + PacketLogger.TRACEBACK;

  /** Whether the function returned normally (a boolean column). */
  public static final String SUCCESS = PREFIX + PacketLogger.SUCCESS;

  /** The context columns, in table order; they come first in every log row. */
  public static final List<String> CONTEXT =
      List.of(LOG_ID, RUN_ID, NODE_LABEL, NODE_HASH, TIMESTAMP);

  /** The column of a recorded field: its name with {@link #PREFIX}. */
  public static String forField(String fieldName) {
    return PREFIX + fieldName;
  }
}
