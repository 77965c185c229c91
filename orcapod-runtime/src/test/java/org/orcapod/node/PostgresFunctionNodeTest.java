package org.orcapod.node;

import org.apache.arrow.memory.BufferAllocator;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.postgres.PostgresArrowDatabase;
import org.orcapod.testing.PostgresAvailable;
import org.orcapod.testing.RequiresPostgres;
import org.orcapod.testing.TestSchemas;

@RequiresPostgres
class PostgresFunctionNodeTest extends FunctionNodeContractTest {
  private String schema;

  @Override
  protected ArrowDatabase open(BufferAllocator allocator) throws Exception {
    schema = TestSchemas.create();
    return PostgresArrowDatabase.open(PostgresAvailable.dataSource(schema), allocator);
  }

  @Override
  protected void cleanUp() throws Exception {
    if (schema != null) {
      TestSchemas.drop(schema);
    }
  }
}
