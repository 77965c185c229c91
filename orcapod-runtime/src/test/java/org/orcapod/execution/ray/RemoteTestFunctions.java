package org.orcapod.execution.ray;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.function.GeneratedPacketFunction;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.schema.Schema;

/**
 * Packet functions in each form a Ray worker can rebuild: a static method ({@link #addOne}), a
 * generated-style pod ({@link TimesTwoPod}) and a Serializable lambda ({@link #minusThree}). Each
 * prints its input and the process id, so tests can tell where it ran.
 */
public final class RemoteTestFunctions {

  private RemoteTestFunctions() {}

  /** The input that makes {@link #addOne} throw {@link ProbeTasks.ProbeFailure}. */
  public static final long UNLUCKY = 13;

  static Field int64(String name) {
    return new Field(name, FieldType.nullable(new ArrowType.Int(64, true)), null);
  }

  /**
   * {@code y = x + 1}; prints {@code add_one <x> pid <pid>}, logs through JUL and throws for {@link
   * #UNLUCKY}.
   */
  public static long addOne(long x) {
    System.out.println("add_one " + x + " pid " + ProcessHandle.current().pid());
    java.util.logging.Logger.getLogger("user.add_one").info("adding to " + x);
    if (x == UNLUCKY) {
      throw new ProbeTasks.ProbeFailure("unlucky " + x);
    }
    return x + 1;
  }

  /** {@link #addOne} as a packet function {@code add_one: x -> y}. */
  public static JavaPacketFunction addOneFunction() {
    try {
      Method m = RemoteTestFunctions.class.getMethod("addOne", long.class);
      return JavaPacketFunction.ofMethod(m, null, "add_one", "v1.0", List.of("x"), List.of("y"));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code z = 2 * y}, as the annotation processor would generate it for a static method. */
  public static long timesTwo(long y) {
    System.out.println("times_two " + y + " pid " + ProcessHandle.current().pid());
    return 2 * y;
  }

  /** A pod of {@link #timesTwo}: public, with a public no-argument constructor. */
  public static final class TimesTwoPod extends GeneratedPacketFunction {
    static final Schema IN = Schema.of(List.of(int64("y")));
    static final Schema OUT =
        Schema.of(
            List.of(new Field("z", FieldType.notNullable(new ArrowType.Int(64, true)), null)));

    /** Creates the pod. */
    public TimesTwoPod() {
      super("times_two", "v1.0", IN, OUT, RemoteTestFunctions.class, "timesTwo", long.class);
    }

    @Override
    public @Nullable Map<String, @Nullable Object> directCall(Map<String, @Nullable Object> in) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      out.put("z", timesTwo((Long) in.get("y")));
      return out;
    }
  }

  /** {@code w = z - 3} as a lambda made Serializable; drops the packet where {@code z == 0}. */
  public static JavaPacketFunction minusThree() {
    return JavaPacketFunction.ofLambda(
        "minus_three",
        "v1.0",
        Schema.of(List.of(int64("z"))),
        Schema.of(List.of(int64("w"))),
        (JavaPacketFunction.Body & Serializable)
            m -> {
              System.out.println(
                  "minus_three " + m.get("z") + " pid " + ProcessHandle.current().pid());
              if ((Long) m.get("z") == 0) {
                return null;
              }
              Map<String, @Nullable Object> r = new HashMap<>();
              r.put("w", (Long) m.get("z") - 3);
              return r;
            });
  }

  /** A lambda that is not Serializable: it cannot run on Ray. */
  public static JavaPacketFunction localOnly() {
    return JavaPacketFunction.ofLambda(
        "local_only",
        "v1.0",
        Schema.of(List.of(int64("x"))),
        Schema.of(List.of(int64("y"))),
        m -> Map.of("y", (Long) m.get("x")));
  }
}
