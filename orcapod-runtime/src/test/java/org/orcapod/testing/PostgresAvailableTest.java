package org.orcapod.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresAvailableTest {
  @Test
  void unreachableServerSkipsLocallyButRunsSoThatItFailsInCi() {
    ConditionEvaluationResult local =
        PostgresAvailable.decide("PostgreSQL is not reachable", false, "t");
    assertThat(local.isDisabled()).isTrue();
    assertThat(local.getReason()).hasValueSatisfying(r -> assertThat(r).contains("not reachable"));
    assertThat(PostgresAvailable.decide("PostgreSQL is not reachable", true, "t").isDisabled())
        .isFalse();
    assertThat(PostgresAvailable.decide(null, false, "t").isDisabled()).isFalse();
  }

  @Test
  void dataSourcePinsTheSchemaWhenAsked() {
    PGSimpleDataSource ds = PostgresAvailable.dataSource("some_schema");
    assertThat(ds.getCurrentSchema()).isEqualTo("some_schema");
    assertThat(PostgresAvailable.dataSource().getCurrentSchema()).isNull();
  }
}
