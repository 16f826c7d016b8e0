package io.tagbase.bench;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/** COPY text rows built straight into bytes (no String per value), flushed in 1 MiB writes. */
final class CopyBuffer {
  private static final int FLUSH_AT = 1 << 20;

  private final CopyIn copy;
  private final byte[] buffer = new byte[FLUSH_AT + 4096];
  private int length;

  CopyBuffer(CopyIn copy) {
    this.copy = copy;
  }

  CopyBuffer put(char c) {
    buffer[length++] = (byte) c;
    return this;
  }

  /** Appends ASCII text (dates, codes). */
  CopyBuffer put(String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      buffer[length++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  CopyBuffer put(int value) {
    if (value < 0) {
      if (value == Integer.MIN_VALUE) {
        for (char c : "-2147483648".toCharArray()) {
          put(c);
        }
        return this;
      }
      put('-');
      value = -value;
    }
    int digits = 1;
    for (int v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int i = length + digits - 1; i >= length; i--) {
      buffer[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
    return this;
  }

  /** Ends a row; sends the buffer once it is full enough. */
  void endRow() throws SQLException {
    put('\n');
    if (length >= FLUSH_AT) {
      flush();
    }
  }

  void flush() throws SQLException {
    if (length > 0) {
      copy.writeToCopy(buffer, 0, length);
      length = 0;
    }
  }
}
