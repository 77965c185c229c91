package org.orcapod.function;

/**
 * Column names of stored result rows and pipeline records, identical to Python orcapod's ({@code
 * system_constants.py}, {@code result_cache.py}, {@code function_node.py}).
 */
public final class ResultColumns {
  /** Hash of the input packet, the cache key: {@code __input_packet_hash}. */
  public static final String INPUT_PACKET_HASH = "__input_packet_hash";

  /** Record id of an output packet (the result row's record id): {@code __packet_id}. */
  public static final String PACKET_ID = "__packet_id";

  /** Prefix of function-variation columns: {@code __pf_var_}. */
  public static final String VARIATION_PREFIX = "__pf_var_";

  /** Prefix of execution-environment columns: {@code __pf_exec_}. */
  public static final String EXECUTION_PREFIX = "__pf_exec_";

  /** ISO-8601 UTC time the result was stored: {@code __pod_ts}. */
  public static final String POD_TIMESTAMP = "__pod_ts";

  /** Whether a result was computed in this run (true) or served from the cache (false). */
  public static final String COMPUTED = "__computed";

  /** Variation column holding the bytecode fingerprint: {@code __pf_var_function_content_hash}. */
  public static final String FUNCTION_CONTENT_HASH = VARIATION_PREFIX + "function_content_hash";

  /** Pipeline-record column: the node's content hash, {@code _node_content_hash}. */
  public static final String NODE_CONTENT_HASH = "_node_content_hash";

  /** Pipeline-record column: the input packet's context key. */
  public static final String INPUT_PACKET_CONTEXT_KEY = "__input_packet_context_key";

  /** Name under which pipeline records' record ids (pipeline entry ids) are read back. */
  public static final String PIPELINE_ENTRY_ID = "__pipeline_entry_id";

  private ResultColumns() {}
}
