package org.orcapod.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.execution.logs.LogColumns;
import org.orcapod.observe.LoggingObserver;
import org.orcapod.observe.StatusObserver;

/**
 * Reads the {@code _status} and {@code _log} tables of one pipeline from a database, without the
 * pipeline's class: the tables are found with {@link ArrowDatabase#recordPaths()} under {@code
 * <pipeline>/_status} and {@code <pipeline>/_log}, one per node (at the node's storage path).
 *
 * <p>Status rows carry no node label, so a node is named by the {@code __node_label} of its log
 * rows when it has any, else by the first component of its storage path (the function's name or the
 * operator's class); names that still collide get {@code #<n>} suffixes.
 */
final class PipelineTables {
  /** One status event. */
  record StatusRow(
      String id,
      String runId,
      String pipelineUri,
      String node,
      String state,
      String timestamp,
      @Nullable String error,
      Map<String, String> tags) {}

  /** One log row (one computed packet). */
  record LogRow(
      String id,
      String runId,
      String node,
      String timestamp,
      String stdout,
      String stderr,
      String logs,
      @Nullable String traceback,
      boolean success,
      Map<String, String> tags) {}

  private final List<StatusRow> status;
  private final List<LogRow> logs;

  private PipelineTables(List<StatusRow> status, List<LogRow> logs) {
    this.status = status;
    this.logs = logs;
  }

  /** Status events in the order they happened. */
  List<StatusRow> status() {
    return status;
  }

  /** Log rows in the order they were written. */
  List<LogRow> logs() {
    return logs;
  }

  /**
   * Reads the tables of {@code pipeline}.
   *
   * @throws CliException {@link ExitCodes#DATABASE} when the database has neither status nor log
   *     tables for that pipeline, naming the pipelines it has
   */
  static PipelineTables read(
      ArrowDatabase db, String pipeline, String where, BufferAllocator allocator) {
    List<List<String>> statusNodes =
        nodePaths(db.at(pipeline, "_status"), StatusObserver.STATUS_TABLE);
    List<List<String>> logNodes = nodePaths(db.at(pipeline, "_log"), LoggingObserver.LOG_TABLE);
    if (statusNodes.isEmpty() && logNodes.isEmpty()) {
      TreeSet<String> known = new TreeSet<>();
      for (RecordPath p : db.recordPaths()) {
        List<String> c = p.components();
        if (c.size() > 2 && (c.get(1).equals("_status") || c.get(1).equals("_log"))) {
          known.add(c.get(0));
        }
      }
      throw new CliException(
          ExitCodes.DATABASE,
          "the database "
              + where
              + " has no status or log tables for pipeline '"
              + pipeline
              + "'"
              + (known.isEmpty()
                  ? "; run it first with orcapod run"
                  : "; it has tables for: " + String.join(", ", known)));
    }
    ArrowDatabase logDb = db.at(pipeline, "_log");
    ArrowDatabase statusDb = db.at(pipeline, "_status");
    List<LogRow> logRows = new ArrayList<>();
    Map<List<String>, String> labels = new HashMap<>();
    for (List<String> node : logNodes) {
      try (VectorSchemaRoot r =
          logDb.getAllRecords(LoggingObserver.logPath(node), LogColumns.LOG_ID, allocator)) {
        if (r == null) {
          continue;
        }
        for (int i = 0; i < r.getRowCount(); i++) {
          String label = text(r, LogColumns.NODE_LABEL, i);
          if (label != null) {
            labels.putIfAbsent(node, label);
          }
        }
      }
    }
    Map<List<String>, String> names = names(statusNodes, logNodes, labels);
    for (List<String> node : logNodes) {
      try (VectorSchemaRoot r =
          logDb.getAllRecords(LoggingObserver.logPath(node), LogColumns.LOG_ID, allocator)) {
        if (r == null) {
          continue;
        }
        for (int i = 0; i < r.getRowCount(); i++) {
          Object success = value(r, LogColumns.SUCCESS, i);
          logRows.add(
              new LogRow(
                  orEmpty(text(r, LogColumns.LOG_ID, i)),
                  orEmpty(text(r, LogColumns.RUN_ID, i)),
                  names.get(node),
                  orEmpty(text(r, LogColumns.TIMESTAMP, i)),
                  orEmpty(text(r, LogColumns.STDOUT, i)),
                  orEmpty(text(r, LogColumns.STDERR, i)),
                  orEmpty(text(r, LogColumns.LOGS, i)),
                  text(r, LogColumns.TRACEBACK, i),
                  Boolean.TRUE.equals(success),
                  tags(r, i, c -> c.startsWith(LogColumns.PREFIX))));
        }
      }
    }
    List<StatusRow> statusRows = new ArrayList<>();
    for (List<String> node : statusNodes) {
      try (VectorSchemaRoot r =
          statusDb.getAllRecords(StatusObserver.statusPath(node), StatusObserver.ID, allocator)) {
        if (r == null) {
          continue;
        }
        for (int i = 0; i < r.getRowCount(); i++) {
          statusRows.add(
              new StatusRow(
                  orEmpty(text(r, StatusObserver.ID, i)),
                  orEmpty(text(r, StatusObserver.RUN_ID, i)),
                  orEmpty(text(r, StatusObserver.PIPELINE_URI, i)),
                  names.get(node),
                  orEmpty(text(r, StatusObserver.STATE, i)),
                  orEmpty(text(r, StatusObserver.TIMESTAMP, i)),
                  text(r, StatusObserver.ERROR_SUMMARY, i),
                  tags(r, i, StatusObserver.FIXED::contains)));
        }
      }
    }
    // UUIDv7 ids increase with time, so sorting by id gives the event order.
    statusRows.sort(Comparator.comparing(StatusRow::id));
    logRows.sort(Comparator.comparing(LogRow::id));
    return new PipelineTables(List.copyOf(statusRows), List.copyOf(logRows));
  }

