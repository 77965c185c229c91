package org.orcapod.hashing.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.FileHasher;

class CachingFileHasherTest {
  /** Counts reads and can hold them until released, to make readers overlap. */
  private static final class CountingHasher implements FileHasher {
    final AtomicInteger reads = new AtomicInteger();
    final StreamingFileHasher inner = new StreamingFileHasher();
    volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public String hasherId() {
      return inner.hasherId();
    }

    @Override
    public ContentHash hash(Path file) {
      reads.incrementAndGet();
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return inner.hash(file);
    }
  }

  @Test
  void readsAFileOncePerChange(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "hello", StandardCharsets.UTF_8);
    CountingHasher counting = new CountingHasher();
    CachingFileHasher cache = new CachingFileHasher(counting);

    ContentHash first = cache.hash(f);
    assertThat(first.toString())
        .isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(cache.hash(f)).isEqualTo(first);
    assertThat(cache.hash(dir.resolve(".").resolve("a.txt"))).isEqualTo(first); // same real path
    assertThat(counting.reads).hasValue(1);

    // Same size, new modification time: read again.
    Files.writeString(f, "HELLO", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(
        f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
    ContentHash second = cache.hash(f);
    assertThat(second).isNotEqualTo(first);
    assertThat(counting.reads).hasValue(2);

    // Same modification time, new size: read again.
    FileTime t = Files.getLastModifiedTime(f);
    Files.writeString(f, "HELLO!", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(f, t);
    assertThat(cache.hash(f)).isNotEqualTo(second);
    assertThat(counting.reads).hasValue(3);

    cache.invalidate(f);
    cache.hash(f);
    assertThat(counting.reads).hasValue(4);
    assertThat(cache.hasherId()).isEqualTo("sha256");
  }

  @Test
  void concurrentCallersShareOneRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("big.bin");
    Files.write(f, new byte[1 << 20]);
    CountingHasher counting = new CountingHasher();
    counting.gate = new CountDownLatch(1);
    CachingFileHasher cache = new CachingFileHasher(counting);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ContentHash>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> cache.hash(f)));
      }
      Thread.sleep(200); // let every caller reach the cache while the first read is held
      counting.gate.countDown();
      ContentHash expected = new StreamingFileHasher().hash(f);
      for (Future<ContentHash> r : results) {
        assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
      }
      assertThat(counting.reads).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void missingFilesAndDirectoriesAreNamed(@TempDir Path dir) {
    CachingFileHasher cache = new CachingFileHasher();
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> cache.hash(missing))
        .isInstanceOfSatisfying(
            FileHashException.class, e -> assertThat(e.file()).isEqualTo(missing))
        .hasMessageContaining("missing.txt")
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> cache.hash(dir))
        .isInstanceOf(FileHashException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> new StreamingFileHasher().hash(dir))
        .isInstanceOf(FileHashException.class)
        .hasMessageContaining("directory");
    assertThatThrownBy(() -> new StreamingFileHasher().hash(missing))
        .isInstanceOf(FileHashException.class)
        .hasMessageContaining("no such file");
    assertThat(cache.size()).isZero();
  }

  @Test
  void otherAlgorithmsUsePythonHashlibNames(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "hello", StandardCharsets.UTF_8);
    assertThat(new StreamingFileHasher("md5").hash(f).toString())
        .isEqualTo("md5:5d41402abc4b2a76b9719d911017c592");
    assertThatThrownBy(() -> new StreamingFileHasher("xxh64"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha256");
  }
}
