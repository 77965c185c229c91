package org.orcapod.hashing.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.FileHasher;

/**
 * Remembers the hash of each file by its real path, modification time and size, so a file is read
 * once per change rather than on every call (Python orcapod's default file hasher re-reads every
 * time). Thread-safe: concurrent calls for the same unchanged file share one read.
 *
 * <p>Like every stamp-based cache it trusts the file system's time stamps: a rewrite that keeps
 * both the size and the modification time (within the file system's time resolution) is not seen
 * until {@link #invalidate} or {@link #clear}. If the stamp changes while the file is read, the
 * read is discarded and repeated.
 */
public final class CachingFileHasher implements FileHasher {
  private static final int MAX_ATTEMPTS = 3;

  private final FileHasher delegate;
  private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();

  /** A cache over a {@code sha256} {@link StreamingFileHasher}. */
  public CachingFileHasher() {
    this(new StreamingFileHasher());
  }

  /** A cache over {@code delegate}, which does the reading; its method id is kept. */
  public CachingFileHasher(FileHasher delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public String hasherId() {
    return delegate.hasherId();
  }

  @Override
  public ContentHash hash(Path file) {
    Path real = realPath(file);
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Stamp stamp = stamp(real, file);
      Entry entry = entries.get(real);
      if (entry != null && entry.stamp.equals(stamp)) {
        ContentHash cached = await(entry, real, file);
        if (cached != null) {
          return cached;
        }
        continue; // the shared read failed or was discarded; try again
      }
      Entry fresh = new Entry(stamp, new FutureTask<>(() -> delegate.hash(real)));
      boolean mine =
          entry == null
              ? entries.putIfAbsent(real, fresh) == null
              : entries.replace(real, entry, fresh);
      if (!mine) {
        continue; // another thread installed a read first; look again
      }
      fresh.task.run();
      ContentHash result = await(fresh, real, file);
      if (result != null && stamp.equals(stampOrNull(real))) {
        return result;
      }
      entries.remove(real, fresh); // the file changed while it was read
    }
    throw new FileHashException(
        file,
        "the file kept changing while it was read (" + MAX_ATTEMPTS + " attempts)",
        new IOException("unstable file"));
  }

  /** Forgets the cached hash of one file. */
  public void invalidate(Path file) {
    entries.remove(file.toAbsolutePath().normalize());
    try {
      entries.remove(file.toRealPath());
    } catch (IOException e) {
      // a file that no longer exists has nothing else to forget
    }
  }

  /** Forgets every cached hash. */
  public void clear() {
    entries.clear();
  }

  /** The number of files whose hash is remembered. */
  public int size() {
    return entries.size();
  }

  private @Nullable ContentHash await(Entry entry, Path real, Path asked) {
    try {
      return entry.task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FileHashException(
          asked, "interrupted while waiting for the file to be read", new IOException(e));
    } catch (ExecutionException e) {
      entries.remove(real, entry);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new FileHashException(asked, "read failed: " + cause, new IOException(cause));
    }
  }

  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (NoSuchFileException e) {
      throw new FileHashException(file, "no such file", e);
    } catch (IOException e) {
      throw new FileHashException(file, "cannot resolve the path: " + e, e);
    }
  }

  private static Stamp stamp(Path real, Path asked) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        throw new FileHashException(
            asked,
            "it is not a regular file (a directory?); only regular files are hashed by content",
            new IOException("not a regular file"));
      }
      return new Stamp(attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.size());
    } catch (NoSuchFileException e) {
      throw new FileHashException(asked, "no such file", e);
    } catch (IOException e) {
      throw new FileHashException(asked, "cannot read its attributes: " + e, e);
    }
  }

  private static @Nullable Stamp stampOrNull(Path real) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
      return new Stamp(attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.size());
    } catch (IOException e) {
      return null;
    }
  }

  private record Stamp(long modifiedNanos, long size) {}

  private record Entry(Stamp stamp, FutureTask<ContentHash> task) {}
}
