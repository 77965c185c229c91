package org.orcapod.observe;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the database-backed observers write their buffered rows: as soon as a node's buffer holds
 * {@code maxRows} rows, at the latest about {@code maxDelay} after a row was buffered (a daemon
 * timer flushes every buffer that period), when the node ends and when the run ends. {@code maxRows
 * = 1} writes every event at once and needs no timer.
 */
final class WriteBehind {
  /** A per-node buffer of rows. */
  interface Buffer {
    /** Writes what is buffered; never throws. */
    void flush();
  }

  private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

  private final Duration maxDelay;
  private final int maxRows;
  private final String name;
  private final Set<Buffer> buffers = ConcurrentHashMap.newKeySet();
  private @Nullable ScheduledExecutorService timer;

  WriteBehind(Duration maxDelay, int maxRows, String name) {
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxDelay.isNegative() || maxDelay.isZero()) {
      throw new IllegalArgumentException(
          "[Orcapod/InvalidWriteDelay] maxDelay must be positive, got " + maxDelay);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException(
          "[Orcapod/InvalidWriteBatch] maxRows must be at least 1, got " + maxRows);
    }
    this.maxRows = maxRows;
    this.name = name;
  }

  int maxRows() {
    return maxRows;
  }

  Duration maxDelay() {
    return maxDelay;
  }

  /** Starts flushing {@code b} on the timer (started on first use) until {@link #remove}. */
  void add(Buffer b) {
    buffers.add(b);
    if (maxRows > 1) {
      ensureTimer();
    }
  }

  /** Stops flushing {@code b} on the timer. */
  void remove(Buffer b) {
    buffers.remove(b);
  }

  private synchronized void ensureTimer() {
    if (timer != null) {
      return;
    }
    ScheduledExecutorService t =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread th = new Thread(r, "orcapod-" + name + "-writer");
              th.setDaemon(true);
              return th;
            });
    long period = Math.max(1, maxDelay.toMillis());
    t.scheduleWithFixedDelay(this::flushAll, period, period, TimeUnit.MILLISECONDS);
    timer = t;
  }

  /** Writes every registered buffer. */
  void flushAll() {
    for (Buffer b : buffers) {
      try {
        b.flush();
      } catch (RuntimeException e) {
        LOG.warn("[Orcapod/ObserverFlushFailed] {} rows not written: {}", name, e.toString(), e);
      }
    }
  }

  /** Writes every buffer, forgets them and stops the timer (the next {@link #add} restarts it). */
  void stop() {
    flushAll();
    buffers.clear();
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        // a flush the timer started just now ends before the caller closes the database
        t.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
