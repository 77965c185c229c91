package org.orcapod.operator.kernel;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * An inner (or semi) equi-join of two tables over key columns: a hash table over the row indices of
 * the right side's keys, probed with the left side's rows.
 *
 * <p>The matches come out in left-row order and, for one left row, in right-row order. Rows with a
 * null key match nothing. With no key columns every left row matches every right row (a cartesian
 * product).
 */
public final class HashJoin {
  private HashJoin() {}

  /**
   * The matching row pairs.
   *
   * @param left the left row indices of the matches
   * @param right the right row indices of the matches, parallel to {@code left}
   */
  public record Matches(int[] left, int[] right) {
    /** The number of matched pairs. */
    public int size() {
      return left.length;
    }
  }

  /** All pairs (l, r) whose keys are equal, in left order then right order. */
  public static Matches inner(
      List<FieldVector> leftKeys, int leftRows, List<FieldVector> rightKeys, int rightRows) {
    if (leftKeys.isEmpty()) {
      return cartesian(leftRows, rightRows);
    }
    Index index = new Index(rightKeys, rightRows);
    boolean[] leftNull = new boolean[leftRows];
    long[] lh = KeyColumns.hashRows(leftKeys, leftRows, leftNull);
    KeyColumns.RowEquals eq = KeyColumns.equality(leftKeys, rightKeys);
    IntBuffer outL = new IntBuffer(Math.max(16, Math.min(leftRows, rightRows)));
    IntBuffer outR = new IntBuffer(Math.max(16, Math.min(leftRows, rightRows)));
    for (int l = 0; l < leftRows; l++) {
      if (leftNull[l]) {
        continue;
      }
      long h = lh[l];
      for (int r = index.first(h); r >= 0; r = index.next[r]) {
        if (index.hashes[r] == h && eq.test(l, r)) {
          outL.add(l);
          outR.add(r);
        }
      }
    }
    return new Matches(outL.toArray(), outR.toArray());
  }

  /** The left rows that have at least one match on the right, in left order. */
  public static int[] semi(
      List<FieldVector> leftKeys, int leftRows, List<FieldVector> rightKeys, int rightRows) {
    if (leftKeys.isEmpty()) {
      int[] all = new int[rightRows == 0 ? 0 : leftRows];
      Arrays.setAll(all, i -> i);
      return all;
    }
    Index index = new Index(rightKeys, rightRows);
    boolean[] leftNull = new boolean[leftRows];
    long[] lh = KeyColumns.hashRows(leftKeys, leftRows, leftNull);
    KeyColumns.RowEquals eq = KeyColumns.equality(leftKeys, rightKeys);
    IntBuffer out = new IntBuffer(Math.max(16, leftRows));
    for (int l = 0; l < leftRows; l++) {
      if (leftNull[l]) {
        continue;
      }
      long h = lh[l];
      for (int r = index.first(h); r >= 0; r = index.next[r]) {
        if (index.hashes[r] == h && eq.test(l, r)) {
          out.add(l);
          break;
        }
      }
    }
    return out.toArray();
  }

  private static Matches cartesian(int leftRows, int rightRows) {
    int n = Math.multiplyExact(leftRows, rightRows);
    int[] l = new int[n];
    int[] r = new int[n];
    int k = 0;
    for (int i = 0; i < leftRows; i++) {
      for (int j = 0; j < rightRows; j++) {
        l[k] = i;
        r[k] = j;
        k++;
      }
    }
    return new Matches(l, r);
  }

  /** Chained buckets over row indices; chains hold rows in ascending order. */
  private static final class Index {
    private final int[] heads;
    private final int[] next;
    private final long[] hashes;
    private final int mask;

    Index(List<FieldVector> keys, int rows) {
      boolean[] isNull = new boolean[rows];
      this.hashes = KeyColumns.hashRows(keys, rows, isNull);
      int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
      this.heads = new int[capacity];
      this.mask = capacity - 1;
      this.next = new int[rows];
      Arrays.fill(heads, -1);
      // Insert from the last row so that each chain lists rows in ascending order.
      for (int r = rows - 1; r >= 0; r--) {
        if (isNull[r]) {
          continue;
        }
        int b = (int) hashes[r] & mask;
        next[r] = heads[b];
        heads[b] = r;
      }
    }

    int first(long hash) {
      return heads[(int) hash & mask];
    }
  }

  /** A growable int array. */
  private static final class IntBuffer {
    private int[] data;
    private int size;

    IntBuffer(int capacity) {
      data = new int[capacity];
    }

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
