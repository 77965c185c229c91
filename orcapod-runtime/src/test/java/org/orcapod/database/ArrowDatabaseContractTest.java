package org.orcapod.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.database.TestTables.rows;
import static org.orcapod.database.TestTables.simple;
import static org.orcapod.database.TestTables.single;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ArrowDatabase} shares; each implementation's test extends this class.
 * Each test runs on a fresh, empty database and checks that no Arrow memory leaks.
 */
public abstract class ArrowDatabaseContractTest {
  protected BufferAllocator allocator;
  protected ArrowDatabase db;

  /** A new, empty database. */
  protected abstract ArrowDatabase open(BufferAllocator allocator) throws Exception;

  /** The same database opened again after {@code db} was closed, or null if it does not persist. */
  protected ArrowDatabase reopen(BufferAllocator allocator) throws Exception {
    return null;
  }

  @BeforeEach
  void openDatabase() throws Exception {
    allocator = new RootAllocator();
    db = open(allocator);
  }

  /** Runs after the database is closed, e.g. to drop server-side state. */
  protected void cleanUp() throws Exception {}

  @AfterEach
  void closeDatabase() throws Exception {
    try {
      db.close();
    } finally {
      try {
        allocator.close(); // throws if any buffer leaked
      } finally {
        cleanUp();
      }
    }
  }

  private static final RecordPath P = RecordPath.of("results", "fn");

