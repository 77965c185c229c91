package org.orcapod.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.TagPacket;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Stream;
import org.slf4j.LoggerFactory;

/** Functions, sources and comparisons shared by the pipeline tests. */
final class Fixtures {
  private Fixtures() {}

  static Field int64(String name) {
    return new Field(name, FieldType.nullable(new ArrowType.Int(64, true)), null);
  }

  /** {@code out = in + k}. */
  static JavaPacketFunction add(String name, String in, String out, long k) {
    return JavaPacketFunction.ofLambda(
        name,
        "v1.0",
        Schema.of(List.of(int64(in))),
        Schema.of(List.of(int64(out))),
        m -> {
          Map<String, @Nullable Object> r = new HashMap<>();
          r.put(out, (Long) m.get(in) + k);
          return r;
        });
  }

  /** {@code out = in + k}, sleeping {@code millis} per packet first (a slow consumer). */
  static JavaPacketFunction slowAdd(String name, String in, String out, long k, long millis) {
    return JavaPacketFunction.ofLambda(
        name,
        "v1.0",
        Schema.of(List.of(int64(in))),
        Schema.of(List.of(int64(out))),
        m -> {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          Map<String, @Nullable Object> r = new HashMap<>();
          r.put(out, (Long) m.get(in) + k);
          return r;
        });
  }

  /** {@code out = a + b}. */
  static JavaPacketFunction sum(String name, String a, String b, String out) {
    return JavaPacketFunction.ofLambda(
        name,
        "v1.0",
        Schema.of(List.of(int64(a), int64(b))),
        Schema.of(List.of(int64(out))),
        m -> {
          Map<String, @Nullable Object> r = new HashMap<>();
          r.put(out, (Long) m.get(a) + (Long) m.get(b));
          return r;
        });
  }

  /**
   * {@code out = in + 1}; prints {@code hello <in>} to stdout, {@code warn <in>} to stderr, logs
   * {@code log <in>} through SLF4J, and throws {@code IllegalStateException("bad <in>")} where
   * {@code fails} holds.
   */
  static JavaPacketFunction noisy(String name, String in, String out, LongPredicate fails) {
    return JavaPacketFunction.ofLambda(
        name,
        "v1.0",
        Schema.of(List.of(int64(in))),
        Schema.of(List.of(int64(out))),
        m -> {
          long v = (Long) m.get(in);
          System.out.println("hello " + v);
          System.err.println("warn " + v);
          LoggerFactory.getLogger("user.function").info("log {}", v);
          if (fails.test(v)) {
            throw new IllegalStateException("bad " + v);
          }
          Map<String, @Nullable Object> r = new HashMap<>();
          r.put(out, v + 1);
          return r;
        });
  }

  /** Rows {@code id = i, <column> = 10 * i + offset} for i in [0, n). */
  static DictSource source(
      String column, int n, long offset, SourceContext ctx, BufferAllocator allocator) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", i);
      r.put(column, 10 * i + offset);
      rows.add(r);
    }
    return DictSource.of(rows, List.of("id"), null, ctx, allocator);
  }

  static FunctionPod pod(JavaPacketFunction f, SourceContext ctx) {
    return new FunctionPod(f, ctx);
  }

  /** Tag and packet data of every row, sorted by tag. */
  static List<Map<String, @Nullable Object>> sortedRows(Stream s) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (TagPacket tp : s.rows()) {
      Map<String, @Nullable Object> r = new TreeMap<>();
      r.putAll(tp.tag().data());
      r.putAll(tp.packet().data());
      out.add(r);
    }
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }

  /** Every non-source node's label mapped to its sorted rows and hashes. */
  static Map<String, Object> snapshot(Pipeline p) {
    Map<String, Object> out = new TreeMap<>();
    for (PipelineNode n : p.graph().nodes()) {
      if (n.kind() == NodeKind.SOURCE) {
        continue;
      }
      out.put(
          n.label(), List.of(n.contentHash(), n.pipelineHash(), sortedRows(n.node()).toString()));
    }
    out.put("@uri", p.snapshotUri());
    return out;
  }

  static Set<String> labels(Pipeline p) {
    return p.graph().byLabel().keySet();
  }
}
