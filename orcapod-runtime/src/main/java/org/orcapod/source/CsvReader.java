package org.orcapod.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.orcapod.error.MalformedInputException;

/**
 * An RFC 4180 CSV reader: comma separated, fields optionally in double quotes (a doubled quote is a
 * literal quote, quoted fields may span lines), LF or CRLF line ends. It reports the 1-based line
 * on which each record starts so errors can name it.
 */
final class CsvReader {
  private final BufferedReader in;
  private final String file;
  private int nextLine = 1;
  private int recordLine;

  CsvReader(BufferedReader in, String file) {
    this.in = in;
    this.file = file;
  }

  /** The 1-based line of the record last returned. */
  int recordLine() {
    return recordLine;
  }

  /** The next record's fields, or null at end of input. */
  List<String> next() throws IOException {
    String line = in.readLine();
    while (line != null && line.isEmpty()) {
      nextLine++;
      line = in.readLine();
    }
    if (line == null) {
      return null;
    }
    recordLine = nextLine++;
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    while (true) {
      if (i >= line.length()) {
        if (quoted) {
          String more = in.readLine();
          if (more == null) {
            throw new MalformedInputException(
                file,
                recordLine,
                null,
                "a quoted field is not closed before the end of the file; add the closing '\"'");
          }
          nextLine++;
          cur.append('\n');
          line = more;
          i = 0;
          continue;
        }
        fields.add(cur.toString());
        return fields;
      }
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        cur.append(c);
        i++;
      } else if (c == '"' && cur.length() == 0 && !fieldWasQuoted) {
        quoted = true;
        fieldWasQuoted = true;
        i++;
      } else if (c == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
        fieldWasQuoted = false;
        i++;
      } else {
        cur.append(c);
        i++;
      }
    }
  }
}
