package org.orcapod.database;

import java.util.Collection;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;

/**
 * Stores Arrow rows under a record path, each row identified by a record id: the Java counterpart
 * of Python orcapod's {@code ArrowDatabaseProtocol}.
 *
 * <h2>Writes are buffered</h2>
 *
 * {@link #addRecords} validates the rows and copies them into a pending batch; they are visible to
 * every read at once, and reach storage on {@link #flush()}. A call that fails validation changes
 * nothing, and a flush is atomic: it writes all pending rows of all paths or none (then the rows
 * stay pending and the flush can be retried). A record id is stored at most once per path: with
 * {@code skipDuplicates} a row whose id is already stored or pending is dropped, otherwise a
 * pending id is an error ({@link DuplicateRecordException}) and a stored one is replaced on flush.
 * Within one call the last row of an id wins.
 *
 * <h2>Ownership</h2>
 *
 * The database copies what it is given: the caller keeps ownership of the roots it passes in and
 * may close them right after the call. Every root a read returns is allocated from the allocator
 * the caller passes to that read and belongs to the caller, who must close it. A read that finds
 * nothing returns {@code null}.
 *
 * <h2>Columns</h2>
 *
 * Results hold the stored columns in the order they were first written. When a read is given a
 * {@code recordIdColumn} name, the record ids come first as a {@code large_utf8} column of that
 * name; otherwise they are left out. The order of rows is not part of the contract.
 *
 * <h2>Views</h2>
 *
 * {@link #at} returns a view whose paths are prefixed by more components; all views of one database
 * share its storage and its pending batch, so {@link #flush()} on any view flushes all. Only the
 * database that was opened owns resources; {@link #close()} on a view does nothing. Implementations
 * are safe for use by several threads.
 */
public interface ArrowDatabase extends AutoCloseable {
  /** Name of the stored record-id column, as in Python orcapod. */
  String RECORD_ID_COLUMN = "__record_id";

  /**
   * Adds the rows of {@code record}, all under one {@code recordId}; with several rows, the last
   * wins.
   */
  void addRecord(
      RecordPath recordPath, String recordId, VectorSchemaRoot record, boolean skipDuplicates);

  /**
   * Adds the rows of {@code records}, whose column {@code recordIdColumn} (utf8 or large_utf8, no
   * nulls) holds each row's record id; the other columns are stored.
   *
   * @throws InvalidRecordPathException if the path is empty or too deep
   * @throws InvalidRecordsException if the id column is missing or holds nulls, or the columns
   *     differ from those stored under the path
   */
  void addRecords(
      RecordPath recordPath,
      VectorSchemaRoot records,
      String recordIdColumn,
      boolean skipDuplicates);

  /** The rows of one record id, or {@code null}. */
  @Nullable VectorSchemaRoot getRecordById(
      RecordPath recordPath,
      String recordId,
      @Nullable String recordIdColumn,
      BufferAllocator allocator);

  /** The rows of the given record ids that exist, or {@code null} if none does. */
  @Nullable VectorSchemaRoot getRecordsByIds(
      RecordPath recordPath,
      Collection<String> recordIds,
      @Nullable String recordIdColumn,
      BufferAllocator allocator);

  /** Every row stored or pending under the path, or {@code null} if there is none. */
  @Nullable VectorSchemaRoot getAllRecords(
      RecordPath recordPath, @Nullable String recordIdColumn, BufferAllocator allocator);

  /**
   * The rows whose columns equal all the given values, or {@code null}. Values are compared as Java
   * values: {@link String} for utf8, {@link Long}/{@link Integer}/… for integers, {@link
   * Double}/{@link Float} for floats, {@link Boolean}, {@code byte[]} for binary, {@link
   * java.time.LocalDate} for dates, {@link java.math.BigDecimal} for decimals; {@code null} matches
   * null cells. Nested columns cannot be compared.
   *
   * @throws InvalidRecordsException if a column does not exist or cannot be compared
   */
  @Nullable VectorSchemaRoot getRecordsWithColumnValue(
      RecordPath recordPath,
      Map<String, ? extends @Nullable Object> columnValues,
      @Nullable String recordIdColumn,
      BufferAllocator allocator);

  /**
   * The rows, stored or pending, whose text column {@code column} holds one of {@code values}, or
   * {@code null} if none does: a keyed read that touches only the matching rows (SQL databases
   * index the column on first use; the in-memory database keeps a hash index), for lookups such as
   * a result cache's by input packet hash. Null cells never match. A path with nothing stored
   * yields {@code null}, as does an empty {@code values}.
   *
   * @throws InvalidRecordsException if the column does not exist under the path or is not utf8 or
   *     large_utf8
   */
  @Nullable VectorSchemaRoot getRecordsWithColumnValues(
      RecordPath recordPath,
      String column,
      Collection<String> values,
      @Nullable String recordIdColumn,
      BufferAllocator allocator);

  /**
   * The record paths under this view that hold rows, stored or pending, relative to {@link
   * #basePath()} and sorted by {@link RecordPath#key()}: how tools find tables whose paths they
   * cannot compute, such as the status and log tables of every node of a pipeline.
   */
  java.util.List<RecordPath> recordPaths();

  /** Writes all pending rows of all views to storage, atomically. */
  void flush();

  /** The prefix this view adds to every path; empty for the database that was opened. */
  RecordPath basePath();

  /** A view of this database whose paths are prefixed by {@code basePath() + components}. */
  ArrowDatabase at(String... components);

  /**
   * On the opened database: flushes pending rows, then releases its resources (also when the flush
   * fails, whose exception is then thrown). On a view: nothing.
   */
  @Override
  void close();
}
