package org.orcapod.schema;

/**
 * Reserved column names and separators, identical to Python orcapod's {@code system_constants}.
 *
 * <p>Columns starting with {@code _} are datagram columns (context key, source info, system tags);
 * columns starting with {@code __} are meta columns. User data columns must not use these prefixes.
 */
public final class SystemConstants {
  /** Prefix of meta columns, {@code __}. */
  public static final String META_PREFIX = "__";

  /** Prefix of every datagram-level system column, {@code _}. */
  public static final String DATAGRAM_PREFIX = "_";

  /** Prefix of per-column source-info columns: {@code _source_<column>}. */
  public static final String SOURCE_PREFIX = "_source_";

  /** Name of the data-context column, {@code _context_key}. */
  public static final String CONTEXT_KEY = "_context_key";

  /** Prefix of every system-tag column, {@code _tag_}. */
  public static final String SYSTEM_TAG_PREFIX = "_tag_";

  /** Prefix of source-id system-tag columns, {@code _tag_source_id}. */
  public static final String SYSTEM_TAG_SOURCE_ID_PREFIX = "_tag_source_id";

  /** Prefix of record-id system-tag columns, {@code _tag_record_id}. */
  public static final String SYSTEM_TAG_RECORD_ID_PREFIX = "_tag_record_id";

  /** Separator between blocks of a provenance token or system-tag name, {@code ::}. */
  public static final String BLOCK_SEPARATOR = "::";

  /** Separator between fields inside a block, {@code :}. */
  public static final String FIELD_SEPARATOR = ":";

  /** Default name of the content-hash column that {@link ColumnConfig#contentHash()} adds. */
  public static final String CONTENT_HASH_COLUMN = "_content_hash";

  /** Meta column holding the hash of the input packet, {@code __input_packet_hash}. */
  public static final String INPUT_PACKET_HASH_COL = "__input_packet_hash";

  /** Meta column holding a packet's record id, {@code __packet_id}. */
  public static final String PACKET_RECORD_ID = "__packet_id";

  /** Column holding a node's content hash, {@code _node_content_hash}. */
  public static final String NODE_CONTENT_HASH_COL = "_node_content_hash";

  /** Meta column prefix of pod ids, {@code __pod_id_}. */
  public static final String POD_ID_PREFIX = "__pod_id_";

  /** Meta column of the pod version, {@code __pod_version}. */
  public static final String POD_VERSION = "__pod_version";

  /** Meta column of the execution engine, {@code __execution_engine}. */
  public static final String EXECUTION_ENGINE = "__execution_engine";

  /** Meta column of the pod timestamp, {@code __pod_ts}. */
  public static final String POD_TIMESTAMP = "__pod_ts";

  /** Meta column of the environment info, {@code __env_info}. */
  public static final String ENV_INFO = "__env_info";

  /** Number of hex characters of the schema hash in system-tag column names. */
  public static final int SCHEMA_HASH_CHARS = 12;

  /** Number of hex characters of the table hash used as a default source id. */
  public static final int PATH_HASH_CHARS = 20;

  /** Number of hex characters of pipeline hashes appended to system tags by operators. */
  public static final int SYSTEM_TAG_HASH_CHARS = 12;

  /** The default data context key, {@code std:v0.1:default}. */
  public static final String DEFAULT_CONTEXT_KEY = "std:v0.1:default";

  private SystemConstants() {}

  /** Whether {@code column} is a system column (starts with {@code _}, which includes meta). */
  public static boolean isSystemColumn(String column) {
    return column.startsWith(DATAGRAM_PREFIX);
  }

  /** Whether {@code column} is a meta column (starts with {@code __}). */
  public static boolean isMetaColumn(String column) {
    return column.startsWith(META_PREFIX);
  }

  /** Whether {@code column} is a system-tag column (starts with {@code _tag_}). */
  public static boolean isSystemTagColumn(String column) {
    return column.startsWith(SYSTEM_TAG_PREFIX);
  }

  /** Whether {@code column} is a source-info column (starts with {@code _source_}). */
  public static boolean isSourceInfoColumn(String column) {
    return column.startsWith(SOURCE_PREFIX);
  }

  /** The source-info column of data column {@code column}: {@code _source_<column>}. */
  public static String sourceInfoColumn(String column) {
    return SOURCE_PREFIX + column;
  }

  /** The source-id system-tag column for a schema hash: {@code _tag_source_id::<h12>}. */
  public static String sourceIdTagColumn(String schemaHash) {
    return SYSTEM_TAG_SOURCE_ID_PREFIX + BLOCK_SEPARATOR + schemaHash;
  }

  /** The record-id system-tag column for a schema hash: {@code _tag_record_id::<h12>}. */
  public static String recordIdTagColumn(String schemaHash) {
    return SYSTEM_TAG_RECORD_ID_PREFIX + BLOCK_SEPARATOR + schemaHash;
  }

  /** A meta column name: {@code name} with {@code __} prepended unless already there. */
  public static String metaColumn(String name) {
    return name.startsWith(META_PREFIX) ? name : META_PREFIX + name;
  }
}
