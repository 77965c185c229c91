package org.orcapod.execution.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.PacketLogger;

/** A packet logger that keeps every record, as an observer's per-packet logger would write it. */
final class RecordingLogger implements PacketLogger {
  private final List<Map<String, @Nullable Object>> records = new ArrayList<>();

  @Override
  public synchronized void record(Map<String, @Nullable Object> fields) {
    records.add(fields);
  }

  synchronized List<Map<String, @Nullable Object>> records() {
    return List.copyOf(records);
  }

  /** The single record; fails if there is not exactly one. */
  synchronized Map<String, @Nullable Object> only() {
    if (records.size() != 1) {
      throw new AssertionError("expected exactly one record but got " + records);
    }
    return records.get(0);
  }
}