  /** The id of the run with the latest event, or null when there are none. */
  @Nullable String lastRunId() {
    String last = null;
    String lastId = "";
    for (StatusRow s : status) {
      if (s.id().compareTo(lastId) > 0) {
        lastId = s.id();
        last = s.runId();
      }
    }
    for (LogRow l : logs) {
      if (l.id().compareTo(lastId) > 0) {
        lastId = l.id();
        last = l.runId();
      }
    }
    return last;
  }

  /** Whether {@code runId} is selected by the {@code --run} value (a full id or its prefix). */
  static boolean runMatches(@Nullable String wanted, String runId) {
    return wanted == null || runId.startsWith(wanted);
  }

  /** Tags as {@code k=v} pairs separated by commas. */
  static String formatTags(Map<String, String> tags) {
    StringBuilder b = new StringBuilder();
    tags.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append(", ");
          }
          b.append(k).append('=').append(v);
        });
    return b.toString();
  }

  private static List<List<String>> nodePaths(ArrowDatabase scoped, String table) {
    List<List<String>> out = new ArrayList<>();
    for (RecordPath p : scoped.recordPaths()) {
      List<String> c = p.components();
      if (c.size() > 1 && c.get(c.size() - 1).equals(table)) {
        out.add(c.subList(0, c.size() - 1));
      }
    }
    return out;
  }

  private static Map<List<String>, String> names(
      List<List<String>> statusNodes,
      List<List<String>> logNodes,
      Map<List<String>, String> labels) {
    TreeSet<List<String>> all = new TreeSet<>(Comparator.comparing(l -> String.join("/", l)));
    all.addAll(statusNodes);
    all.addAll(logNodes);
    Map<List<String>, String> base = new LinkedHashMap<>();
    Map<String, Integer> uses = new HashMap<>();
    for (List<String> node : all) {
      String name = labels.getOrDefault(node, node.get(0));
      base.put(node, name);
      uses.merge(name, 1, Integer::sum);
    }
    Map<List<String>, String> out = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    base.forEach(
        (node, name) -> {
          if (uses.get(name) > 1) {
            int n = seen.merge(name, 1, Integer::sum);
            out.put(node, name + "#" + n);
          } else {
            out.put(node, name);
          }
        });
    return out;
  }

  private static Map<String, String> tags(
      VectorSchemaRoot r, int row, java.util.function.Predicate<String> notTag) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldVector v : r.getFieldVectors()) {
      String name = v.getName();
      if (!notTag.test(name)) {
        Object o = v.getObject(row);
        out.put(name, o == null ? "null" : o.toString());
      }
    }
    return out;
  }

  private static @Nullable Object value(VectorSchemaRoot r, String column, int row) {
    FieldVector v = r.getVector(column);
    return v == null ? null : v.getObject(row);
  }

  private static @Nullable String text(VectorSchemaRoot r, String column, int row) {
    Object o = value(r, column, row);
    return o == null ? null : o.toString();
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
