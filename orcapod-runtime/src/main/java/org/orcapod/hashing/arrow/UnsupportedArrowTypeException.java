package org.orcapod.hashing.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Thrown when a column has an Arrow type that starfix 0.2.0 cannot hash (for example timestamp,
 * duration, interval, fixed-size list, map, union or the view types).
 *
 * <p>The hash of such a column is undefined in the reference implementation, so none is invented:
 * cast the column to a supported type (an integer for timestamps and durations, a list for
 * fixed-size lists) before hashing.
 */
public final class UnsupportedArrowTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final String path;
  private final String arrowType;

  UnsupportedArrowTypeException(String column, String path, ArrowType type, String what) {
    super(
        "column '"
            + column
            + "'"
            + (path.equals(column) ? "" : " (at starfix path '" + path + "')")
            + " has Arrow type "
            + type
            + ", which "
            + what
            + " (starfix 0.2.0, hash method arrow_v0.1); cast it to a supported type first"
            + " (integers, floats, bool, utf8, binary, date, time, decimal, fixed-size binary,"
            + " list, struct)");
    this.column = column;
    this.path = path;
    this.arrowType = type.toString();
  }

  /** The top-level column that holds the unsupported type. */
  public String column() {
    return column;
  }

  /** The starfix path of the offending field inside the column ({@code a/b} for struct child). */
  public String path() {
    return path;
  }

  /** The Arrow type that cannot be hashed, as text. */
  public String arrowType() {
    return arrowType;
  }
}
