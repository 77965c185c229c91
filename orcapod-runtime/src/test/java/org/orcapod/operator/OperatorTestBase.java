package org.orcapod.operator;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh allocator per test, closed (and so checked for leaks) after it. */
abstract class OperatorTestBase {
  BufferAllocator allocator;
  OperatorContext ctx;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
    ctx = new OperatorContext(new TestTables.StructuralHasher(), allocator);
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }
}
