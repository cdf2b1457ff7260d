package org.newsgraph.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Text of any length in the binary files beside the store (merge states, rejected files): its UTF-8
 * length, then the bytes. {@code writeUTF} is limited to 64 KB, and a problem's message or an
 * article's facts may be longer.
 */
final class LongText {

  private LongText() {}

  static void write(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /**
   * @param most the longest length the file may hold, in bytes: a longer one means damage
   */
  static String read(DataInputStream in, int most) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > most) {
      throw new IOException("bad length");
    }
    byte[] utf8 = new byte[n];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
