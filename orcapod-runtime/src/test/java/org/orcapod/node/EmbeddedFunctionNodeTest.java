package org.orcapod.node;

import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;

class EmbeddedFunctionNodeTest extends FunctionNodeContractTest {
  @TempDir Path dir;

  @Override
  protected ArrowDatabase open(BufferAllocator allocator) {
    return EmbeddedArrowDatabase.open(dir.resolve("orcapod.db"), allocator);
  }
}
