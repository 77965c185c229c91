package org.orcapod.node;

import org.apache.arrow.memory.BufferAllocator;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;

class InMemoryFunctionNodeTest extends FunctionNodeContractTest {
  @Override
  protected ArrowDatabase open(BufferAllocator allocator) {
    return InMemoryArrowDatabase.create(allocator);
  }
}
