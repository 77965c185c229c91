package org.orcapod.function;

import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.source.SourceContext;

/**
 * A function pod whose results are memoised by input packet hash in a {@link ResultCache} under the
 * record path {@code uri} of {@code resultDatabase} (pre-scoped by the caller, e.g. {@code
 * <pipeline>/_result}), as Python orcapod's {@code CachedFunctionPod}. Its output packets carry the
 * meta column {@code __computed}: true when computed in this run, false when served from the cache.
 */
public class CachedFunctionPod extends FunctionPod {
  private final ResultCache cache;

  /** A cached pod of {@code function}. */
  public CachedFunctionPod(
      PacketFunction function, SourceContext context, ArrowDatabase resultDatabase) {
    this(function, context, InputCombiner.JOIN, resultDatabase);
  }

  /** A cached pod that combines several inputs with {@code combiner}. */
  public CachedFunctionPod(
      PacketFunction function,
      SourceContext context,
      InputCombiner combiner,
      ArrowDatabase resultDatabase) {
    super(function, context, combiner);
    this.cache = new ResultCache(resultDatabase, new RecordPath(uri().components()));
  }

  @Override
  public ResultCache resultCache() {
    return cache;
  }
}
