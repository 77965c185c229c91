package org.orcapod.schema;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which column groups a table, schema or key listing includes, as Python orcapod's {@code
 * ColumnConfig}: data columns always; meta ({@code __}) columns, the context column, source-info
 * columns, system-tag columns and a content-hash column on request; rows optionally sorted by tags.
 *
 * @param meta include all meta columns
 * @param metaColumns include these meta columns (names with or without {@code __}); ignored when
 *     {@code meta} is true
 * @param context include the {@code _context_key} column
 * @param source include the {@code _source_<col>} columns (packets only)
 * @param systemTags include the {@code _tag_…} system-tag columns (tags only)
 * @param contentHashColumn name of a per-row packet content-hash column to add, or null for none
 * @param sortByTags sort rows by the (included) tag columns
 */
public record ColumnConfig(
    boolean meta,
    Set<String> metaColumns,
    boolean context,
    boolean source,
    boolean systemTags,
    @Nullable String contentHashColumn,
    boolean sortByTags) {

  private static final ColumnConfig DATA_ONLY =
      new ColumnConfig(false, Set.of(), false, false, false, null, false);
  private static final ColumnConfig ALL =
      new ColumnConfig(true, Set.of(), true, true, true, SystemConstants.CONTENT_HASH_COLUMN, true);

  /** Normalises the meta column names (adds {@code __}) and copies the set. */
  public ColumnConfig {
    metaColumns =
        metaColumns.stream()
            .map(SystemConstants::metaColumn)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Data columns only (Python's default {@code ColumnConfig()}). */
  public static ColumnConfig dataOnly() {
    return DATA_ONLY;
  }

  /** Everything, as Python's {@code ColumnConfig.all()} / {@code all_info=True}. */
  public static ColumnConfig all() {
    return ALL;
  }

  /** This config with all meta columns included or not. */
  public ColumnConfig withMeta(boolean value) {
    return new ColumnConfig(
        value, metaColumns, context, source, systemTags, contentHashColumn, sortByTags);
  }

  /** This config including exactly these meta columns ({@code __} is added when missing). */
  public ColumnConfig withMetaColumns(Set<String> names) {
    return new ColumnConfig(
        false, names, context, source, systemTags, contentHashColumn, sortByTags);
  }

  /** This config with the context column included or not. */
  public ColumnConfig withContext(boolean value) {
    return new ColumnConfig(
        meta, metaColumns, value, source, systemTags, contentHashColumn, sortByTags);
  }

  /** This config with the source-info columns included or not. */
  public ColumnConfig withSource(boolean value) {
    return new ColumnConfig(
        meta, metaColumns, context, value, systemTags, contentHashColumn, sortByTags);
  }

  /** This config with the system-tag columns included or not. */
  public ColumnConfig withSystemTags(boolean value) {
    return new ColumnConfig(
        meta, metaColumns, context, source, value, contentHashColumn, sortByTags);
  }

  /** This config adding the content-hash column {@code _content_hash} or not. */
  public ColumnConfig withContentHash(boolean value) {
    return withContentHashColumn(value ? SystemConstants.CONTENT_HASH_COLUMN : null);
  }

  /** This config adding a content-hash column with the given name, or none when null. */
  public ColumnConfig withContentHashColumn(@Nullable String name) {
    return new ColumnConfig(meta, metaColumns, context, source, systemTags, name, sortByTags);
  }

  /** This config sorting rows by tag columns or not. */
  public ColumnConfig withSortByTags(boolean value) {
    return new ColumnConfig(
        meta, metaColumns, context, source, systemTags, contentHashColumn, value);
  }

  /** Whether the meta column {@code name} (with its {@code __} prefix) is included. */
  public boolean includesMeta(String name) {
    return meta || metaColumns.contains(name);
  }
}
