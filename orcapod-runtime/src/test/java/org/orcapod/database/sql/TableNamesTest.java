package org.orcapod.database.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.orcapod.database.RecordPath;

class TableNamesTest {
  /**
   * Golden values from Python orcapod (commit 0473621): {@code
   * ConnectorArrowDatabase._path_to_table_name(None, path)}.
   */
  @Test
  void namesTablesAsPythonOrcapodDoes() {
    assertThat(TableNames.pythonName(RecordPath.of("my-pipeline", "_result", "add.one", "v0")))
        .isEqualTo("my_pipeline___result__add_one__v0");
    assertThat(TableNames.pythonName(RecordPath.of("1st", "x y"))).isEqualTo("t_1st__x_y");
    assertThat(TableNames.pythonName(RecordPath.of("a"))).isEqualTo("a");
    assertThat(TableNames.pythonName(RecordPath.of("sha256:abc", "python.function.v0")))
        .isEqualTo("sha256_abc__python_function_v0");
    assertThat(TableNames.pythonName(RecordPath.of("日本"))).isEqualTo("__");
    assertThat(TableNames.pythonName(RecordPath.of("x\uD83D\uDE00"))).isEqualTo("x_");
  }

  @Test
  void longNamesAreShortenedUniquelyWithinPostgresLimit() {
    RecordPath a = RecordPath.of("p".repeat(80), "a");
    RecordPath b = RecordPath.of("p".repeat(80), "b");
    String na = TableNames.preferredName(a, SqlDialect.POSTGRES);
    String nb = TableNames.preferredName(b, SqlDialect.POSTGRES);
    assertThat(na.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
    assertThat(na).startsWith("ppp").isNotEqualTo(nb);
    assertThat(TableNames.preferredName(a, SqlDialect.SQLITE)).isEqualTo(TableNames.pythonName(a));
  }

  @Test
  void identifiersAreQuotedWithInnerQuotesDoubled() {
    assertThat(SqlDialect.quote("a\"b; DROP")).isEqualTo("\"a\"\"b; DROP\"");
  }
}
