package org.orcapod.source;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The options every root-source builder shares: tag columns, system-tag columns, source id and
 * record-id column. Each concrete builder documents its own defaults and adds its own options.
 *
 * @param <B> the concrete builder, which every setter returns so calls chain
 */
public abstract class SourceOptions<B extends SourceOptions<B>> {
  private @Nullable List<String> tagColumns;
  private List<String> systemTagColumns = List.of();
  private @Nullable String sourceId;
  private @Nullable String recordIdColumn;

  SourceOptions() {}

  /** This builder, typed as the concrete builder. */
  abstract B self();

  /** The tag columns. */
  public B tagColumns(Collection<String> names) {
    this.tagColumns = List.copyOf(names);
    return self();
  }

  /** The tag columns. */
  public B tagColumns(String... names) {
    return tagColumns(List.of(names));
  }

  /** User columns to turn into system tags. */
  public B systemTagColumns(Collection<String> names) {
    this.systemTagColumns = List.copyOf(names);
    return self();
  }

  /** The source id (the default depends on the source). */
  public B sourceId(@Nullable String id) {
    this.sourceId = id;
    return self();
  }

  /** The column whose values name records ({@code col=value}); default {@code row_<i>}. */
  public B recordIdColumn(@Nullable String column) {
    this.recordIdColumn = column;
    return self();
  }

  /** The tag columns given, or null when none were. */
  final @Nullable List<String> givenTagColumns() {
    return tagColumns;
  }

  /** The tag columns given, or none. */
  final List<String> tagColumnsOrNone() {
    return tagColumns == null ? List.of() : tagColumns;
  }

  final List<String> givenSystemTagColumns() {
    return systemTagColumns;
  }

  final @Nullable String givenSourceId() {
    return sourceId;
  }

  final @Nullable String givenRecordIdColumn() {
    return recordIdColumn;
  }
}
