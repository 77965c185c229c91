package org.orcapod.database.memory;

import org.apache.arrow.memory.BufferAllocator;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.ArrowDatabaseContractTest;

class InMemoryArrowDatabaseTest extends ArrowDatabaseContractTest {
  @Override
  protected ArrowDatabase open(BufferAllocator allocator) {
    return InMemoryArrowDatabase.create(allocator);
  }
}
