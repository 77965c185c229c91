package org.orcapod.execution.ray;

import io.ray.api.Ray;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.InvalidExecutorOptionException;
import org.orcapod.execution.PacketBatchExecutor;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.RemoteFunction;
import org.orcapod.schema.ArrowValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Java packet functions as Ray tasks on a Ray cluster (or in Ray's single-process LOCAL mode).
 *
 * <p>The function must be {@link Serializable} (a static method reference or lambda cast to {@code
 * Callable<T> & Serializable}); it travels to a worker JVM, runs there under the executors' shared
 * capture, and its stdout, stderr, logs and traceback come back and are recorded through the packet
 * logger on the driver. A function's exception is re-thrown on the driver as its own type; a worker
 * process that dies is retried a bounded number of times.
 *
 * <p>{@link #executeBatchAsync} is the path of function nodes: the packets travel as Arrow IPC
 * batches of up to {@value #BATCH_SIZE_OPTION} rows per Ray task, the function as a {@link
 * RemoteFunction} that the worker rebuilds by name, and each task's results come back as one Arrow
 * IPC batch of outputs with each packet's captured output (see {@link RayPacketTask}).
 *
 * <p>{@link #executeCallable} sends one task per call. {@link #executeCallableAsync} groups up to
 * {@value #BATCH_SIZE_OPTION} calls that arrive together into one task, to amortise Ray's per-task
 * cost, and keeps up to {@value #MAX_IN_FLIGHT_OPTION} tasks running at once.
 *
 * <p>Options read by {@link #withOptions}: {@value #ADDRESS_OPTION} ({@code host:port} of the head,
 * or {@code local}), {@value #NUM_CPUS_OPTION}, {@value #NUM_GPUS_OPTION}, {@value
 * #RESOURCES_OPTION} (a map of name to amount), {@value #RUNTIME_ENV_OPTION} (a map), {@value
 * #BATCH_SIZE_OPTION}, {@value #MAX_IN_FLIGHT_OPTION}, {@value #MAX_ATTEMPTS_OPTION}, {@value
 * #CODE_SEARCH_PATH_OPTION} and {@value #WORKER_JVM_OPTIONS_OPTION} (lists of strings).
 */
public final class RayExecutor implements PacketBatchExecutor {

  /** This executor's type id. */
  public static final String TYPE_ID = "ray.v0";

  /** Head address {@code host:port}, or {@code local} for Ray's LOCAL mode. */
  public static final String ADDRESS_OPTION = "address";

  /** CPUs each task needs (Ray's default: 1). */
  public static final String NUM_CPUS_OPTION = "num_cpus";

  /** GPUs each task needs. */
  public static final String NUM_GPUS_OPTION = "num_gpus";

  /** Other Ray resources each task needs, name to amount. */
  public static final String RESOURCES_OPTION = "resources";

  /** Ray runtime environment of the tasks' workers, for example {@code env_vars}. */
  public static final String RUNTIME_ENV_OPTION = "runtime_env";

  /** How many asynchronous calls at most share one Ray task. */
  public static final String BATCH_SIZE_OPTION = "batch_size";

  /** How many Ray tasks at most run at once for this executor. */
  public static final String MAX_IN_FLIGHT_OPTION = "max_in_flight";

  /** Submissions in all when workers die (1 = no retry). */
  public static final String MAX_ATTEMPTS_OPTION = "max_attempts";

  /** Directories and jars the workers load classes from (default: this JVM's class path). */
  public static final String CODE_SEARCH_PATH_OPTION = "code_search_path";

  /** Options of the worker JVMs (default: {@link #DEFAULT_WORKER_JVM_OPTIONS}). */
  public static final String WORKER_JVM_OPTIONS_OPTION = "worker_jvm_options";

  /**
   * The JDK 17 {@code --add-opens} flags that Ray's serializer and Arrow need in worker JVMs, and a
   * modest heap.
   */
  public static final List<String> DEFAULT_WORKER_JVM_OPTIONS =
      List.of(
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.math=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "-Xmx512m");

  private static final Logger LOG = LoggerFactory.getLogger(RayExecutor.class);
  private static final AtomicInteger POOL_COUNTER = new AtomicInteger();
  private static final AtomicLong CALL_COUNTER = new AtomicLong();
  private static final long LINGER_MILLIS = 2;

  /** The driver's allocator for result batches: one per process, as Arrow recommends. */
  private static final class Allocator {
    static final BufferAllocator ROOT = new RootAllocator();
  }

  private final RayDriverSettings driver;
  private final RayTaskOptions taskOptions;
  private final WorkerCrashRetry retry;
  private final int batchSize;
  private final int maxInFlight;

  private final Object lock = new Object();
  private final List<Pending> queue = new ArrayList<>();
  private @Nullable ExecutorService pool;
  private @Nullable ScheduledExecutorService timer;
  private boolean flushScheduled;
  private boolean closed;

  private RayExecutor(
      RayDriverSettings driver,
      RayTaskOptions taskOptions,
      WorkerCrashRetry retry,
      int batchSize,
      int maxInFlight) {
    this.driver = driver;
    this.taskOptions = taskOptions;
    this.retry = retry;
    this.batchSize = batchSize;
    this.maxInFlight = maxInFlight;
  }

  /**
   * An executor for the cluster whose head is at {@code address} ({@code host:port}), loading user
   * classes from this JVM's class path (the workers must see the same paths: one machine or a
   * shared file system; otherwise set {@value #CODE_SEARCH_PATH_OPTION}).
   */
  public static RayExecutor connect(String address) {
    return new RayExecutor(
        RayDriverSettings.cluster(
            address, RayDriverSettings.currentClassPath(), DEFAULT_WORKER_JVM_OPTIONS),
        RayTaskOptions.DEFAULT,
        WorkerCrashRetry.DEFAULT,
        16,
        4);
  }

  /** An executor in Ray's LOCAL mode: tasks run on threads of this JVM; for tests. */
  public static RayExecutor local() {
    return new RayExecutor(
        RayDriverSettings.local(), RayTaskOptions.DEFAULT, WorkerCrashRetry.DEFAULT, 16, 4);
  }

  @Override
  public String executorTypeId() {
    return TYPE_ID;
  }

  @Override
  public Set<String> supportedFunctionTypeIds() {
    return Set.of(JAVA_FUNCTION_TYPE_ID);
  }

  @Override
  public boolean supportsConcurrentExecution() {
    return true;
  }

  @Override
  public Map<String, String> executorInfo() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put(EXECUTOR_TYPE_KEY, TYPE_ID);
    info.put("ray_address", driver.address() == null ? "local" : driver.address());
    return info;
  }

  /** How this executor's driver connects. */
  public RayDriverSettings driverSettings() {
    return driver;
  }

  /** Per-task resources and runtime environment. */
  public RayTaskOptions taskOptions() {
    return taskOptions;
  }

  /** How many asynchronous calls at most share one Ray task. */
  public int batchSize() {
    return batchSize;
  }

  /** Submissions in all when workers die. */
  public WorkerCrashRetry retry() {
    return retry;
  }

  @Override
  public RayExecutor withOptions(ExecutorOptions options) {
    RayDriverSettings settings = driver;
    Object address = options.get(ADDRESS_OPTION).orElse(null);
    List<String> codePath = stringList(options, CODE_SEARCH_PATH_OPTION, driver.codeSearchPath());
    List<String> jvm = stringList(options, WORKER_JVM_OPTIONS_OPTION, driver.workerJvmOptions());
    if (address != null) {
      if (!(address instanceof String text) || text.isBlank()) {
        throw new InvalidExecutorOptionException(
            ADDRESS_OPTION, "a head address host:port, or \"local\"", address);
      }
      try {
        settings =
            text.equals("local")
                ? RayDriverSettings.local()
                : RayDriverSettings.cluster(text, codePath, jvm);
      } catch (IllegalArgumentException e) {
        throw new InvalidExecutorOptionException(
            ADDRESS_OPTION, "a head address host:port, or \"local\"", address);
      }
    } else if (!settings.isLocalMode()) {
      settings =
          new RayDriverSettings(
              settings.address(), codePath, jvm, settings.namespace(), settings.nodeIp());
    }
    Map<String, Double> resources = new LinkedHashMap<>(taskOptions.resources());
    options
        .get(RESOURCES_OPTION)
        .ifPresent(value -> resources.putAll(amounts(RESOURCES_OPTION, value)));
    options.get(NUM_CPUS_OPTION).ifPresent(v -> resources.put("CPU", amount(NUM_CPUS_OPTION, v)));
    options.get(NUM_GPUS_OPTION).ifPresent(v -> resources.put("GPU", amount(NUM_GPUS_OPTION, v)));
    Map<String, Object> runtimeEnv = new LinkedHashMap<>(taskOptions.runtimeEnv());
    Object env = options.get(RUNTIME_ENV_OPTION).orElse(null);
    if (env != null) {
      if (!(env instanceof Map<?, ?> map)) {
        throw new InvalidExecutorOptionException(
            RUNTIME_ENV_OPTION, "a map such as {env_vars: {K: V}}", env);
      }
      map.forEach((k, v) -> runtimeEnv.put(String.valueOf(k), v));
    }
    int batch = positive(options, BATCH_SIZE_OPTION, batchSize);
    int inFlight = positive(options, MAX_IN_FLIGHT_OPTION, maxInFlight);
    int attempts = positive(options, MAX_ATTEMPTS_OPTION, retry.maxAttempts());
    RayTaskOptions task;
    try {
      task = new RayTaskOptions(resources, runtimeEnv);
    } catch (IllegalArgumentException e) {
      throw new InvalidExecutorOptionException(RESOURCES_OPTION, e.getMessage(), resources);
    }
    return new RayExecutor(settings, task, new WorkerCrashRetry(attempts), batch, inFlight);
  }

  private static int positive(ExecutorOptions options, String key, int fallback) {
    int n = options.intValue(key).orElse(fallback);
    if (n < 1) {
      throw new InvalidExecutorOptionException(key, "an integer >= 1", n);
    }
    return n;
  }

  private static double amount(String key, Object value) {
    if (value instanceof Number number
        && Double.isFinite(number.doubleValue())
        && number.doubleValue() >= 0) {
      return number.doubleValue();
    }
    throw new InvalidExecutorOptionException(key, "a number >= 0", value);
  }

  private static Map<String, Double> amounts(String key, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidExecutorOptionException(key, "a map of resource name to amount", value);
    }
    Map<String, Double> result = new LinkedHashMap<>();
    map.forEach((name, amount) -> result.put(String.valueOf(name), amount(key, amount)));
    return result;
  }

  private static List<String> stringList(
      ExecutorOptions options, String key, List<String> fallback) {
    Object value = options.get(key).orElse(null);
    if (value == null) {
      return fallback;
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new InvalidExecutorOptionException(key, "a list of strings", value);
  }

  @Override
  public <T> T executeCallable(Callable<T> callable, PacketLogger logger) throws Exception {
    checkOpen();
    RayDriver.connect(driver);
    return new RayCallRunner(taskOptions, retry)
        .call(label(), callable, output -> logger.record(output.asLogFields()));
  }

  @Override
  public <T> CompletableFuture<T> executeCallableAsync(Callable<T> callable, PacketLogger logger) {
    String label = label();
    if (!(callable instanceof Serializable)) {
      throw new IllegalArgumentException(
          label
              + ": the function "
              + callable.getClass().getName()
              + " is not Serializable, so it cannot be sent to a Ray worker. Use a static method"
              + " or a Serializable class (a lambda: (Callable<T> & Serializable) () -> ...).");
    }
    byte[] payload = JavaSerialization.toBytes(callable, label);
    CompletableFuture<T> future = new CompletableFuture<>();
    @SuppressWarnings("unchecked") // the future's type is the callable's
    CompletableFuture<Object> untyped = (CompletableFuture<Object>) future;
    List<Pending> full = null;
    boolean scheduleFlush = false;
    synchronized (lock) {
      if (closed) {
        throw closedException();
      }
      queue.add(new Pending(label, payload, logger, untyped));
      if (queue.size() >= batchSize) {
        full = drain();
      } else if (!flushScheduled) {
        flushScheduled = true;
        scheduleFlush = true;
      }
    }
    if (full != null) {
      submit(full);
    }
    if (scheduleFlush) {
      // Calls that arrive together share a task; a partial batch leaves after a short wait.
      timer().schedule(this::flushPartial, LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }
    return future;
  }

  @Override
  public List<CompletableFuture<@Nullable Map<String, @Nullable Object>>> executeBatchAsync(
      RemoteFunction function, VectorSchemaRoot packets, List<PacketLogger> loggers) {
    checkOpen();
    int n = packets.getRowCount();
    if (loggers.size() != n) {
      throw new IllegalArgumentException(
          "executeBatchAsync needs one logger per packet: "
              + n
              + " packets, "
              + loggers.size()
              + " loggers");
    }
    String name = function.canonicalName();
    byte[] reference = JavaSerialization.toBytes(function, "packet function '" + name + "'");
    List<CompletableFuture<@Nullable Map<String, @Nullable Object>>> futures = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      futures.add(new CompletableFuture<>());
    }
    for (int start = 0; start < n; start += batchSize) {
      int length = Math.min(batchSize, n - start);
      byte[] rows;
      try (VectorSchemaRoot slice = slice(packets, start, length)) {
        rows = ArrowIpcBatches.encode(slice);
      }
      PacketTask task =
          new PacketTask(
              name,
              reference,
              rows,
              List.copyOf(loggers.subList(start, start + length)),
              List.copyOf(futures.subList(start, start + length)));
      try {
        pool().execute(task::run);
      } catch (RejectedExecutionException | IllegalStateException e) {
        task.futures.forEach(f -> f.completeExceptionally(closedException()));
      }
    }
    return futures;
  }

  /** Rows {@code [start, start + length)} of {@code root} as a new root; the caller closes it. */
  private static VectorSchemaRoot slice(VectorSchemaRoot root, int start, int length) {
    List<FieldVector> columns = new ArrayList<>();
    try {
      for (FieldVector v : root.getFieldVectors()) {
        TransferPair pair = v.getTransferPair(v.getAllocator());
        pair.splitAndTransfer(start, length);
        columns.add((FieldVector) pair.getTo());
      }
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      throw e;
    }
    VectorSchemaRoot slice = new VectorSchemaRoot(columns);
    slice.setRowCount(length);
    return slice;
  }

  /** One Ray task's share of a batch: its packets as IPC bytes and their loggers and futures. */
  private final class PacketTask {
    final String function;
    final byte[] reference;
    final byte[] rows;
    final List<PacketLogger> loggers;
    final List<CompletableFuture<@Nullable Map<String, @Nullable Object>>> futures;

    PacketTask(
        String function,
        byte[] reference,
        byte[] rows,
        List<PacketLogger> loggers,
        List<CompletableFuture<@Nullable Map<String, @Nullable Object>>> futures) {
      this.function = function;
      this.reference = reference;
      this.rows = rows;
      this.loggers = loggers;
      this.futures = futures;
    }

    void run() {
      String what = futures.size() + " packets of '" + function + "'";
      byte[] result;
      try {
        RayDriver.connect(driver);
        result =
            retry.get(
                what,
                () ->
                    taskOptions
                        .applyTo(
                            Ray.task(RayPacketTask::runBatch, reference, rows)
                                .setName("orcapod " + what))
                        .remote());
      } catch (
          Throwable t) { // NOPMD: Ray, the transport or the rebuild failed; every packet learns it
        LOG.debug("Ray task for {} failed", what, t);
        Throwable cause = RayFailures.isWorkerCrash(t) ? t : RayFailures.userCause(t);
        futures.forEach(f -> f.completeExceptionally(cause));
        return;
      }
      try (VectorSchemaRoot out = ArrowIpcBatches.decode(result, Allocator.ROOT)) {
        complete(out);
      } catch (RuntimeException e) {
        LOG.debug("reading the results of {} failed", what, e);
        futures.forEach(f -> f.completeExceptionally(e));
      }
    }

    private void complete(VectorSchemaRoot out) {
      List<FieldVector> outputs = new ArrayList<>();
      for (FieldVector v : out.getFieldVectors()) {
        if (v.getName().equals(RayPacketTask.STATUS)) {
          break;
        }
        outputs.add(v);
      }
      for (int r = 0; r < futures.size(); r++) {
        String status = text(out, RayPacketTask.STATUS, r);
        CapturedOutput captured =
            new CapturedOutput(
                text(out, RayPacketTask.STDOUT, r),
                text(out, RayPacketTask.STDERR, r),
                text(out, RayPacketTask.LOGS, r),
                (String) ArrowValues.read(out.getVector(RayPacketTask.TRACEBACK), r),
                !RayPacketTask.FAILED.equals(status));
        try {
          loggers.get(r).record(captured.asLogFields());
        } catch (RuntimeException e) {
          LOG.warn(
              "recording the captured output of a packet of '{}' failed; the result stands",
              function,
              e);
        }
        CompletableFuture<@Nullable Map<String, @Nullable Object>> future = futures.get(r);
        if (RayPacketTask.FAILED.equals(status)) {
          byte[] bytes = (byte[]) ArrowValues.read(out.getVector(RayPacketTask.FAILURE), r);
          Throwable failure =
              bytes == null
                  ? new RemoteFunctionException(
                      "unknown",
                      "packet function '" + function + "' failed",
                      captured.traceback(),
                      null)
                  : ((CapturedTaskException)
                          JavaSerialization.fromBytes(bytes, "a packet's failure"))
                      .userException();
          future.completeExceptionally(failure);
        } else if (RayPacketTask.DROPPED.equals(status)) {
          future.complete(null);
        } else {
          Map<String, @Nullable Object> values = new LinkedHashMap<>();
          for (FieldVector v : outputs) {
            values.put(v.getName(), ArrowValues.read(v, r));
          }
          future.complete(values);
        }
      }
    }
  }

  private static String text(VectorSchemaRoot root, String column, int row) {
    Object value = ArrowValues.read(root.getVector(column), row);
    return value == null ? "" : value.toString();
  }

  private void flushPartial() {
    List<Pending> batch;
    synchronized (lock) {
      flushScheduled = false;
      batch = drain();
    }
    if (!batch.isEmpty()) {
      submit(batch);
    }
  }

  private List<Pending> drain() {
    List<Pending> batch = new ArrayList<>(queue);
    queue.clear();
    return batch;
  }

  private void submit(List<Pending> batch) {
    try {
      pool().execute(() -> runBatch(batch));
    } catch (RejectedExecutionException e) {
      batch.forEach(p -> p.future.completeExceptionally(closedException()));
    }
  }

  private void runBatch(List<Pending> batch) {
    String what =
        batch.size() == 1 ? batch.get(0).label : batch.size() + " calls from " + batch.get(0).label;
    try {
      RayDriver.connect(driver);
      List<byte[]> payloads = batch.stream().map(p -> p.payload).toList();
      byte[] argument = JavaSerialization.toBytes(new ArrayList<>(payloads), what);
      byte[] result =
          retry.get(
              what,
              () ->
                  taskOptions
                      .applyTo(Ray.task(RayCallTask::callBatch, argument).setName(what))
                      .remote());
      List<?> outcomes = (List<?>) JavaSerialization.fromBytes(result, what + " results");
      for (int i = 0; i < batch.size(); i++) {
        complete(batch.get(i), (RayCallTask.Outcome) outcomes.get(i));
      }
    } catch (Throwable t) { // NOPMD: Ray or the transport failed; every call learns it
      LOG.debug("Ray batch {} failed", what, t);
      batch.forEach(p -> p.future.completeExceptionally(t));
    }
  }

  private static void complete(Pending pending, RayCallTask.Outcome outcome) {
    try {
      pending.logger.record(outcome.output().asLogFields());
    } catch (RuntimeException e) {
      LOG.warn("recording the captured output of {} failed; the result stands", pending.label, e);
    }
    CapturedTaskException failure = outcome.failure();
    if (failure == null) {
      pending.future.complete(outcome.value());
    } else {
      pending.future.completeExceptionally(failure.userException());
    }
  }

  private record Pending(
      String label, byte[] payload, PacketLogger logger, CompletableFuture<Object> future) {}

  private static String label() {
    return "orcapod ray call " + CALL_COUNTER.incrementAndGet();
  }

  @Override
  public void start() {
    checkOpen();
    RayDriver.connect(driver);
  }

  private ExecutorService pool() {
    synchronized (lock) {
      if (closed) {
        throw closedException();
      }
      if (pool == null) {
        // Threads wait on Ray results; maxInFlight bounds the tasks this executor runs at once.
        String prefix = "orcapod-ray-" + POOL_COUNTER.incrementAndGet() + "-";
        AtomicInteger counter = new AtomicInteger();
        pool =
            Executors.newFixedThreadPool(
                maxInFlight,
                runnable -> {
                  Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
      }
      return pool;
    }
  }

  private ScheduledExecutorService timer() {
    synchronized (lock) {
      if (closed) {
        throw closedException();
      }
      if (timer == null) {
        timer =
            Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                  Thread thread = new Thread(runnable, "orcapod-ray-flush");
                  thread.setDaemon(true);
                  return thread;
                });
      }
      return timer;
    }
  }

  private void checkOpen() {
    synchronized (lock) {
      if (closed) {
        throw closedException();
      }
    }
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException(
        "[Orcapod/ExecutorClosed] this RayExecutor is closed; create a new one (or call"
            + " withOptions(...) on it) to run more packets");
  }

  /**
   * Stops accepting calls; calls already submitted still complete. The JVM's Ray driver stays
   * connected for other executors; {@link RayDriver#shutdown()} disconnects it.
   */
  @Override
  public void close() {
    ExecutorService toStop;
    List<Pending> leftover;
    synchronized (lock) {
      closed = true;
      toStop = pool;
      pool = null;
      leftover = drain();
      if (timer != null) {
        timer.shutdownNow();
        timer = null;
      }
    }
    if (toStop != null) {
      if (!leftover.isEmpty()) {
        toStop.execute(() -> runBatch(leftover));
      }
      toStop.shutdown();
    } else {
      leftover.forEach(p -> p.future.completeExceptionally(closedException()));
    }
  }

  @Override
  public String toString() {
    return "RayExecutor[address="
        + (driver.address() == null ? "local" : driver.address())
        + ", batchSize="
        + batchSize
        + ", maxAttempts="
        + retry.maxAttempts()
        + ", resources="
        + taskOptions.resources()
        + "]";
  }
}
