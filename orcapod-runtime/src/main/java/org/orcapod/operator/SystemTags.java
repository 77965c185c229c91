package org.orcapod.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.jspecify.annotations.Nullable;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.SystemConstants;

/**
 * System-tag column names and values as multi-input operators rewrite them: each input's {@code
 * _tag_…} columns get the suffix {@code ::<pipeline-hash-12>:<canonical position>}, and where two
 * inputs share a pipeline hash their paired (source id, record id) values are sorted per row so
 * that the result does not depend on input order (Python's {@code sort_system_tag_values}).
 */
final class SystemTags {
  private SystemTags() {}

  /** The suffix for an input with this pipeline-hash prefix at this canonical position. */
  static String suffix(String hash12, int position) {
    return SystemConstants.BLOCK_SEPARATOR + hash12 + SystemConstants.FIELD_SEPARATOR + position;
  }

  /** {@code name + suffix} for system-tag columns, others unchanged. */
  static String extended(String name, String suffix) {
    return SystemConstants.isSystemTagColumn(name) ? name + suffix : name;
  }

  /** A parsed {@code _tag_<field>::<provenance path>:<position>} name. */
  private record Parsed(String field, String path, int position) {}

  private static @Nullable Parsed parse(String name) {
    if (!SystemConstants.isSystemTagColumn(name)) {
      return null;
    }
    int colon = name.lastIndexOf(SystemConstants.FIELD_SEPARATOR);
    if (colon < 0) {
      return null;
    }
    String pos = name.substring(colon + 1);
    if (pos.isEmpty() || !pos.chars().allMatch(Character::isDigit)) {
      return null;
    }
    String base = name.substring(SystemConstants.SYSTEM_TAG_PREFIX.length(), colon);
    int sep = base.indexOf(SystemConstants.BLOCK_SEPARATOR);
    if (sep < 0) {
      return null;
    }
    return new Parsed(
        base.substring(0, sep),
        base.substring(sep + SystemConstants.BLOCK_SEPARATOR.length()),
        Integer.parseInt(pos));
  }

  /**
   * Sorts, per row, the (source id, record id) pairs of system-tag columns that differ only by
   * position; replaces the affected vectors in {@code vectors}. Only self-joins of streams with the
   * same pipeline hash have such groups.
   */
  static void sortSameProvenance(List<FieldVector> vectors, int rows, BufferAllocator allocator) {
    String sid =
        SystemConstants.SYSTEM_TAG_SOURCE_ID_PREFIX.substring(
            SystemConstants.SYSTEM_TAG_PREFIX.length());
    String rid =
        SystemConstants.SYSTEM_TAG_RECORD_ID_PREFIX.substring(
            SystemConstants.SYSTEM_TAG_PREFIX.length());
    Map<String, TreeMap<Integer, Map<String, Integer>>> groups = new HashMap<>();
    for (int i = 0; i < vectors.size(); i++) {
      Parsed p = parse(vectors.get(i).getName());
      if (p != null) {
        groups
            .computeIfAbsent(p.path(), k -> new TreeMap<>())
            .computeIfAbsent(p.position(), k -> new HashMap<>())
            .put(p.field(), i);
      }
    }
    for (TreeMap<Integer, Map<String, Integer>> positions : groups.values()) {
      if (positions.size() <= 1) {
        continue;
      }
      List<Map<String, Integer>> cols = new ArrayList<>(positions.values());
      int k = cols.size();
      @Nullable String[][] s = new String[k][rows];
      @Nullable String[][] r = new String[k][rows];
      for (int p = 0; p < k; p++) {
        read(vectors, cols.get(p).get(sid), s[p], rows);
        read(vectors, cols.get(p).get(rid), r[p], rows);
      }
      Comparator<@Nullable String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
      Integer[] order = new Integer[k];
      boolean changed = false;
      @Nullable String[][] s2 = new String[k][rows];
      @Nullable String[][] r2 = new String[k][rows];
      for (int row = 0; row < rows; row++) {
        for (int p = 0; p < k; p++) {
          order[p] = p;
        }
        final int fr = row;
        java.util.Arrays.sort(
            order,
            (x, y) -> {
              int c = nullsFirst.compare(s[x][fr], s[y][fr]);
              return c != 0 ? c : nullsFirst.compare(r[x][fr], r[y][fr]);
            });
        for (int p = 0; p < k; p++) {
          s2[p][row] = s[order[p]][row];
          r2[p][row] = r[order[p]][row];
          changed |= order[p] != p;
        }
      }
      if (changed) {
        for (int p = 0; p < k; p++) {
          write(vectors, cols.get(p).get(sid), s2[p], rows, allocator);
          write(vectors, cols.get(p).get(rid), r2[p], rows, allocator);
        }
      }
    }
  }

  private static void read(
      List<FieldVector> vectors, @Nullable Integer index, @Nullable String[] into, int rows) {
    if (index == null) {
      return;
    }
    FieldVector v = vectors.get(index);
    for (int i = 0; i < rows; i++) {
      Object o = ArrowValues.read(v, i);
      into[i] = o == null ? null : o.toString();
    }
  }

  private static void write(
      List<FieldVector> vectors,
      @Nullable Integer index,
      @Nullable String[] values,
      int rows,
      BufferAllocator allocator) {
    if (index == null) {
      return;
    }
    FieldVector old = vectors.get(index);
    FieldVector v = old.getField().createVector(allocator);
    try {
      v.setInitialCapacity(rows);
      v.allocateNew();
      for (int i = 0; i < rows; i++) {
        ArrowValues.write(v, i, values[i]);
      }
      v.setValueCount(rows);
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
    vectors.set(index, v);
    old.close();
  }
}
