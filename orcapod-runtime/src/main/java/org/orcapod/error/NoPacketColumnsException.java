package org.orcapod.error;

import java.util.List;

/** Every column of the input was declared a tag, so rows would carry no packet data. */
public final class NoPacketColumnsException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  private final List<String> tagColumns;

  /** Creates the exception for input whose only data columns are {@code tagColumns}. */
  public NoPacketColumnsException(List<String> tagColumns) {
    super(
        "Orcapod/NoPacketColumns",
        "no packet columns: every data column "
            + tagColumns
            + " is a tag column. A stream needs at least one packet column; declare fewer tag"
            + " columns or add a data column.");
    this.tagColumns = List.copyOf(tagColumns);
  }

  /** The tag columns that left nothing for the packet. */
  public List<String> tagColumns() {
    return tagColumns;
  }
}
