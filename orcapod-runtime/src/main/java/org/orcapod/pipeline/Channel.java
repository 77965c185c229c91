package org.orcapod.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A bounded channel between two concurrently running nodes, as Python orcapod's async channels:
 * {@link #send} blocks while the channel is full (backpressure), {@link #receive} blocks while it
 * is empty and open, and {@link #close} ends the stream (receivers drain what is left, then get
 * empty). Several consumers of one producer each get their own channel, fed by {@link #broadcast}.
 *
 * @param <T> the item type
 */
public final class Channel<T> {
  private final int capacity;
  private final ArrayDeque<T> items;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private boolean closed;
  private int highWaterMark;

  /**
   * A channel holding at most {@code capacity} items.
   *
   * @throws IllegalArgumentException if {@code capacity < 1}
   */
  public Channel(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "[Orcapod/InvalidChannelCapacity] a channel needs room for at least one item, got "
              + capacity);
    }
    this.capacity = capacity;
    this.items = new ArrayDeque<>(capacity);
  }

  /** The most items the channel holds before {@link #send} blocks. */
  public int capacity() {
    return capacity;
  }

  /**
   * Adds {@code item}, waiting while the channel is full.
   *
   * @return false if the channel was closed (the item is dropped)
   */
  public boolean send(T item) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!closed && items.size() >= capacity) {
        notFull.await();
      }
      if (closed) {
        return false;
      }
      items.addLast(item);
      highWaterMark = Math.max(highWaterMark, items.size());
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The next item, waiting while the channel is empty and open; empty once closed and drained. */
  public Optional<T> receive() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (items.isEmpty() && !closed) {
        notEmpty.await();
      }
      T item = items.pollFirst();
      if (item != null) {
        notFull.signal();
      }
      return Optional.ofNullable(item);
    } finally {
      lock.unlock();
    }
  }

  /** Ends the channel: later sends are dropped, waiting senders and receivers wake up. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      notFull.signalAll();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes the channel and takes out every item still waiting, handing each to {@code dropped}
   * (e.g. to release its memory); a cancelled run calls this so no buffered item leaks.
   *
   * @return how many items were dropped
   */
  public int cancel(Consumer<? super T> dropped) {
    List<T> left;
    lock.lock();
    try {
      closed = true;
      left = new ArrayList<>(items);
      items.clear();
      notFull.signalAll();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
    left.forEach(dropped);
    return left.size();
  }

  /** Whether {@link #close} or {@link #cancel} was called. */
  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** The most items the channel ever held at once (never more than {@link #capacity}). */
  public int highWaterMark() {
    lock.lock();
    try {
      return highWaterMark;
    } finally {
      lock.unlock();
    }
  }

  /** The number of items waiting. */
  public int size() {
    lock.lock();
    try {
      return items.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends {@code item} to every channel in order (each consumer of a producer has its own), waiting
   * on each full one.
   *
   * @return how many channels took it (closed ones drop it)
   */
  public static <T> int broadcast(List<Channel<T>> channels, T item) throws InterruptedException {
    int n = 0;
    for (Channel<T> c : channels) {
      if (c.send(item)) {
        n++;
      }
    }
    return n;
  }
}