  private void add(ArrowDatabase d, RecordPath path, List<String> ids, long... values) {
    List<String> names = new ArrayList<>();
    List<Long> vals = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      names.add("n" + values[i]);
      vals.add(values[i]);
    }
    try (VectorSchemaRoot t = simple(allocator, ids, names, vals)) {
      d.addRecords(path, t, "id", false);
    }
  }

  private Map<String, String> all(ArrowDatabase d, RecordPath path) {
    try (VectorSchemaRoot r = d.getAllRecords(path, "rid", allocator)) {
      return rows(r, "rid");
    }
  }

  @Test
  void pendingRecordsAreVisibleBeforeAndAfterFlush() {
    try (VectorSchemaRoot t = single(allocator, "a", 1)) {
      db.addRecord(P, "id1", t, false);
    }
    try (VectorSchemaRoot r = db.getRecordById(P, "id1", null, allocator)) {
      assertThat(r).isNotNull();
      assertThat(r.getSchema().getFields())
          .extracting(Field::getName)
          .containsExactly("name", "value");
      assertThat(r.getVector("value").getObject(0)).isEqualTo(1L);
    }
    db.flush();
    try (VectorSchemaRoot r = db.getRecordById(P, "id1", "my_id", allocator)) {
      assertThat(r.getSchema().getFields())
          .extracting(Field::getName)
          .containsExactly("my_id", "name", "value");
      assertThat(r.getSchema().getFields().get(0).getType())
          .isEqualTo(ArrowType.LargeUtf8.INSTANCE);
      assertThat(r.getVector("my_id").getObject(0).toString()).isEqualTo("id1");
      assertThat(r.getVector("name").getObject(0).toString()).isEqualTo("a");
    }
    assertThat(db.getRecordById(P, "nope", null, allocator)).isNull();
    assertThat(db.getAllRecords(RecordPath.of("elsewhere"), null, allocator)).isNull();
  }

  @Test
  void recordPathsListStoredAndPendingPathsRelativeToTheView() {
    assertThat(db.recordPaths()).isEmpty();
    add(db, RecordPath.of("pipe", "_status", "fn", "execution_status"), List.of("a"), 1);
    add(db, RecordPath.of("pipe", "_log", "fn", "execution_logs"), List.of("a"), 1);
    db.flush();
    add(db, RecordPath.of("pipe", "_status", "op", "execution_status"), List.of("b"), 2);
    add(db, RecordPath.of("other", "x"), List.of("c"), 3);

    assertThat(db.recordPaths())
        .extracting(RecordPath::key)
        .containsExactly(
            "other/x",
            "pipe/_log/fn/execution_logs",
            "pipe/_status/fn/execution_status",
            "pipe/_status/op/execution_status");
    assertThat(db.at("pipe", "_status").recordPaths())
        .containsExactly(
            RecordPath.of("fn", "execution_status"), RecordPath.of("op", "execution_status"));
    assertThat(db.at("nothing").recordPaths()).isEmpty();
  }

  @Test
  void addRecordsStoresEveryRowUnderItsId() {
    add(db, P, List.of("a", "b", "c"), 1, 2, 3);
    assertThat(all(db, P))
        .containsExactly(Map.entry("a", "n1|1"), Map.entry("b", "n2|2"), Map.entry("c", "n3|3"));
    db.flush();
    add(db, P, List.of("d"), 4);
    assertThat(all(db, P)).containsOnlyKeys("a", "b", "c", "d");
    try (VectorSchemaRoot r = db.getAllRecords(P, null, allocator)) {
      assertThat(r.getSchema().getFields())
          .extracting(Field::getName)
          .containsExactly("name", "value");
      assertThat(r.getRowCount()).isEqualTo(4);
    }
  }

  @Test
  void getRecordsByIdsReturnsOnlyExistingIdsFromPendingAndStored() {
    add(db, P, List.of("a", "b", "c"), 1, 2, 3);
    db.flush();
    add(db, P, List.of("d", "e"), 4, 5);
    try (VectorSchemaRoot r =
        db.getRecordsByIds(P, List.of("b", "d", "zz", "b"), "rid", allocator)) {
      assertThat(rows(r, "rid")).containsOnlyKeys("b", "d");
    }
    assertThat(db.getRecordsByIds(P, List.of("zz"), null, allocator)).isNull();
    assertThat(db.getRecordsByIds(P, List.of(), null, allocator)).isNull();
  }

  @Test
  void lastRowOfARepeatedIdInOneCallWins() {
    add(db, P, List.of("a", "b", "a"), 1, 2, 3);
    assertThat(all(db, P)).containsExactly(Map.entry("a", "n3|3"), Map.entry("b", "n2|2"));
  }

  @Test
  void pendingDuplicateWithoutSkipIsRejectedAndTheWholeBatchIsDropped() {
    add(db, P, List.of("a"), 1);
    assertThatThrownBy(() -> add(db, P, List.of("new", "a"), 7, 8))
        .isInstanceOf(DuplicateRecordException.class)
        .hasMessageContaining("[a]")
        .hasMessageContaining("skipDuplicates");
    assertThat(all(db, P)).containsExactly(Map.entry("a", "n1|1"));
    db.flush();
    assertThat(all(db, P)).containsExactly(Map.entry("a", "n1|1"));
  }

  @Test
  void skipDuplicatesKeepsTheFirstRowPendingOrStored() {
    add(db, P, List.of("a"), 1);
    try (VectorSchemaRoot t =
        simple(allocator, List.of("a", "b"), List.of("x", "y"), List.of(9L, 2L))) {
      db.addRecords(P, t, "id", true);
    }
    assertThat(all(db, P)).containsExactly(Map.entry("a", "n1|1"), Map.entry("b", "y|2"));
    db.flush();
    try (VectorSchemaRoot t =
        simple(allocator, List.of("a", "c"), List.of("x", "z"), List.of(9L, 3L))) {
      db.addRecords(P, t, "id", true);
    }
    assertThat(all(db, P))
        .containsExactly(Map.entry("a", "n1|1"), Map.entry("b", "y|2"), Map.entry("c", "z|3"));
    try (VectorSchemaRoot r = db.getRecordById(P, "a", "rid", allocator)) {
      assertThat(rows(r, "rid")).containsExactly(Map.entry("a", "n1|1"));
    }
    db.flush();
    assertThat(all(db, P))
        .containsExactly(Map.entry("a", "n1|1"), Map.entry("b", "y|2"), Map.entry("c", "z|3"));
  }

  @Test
  void withoutSkipAStoredRecordIsReplacedOnFlush() {
    add(db, P, List.of("a", "b"), 1, 2);
    db.flush();
    add(db, P, List.of("a"), 10);
    assertThat(all(db, P)).containsExactly(Map.entry("a", "n10|10"), Map.entry("b", "n2|2"));
    db.flush();
    assertThat(all(db, P)).containsExactly(Map.entry("a", "n10|10"), Map.entry("b", "n2|2"));
  }

  @Test
  void getRecordsWithColumnValueMatchesAllGivenColumns() {
    try (VectorSchemaRoot t =
        simple(
            allocator,
            List.of("a", "b", "c", "d"),
            Arrays.asList("x", "y", "x", null),
            List.of(1L, 1L, 2L, 1L))) {
      db.addRecords(P, t, "id", false);
    }
    db.flush();
    add(db, P, List.of("e"), 1); // name n1, pending
    try (VectorSchemaRoot r =
        db.getRecordsWithColumnValue(P, Map.of("name", "x"), "rid", allocator)) {
      assertThat(rows(r, "rid")).containsOnlyKeys("a", "c");
    }
    try (VectorSchemaRoot r =
        db.getRecordsWithColumnValue(P, Map.of("name", "x", "value", 1L), "rid", allocator)) {
      assertThat(rows(r, "rid")).containsOnlyKeys("a");
    }
    try (VectorSchemaRoot r =
        db.getRecordsWithColumnValue(P, Map.of("value", 1), "rid", allocator)) {
      assertThat(rows(r, "rid")).containsOnlyKeys("a", "b", "d", "e");
    }
    Map<String, Object> nullName = new java.util.HashMap<>();
    nullName.put("name", null);
    try (VectorSchemaRoot r = db.getRecordsWithColumnValue(P, nullName, null, allocator)) {
      assertThat(r.getRowCount()).isEqualTo(1);
      assertThat(r.getSchema().getFields())
          .extracting(Field::getName)
          .containsExactly("name", "value");
    }
    assertThat(db.getRecordsWithColumnValue(P, Map.of("name", "none"), null, allocator)).isNull();
    assertThatThrownBy(() -> db.getRecordsWithColumnValue(P, Map.of("nope", 1), null, allocator))
        .isInstanceOf(InvalidRecordsException.class)
        .hasMessageContaining("\"nope\"");
    assertThatThrownBy(() -> db.getRecordsWithColumnValue(P, Map.of("value", "1"), null, allocator))
        .isInstanceOf(InvalidRecordsException.class)
        .hasMessageContaining("\"value\"");
  }

  private Map<String, String> keyed(String column, Collection<String> values) {
    try (VectorSchemaRoot r = db.getRecordsWithColumnValues(P, column, values, "rid", allocator)) {
      return rows(r, "rid");
    }
  }

  @Test
  void getRecordsWithColumnValuesReturnsOnlyRowsHoldingOneOfTheValues() {
    try (VectorSchemaRoot t =
        simple(
            allocator,
            List.of("a", "b", "c", "d"),
            Arrays.asList("x", "y", "x", null),
            List.of(1L, 2L, 3L, 4L))) {
      db.addRecords(P, t, "id", false);
    }
    assertThat(keyed("name", List.of("x", "w"))).containsOnlyKeys("a", "c");
    db.flush();
    assertThat(keyed("name", List.of("x", "w")))
        .containsExactly(Map.entry("a", "x|1"), Map.entry("c", "x|3"));
    // Pending rows: a new one, one replacing b with x, one replacing c with z.
    try (VectorSchemaRoot t =
        simple(allocator, List.of("e", "b", "c"), List.of("x", "x", "z"), List.of(5L, 6L, 7L))) {
      db.addRecords(P, t, "id", false);
    }
    Map<String, String> expected = Map.of("a", "x|1", "b", "x|6", "e", "x|5");
    assertThat(keyed("name", List.of("x"))).isEqualTo(expected);
    assertThat(keyed("name", List.of("y"))).isEmpty();
    assertThat(keyed("name", List.of("z", "y"))).containsExactly(Map.entry("c", "z|7"));
    db.flush();
    assertThat(keyed("name", List.of("x", "x"))).isEqualTo(expected);
    assertThat(keyed("name", List.of("y"))).isEmpty();
    try (VectorSchemaRoot r =
        db.getRecordsWithColumnValues(P, "name", Set.of("z"), null, allocator)) {
      assertThat(r.getSchema().getFields())
          .extracting(Field::getName)
          .containsExactly("name", "value");
      assertThat(r.getRowCount()).isEqualTo(1);
    }
    assertThat(db.getRecordsWithColumnValues(P, "name", List.of(), "rid", allocator)).isNull();
    assertThat(
            db.getRecordsWithColumnValues(
                RecordPath.of("elsewhere"), "name", List.of("x"), null, allocator))
        .isNull();
    assertThatThrownBy(
            () -> db.getRecordsWithColumnValues(P, "nope", List.of("x"), null, allocator))
        .isInstanceOf(InvalidRecordsException.class)
        .hasMessageContaining("\"nope\"");
    assertThatThrownBy(
            () -> db.getRecordsWithColumnValues(P, "value", List.of("1"), null, allocator))
        .isInstanceOf(InvalidRecordsException.class)
        .hasMessageContaining("\"value\"")
        .hasMessageContaining("utf8");
  }

  @Test
  void getRecordsWithColumnValuesHidesPendingDuplicatesOfStoredIds() {
    add(db, P, List.of("a"), 1); // name n1
    db.flush();
    try (VectorSchemaRoot t =
        simple(allocator, List.of("a", "b"), List.of("n9", "n9"), List.of(9L, 2L))) {
      db.addRecords(P, t, "id", true);
    }
    // a keeps its stored row (n1): the pending n9 row of a is dropped, b's is new.
    assertThat(keyed("name", List.of("n9"))).containsExactly(Map.entry("b", "n9|2"));
    assertThat(keyed("name", List.of("n1"))).containsExactly(Map.entry("a", "n1|1"));
    db.flush();
    assertThat(keyed("name", List.of("n9", "n1")))
        .containsExactly(Map.entry("a", "n1|1"), Map.entry("b", "n9|2"));
  }

  @Test
  void getRecordsWithColumnValuesHandlesManyValuesAcrossStoredAndPendingRows() {
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      ids.add("id" + i);
      names.add("h" + i);
      values.add((long) i);
    }
    try (VectorSchemaRoot t = simple(allocator, ids, names, values)) {
      db.addRecords(P, t, "id", false);
    }
    db.flush();
    add(db, P, List.of("p"), 7); // pending, name n7
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < 1500; i += 2) {
      asked.add("h" + i);
    }
    asked.add("n7");
    asked.add("missing");
    Map<String, String> got = keyed("name", asked);
    assertThat(got).hasSize(751).containsEntry("id1498", "h1498|1498").containsEntry("p", "n7|7");
    assertThat(got).doesNotContainKey("id1");
  }

  @Test
  void scopedViewsPrefixPathsAndShareStorageAndPendingRows() {
    ArrowDatabase scoped = db.at("pipe", "_result");
    assertThat(db.basePath()).isEqualTo(RecordPath.ROOT);
    assertThat(scoped.basePath()).isEqualTo(RecordPath.of("pipe", "_result"));
    assertThat(scoped.at("x").basePath()).isEqualTo(RecordPath.of("pipe", "_result", "x"));
    assertThat(db.at().basePath()).isEqualTo(RecordPath.ROOT);
    add(scoped, RecordPath.of("fn"), List.of("a"), 1);
    assertThat(all(db, RecordPath.of("pipe", "_result", "fn"))).containsOnlyKeys("a");
    assertThat(all(db.at("pipe"), RecordPath.of("_result", "fn"))).containsOnlyKeys("a");
    assertThat(all(db, RecordPath.of("fn"))).isEmpty();
    scoped.close(); // a view owns nothing
    db.at("other").flush(); // flushes everything
    add(db, RecordPath.of("pipe", "_result", "fn"), List.of("b"), 2);
    assertThat(all(scoped, RecordPath.of("fn"))).containsOnlyKeys("a", "b");
  }

  @Test
  void badPathsAreRejectedNamingTheComponent() {
    try (VectorSchemaRoot t = single(allocator, "a", 1)) {
      assertThatThrownBy(() -> db.addRecord(RecordPath.ROOT, "x", t, false))
          .isInstanceOf(InvalidRecordPathException.class)
          .hasMessageContaining("at least one component");
    }
    assertThatThrownBy(() -> RecordPath.of("ok", "a/b"))
        .isInstanceOf(InvalidRecordPathException.class)
        .hasMessageContaining("component 1 \"a/b\"")
        .hasMessageContaining("'/'");
    assertThatThrownBy(() -> RecordPath.of("ok", ""))
        .isInstanceOf(InvalidRecordPathException.class)
        .hasMessageContaining("component 1")
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> RecordPath.of("nul\0"))
        .isInstanceOf(InvalidRecordPathException.class)
        .hasMessageContaining("U+0000")
        .hasMessageContaining("component 0 \"nul\\u0000\"");
    assertThatThrownBy(() -> db.at("fine", "bad/part"))
        .isInstanceOf(InvalidRecordPathException.class)
        .hasMessageContaining("at(...)")
        .hasMessageContaining("\"bad/part\"");
    ArrowDatabase deep = db.at("1", "2", "3", "4", "5", "6", "7", "8", "9");
    try (VectorSchemaRoot t = single(allocator, "a", 1)) {
      deep.addRecord(RecordPath.of("10"), "x", t, false);
      assertThatThrownBy(() -> deep.addRecord(RecordPath.of("10", "11"), "x", t, false))
          .isInstanceOf(InvalidRecordPathException.class)
          .hasMessageContaining("maximum of 10");
    }
  }

  @Test
  void invalidRecordsAreRejectedAndNothingIsWritten() {
    try (VectorSchemaRoot t = simple(allocator, List.of("a"), List.of("x"), List.of(1L))) {
      assertThatThrownBy(() -> db.addRecords(P, t, "missing", false))
          .isInstanceOf(InvalidRecordsException.class)
          .hasMessageContaining("\"missing\"")
          .hasMessageContaining("[id, name, value]");
      assertThatThrownBy(() -> db.addRecords(P, t, "value", false))
          .isInstanceOf(InvalidRecordsException.class)
          .hasMessageContaining("utf8");
    }
    try (VectorSchemaRoot t =
        simple(allocator, List.of("a", "b"), Arrays.asList("x", null), List.of(1L, 2L))) {
      assertThatThrownBy(() -> db.addRecords(P, t, "name", false))
          .isInstanceOf(InvalidRecordsException.class)
          .hasMessageContaining("null in row 1");
    }
    assertThat(db.getAllRecords(P, null, allocator)).isNull();
    db.flush();
    assertThat(db.getAllRecords(P, null, allocator)).isNull();
  }

  @Test
  void aDifferentSchemaUnderTheSamePathIsRejected() {
    add(db, P, List.of("a"), 1);
    for (boolean flushed : new boolean[] {false, true}) {
      if (flushed) {
        db.flush();
      }
      try (VectorSchemaRoot t =
          VectorSchemaRoot.create(
              new Schema(
                  List.of(
                      Field.nullable("id", ArrowType.Utf8.INSTANCE),
                      Field.nullable("name", ArrowType.Utf8.INSTANCE),
                      Field.nullable("value", new ArrowType.Int(32, true)))),
              allocator)) {
        t.allocateNew();
        ((org.apache.arrow.vector.VarCharVector) t.getVector(0)).setSafe(0, "b".getBytes());
        t.setRowCount(1);
        assertThatThrownBy(() -> db.addRecords(P, t, "id", false))
            .isInstanceOf(RecordSchemaMismatchException.class)
            .hasMessageContaining("value: Int(32, true)")
            .hasMessageContaining("value: Int(64, true)");
      }
    }
    assertThat(all(db, P)).containsOnlyKeys("a");
  }

  @Test
  void emptyBatchesAreIgnored() {
    try (VectorSchemaRoot t = simple(allocator, List.of(), List.of(), List.of())) {
      db.addRecords(P, t, "id", false);
    }
    db.flush();
    assertThat(db.getAllRecords(P, null, allocator)).isNull();
  }

  @Test
  void everyHashedArrowTypeRoundTripsLosslessly() throws Exception {
    try (VectorSchemaRoot input = TestTables.allTypes(allocator)) {
      db.addRecords(P, input, "id", false);
      assertRoundTrip(db, input);
      db.flush();
      assertRoundTrip(db, input);
      ArrowDatabase again = reopenIfPersistent();
      if (again != null) {
        assertRoundTrip(again, input);
      }
    }
  }

  private void assertRoundTrip(ArrowDatabase d, VectorSchemaRoot input) {
    for (int row = 0; row < input.getRowCount(); row++) {
      String id = input.getVector("id").getObject(row).toString();
      try (VectorSchemaRoot expected = TestTables.slice(input, row, allocator);
          VectorSchemaRoot actual = d.getRecordById(P, id, "id", allocator)) {
        assertThat(actual).as("row %s", id).isNotNull();
        // The id comes back as large_utf8; compare the data columns.
        TestTables.assertSameContent(expected, actual, 1);
      }
    }
  }

  private ArrowDatabase reopenIfPersistent() throws Exception {
    db.close();
    ArrowDatabase again = reopen(allocator);
    if (again == null) {
      db = open(allocator); // keep @AfterEach happy
      return null;
    }
    db = again;
    return again;
  }

  @Test
  void flushedRecordsSurviveReopening() throws Exception {
    add(db, P, List.of("a", "b"), 1, 2);
    db.flush();
    add(db.at("results"), RecordPath.of("other"), List.of("c"), 3);
    db.close(); // flushes
    ArrowDatabase again = reopen(allocator);
    Assumptions.assumeTrue(again != null, "this database does not persist");
    db = again;
    assertThat(all(db, P)).containsOnlyKeys("a", "b");
    assertThat(all(db, RecordPath.of("results", "other"))).containsOnlyKeys("c");
    try (VectorSchemaRoot t = single(allocator, "z", 9)) {
      db.addRecord(P, "a", t, true);
    }
    db.flush();
    assertThat(all(db, P)).containsEntry("a", "n1|1");
  }

  @Test
  void aFlushThatFailsWritesNothingAndKeepsItsRowsPending() throws Exception {
    ArrowDatabase other = reopen(allocator); // a second handle on the same storage
    Assumptions.assumeTrue(other != null, "this database has no second handle on its storage");
    try {
      RecordPath first = RecordPath.of("a_first");
      RecordPath second = RecordPath.of("b_second");
      add(db, first, List.of("x"), 1);
      add(db, second, List.of("y"), 2);
      // Another writer stores different columns under the second path before this flush.
      try (VectorSchemaRoot t = TestTables.allTypes(allocator)) {
        other.addRecords(second, t, "id", false);
      }
      other.flush();
      assertThatThrownBy(db::flush).isInstanceOf(RecordSchemaMismatchException.class);
      assertThat(all(other, first)).isEmpty(); // the first path was rolled back too
      assertThat(all(db, first)).containsOnlyKeys("x"); // still pending here
      // Closing flushes, fails the same way, and still releases everything.
      assertThatThrownBy(db::close).isInstanceOf(RecordSchemaMismatchException.class);
      db = open(allocator);
    } finally {
      other.close();
    }
  }

  @Test
  void threadsAddingAndFlushingConcurrentlyLoseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    // Overlapping ids across threads, all with skip-duplicates.
                    String id = "id" + (i + thread * 10);
                    try (VectorSchemaRoot r = single(allocator, "n", i + thread * 10)) {
                      db.addRecord(P, id, r, true);
                    }
                    if (i % 5 == 0) {
                      db.flush();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    db.flush();
    Map<String, String> all = all(db, P);
    assertThat(all).hasSize(55);
    all.forEach((id, row) -> assertThat(row).isEqualTo("n|" + id.substring(2)));
  }

  @Test
  void closedDatabaseRefusesUse() throws Exception {
    db.close();
    assertThatThrownBy(() -> db.getAllRecords(P, null, allocator))
        .isInstanceOf(DatabaseAccessException.class)
        .hasMessageContaining("closed");
    db = open(allocator);
  }
}
