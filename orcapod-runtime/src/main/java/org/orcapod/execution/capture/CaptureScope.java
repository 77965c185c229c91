package org.orcapod.execution.capture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.PacketLogger;

/**
 * The buffers of one capture, owned by the thread that runs the function. Only that thread writes
 * to them, and only while the scope is current, so they need no locking of their own.
 */
final class CaptureScope {
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final List<String> logLines = new ArrayList<>();

  void writeStdout(byte[] bytes, int offset, int length) {
    stdout.write(bytes, offset, length);
  }

  void writeStderr(byte[] bytes, int offset, int length) {
    stderr.write(bytes, offset, length);
  }

  void addLogLine(String line) {
    logLines.add(line);
  }

  /** The fields the local executor records, in the order of the log columns. */
  Map<String, @Nullable Object> fields(
      Charset stdoutCharset, Charset stderrCharset, boolean success, @Nullable String traceback) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put(PacketLogger.STDOUT, stdout.toString(stdoutCharset));
    fields.put(PacketLogger.STDERR, stderr.toString(stderrCharset));
    fields.put(PacketLogger.LOGS, String.join("\n", logLines));
    fields.put(PacketLogger.TRACEBACK, traceback);
    fields.put(PacketLogger.SUCCESS, success);
    return Collections.unmodifiableMap(fields);
  }
}
