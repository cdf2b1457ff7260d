package org.newsgraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsgraph.model.Position;

/**
 * Reads a file's bytes as checked UTF-8 text: refused by size before reading, refused when it holds
 * NUL bytes or is not valid UTF-8 (naming the byte offset), a leading byte-order mark removed. The
 * YAML parser never sees a file that fails these checks.
 */
public final class SourceText {

  private SourceText() {}

  /**
   * Reads a file as text.
   *
   * @param file the file
   * @param limits the size cap
   * @return the text, without a byte-order mark
   * @throws SourceException when the file is too large, binary or not UTF-8
   * @throws IOException when the file cannot be read
   */
  public static String read(Path file, ReaderLimits limits) throws IOException {
    return decode(readBytes(file, limits));
  }

  /**
   * Reads a file's bytes, refused by size before reading (for inputs that are not UTF-8 text by
   * rule, such as XML, whose parser decodes them).
   *
   * @throws SourceException when the file is too large
   * @throws IOException when the file cannot be read
   */
  public static byte[] readBytes(Path file, ReaderLimits limits) throws IOException {
    long size = Files.size(file);
    if (size > limits.maxFileBytes()) {
      throw new SourceException(
          Position.START,
          "file is "
              + size
              + " bytes, more than the limit of "
              + limits.maxFileBytes()
              + " bytes (raise it with --max-file-size)");
    }
    return Files.readAllBytes(file);
  }

  /**
   * Reads a stream's bytes, refusing it as soon as it passes the size cap.
   *
   * @throws SourceException when the input is too large
   * @throws IOException when the stream cannot be read
   */
  public static byte[] readBytes(InputStream in, ReaderLimits limits) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
    if (bytes.length > limits.maxFileBytes()) {
      throw new SourceException(
          Position.START, "input is more than the limit of " + limits.maxFileBytes() + " bytes");
    }
    return bytes;
  }

  /**
   * Reads a stream as text, refusing it as soon as it passes the size cap.
   *
   * @param in the stream; not closed
   * @param limits the size cap
   * @return the text, without a byte-order mark
   * @throws SourceException when the input is too large, binary or not UTF-8
   * @throws IOException when the stream cannot be read
   */
  public static String read(InputStream in, ReaderLimits limits) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
    if (bytes.length > limits.maxFileBytes()) {
      throw new SourceException(
          Position.START, "input is more than the limit of " + limits.maxFileBytes() + " bytes");
    }
    return decode(bytes);
  }

  /** Decodes checked UTF-8; see {@link #read(Path, ReaderLimits)}. */
  static String decode(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new SourceException(
            positionOfByte(bytes, i), "binary file: NUL byte at byte offset " + i);
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    String text;
    try {
      text = decoder.decode(buffer).toString();
    } catch (MalformedInputException e) {
      int offset = buffer.position();
      throw new SourceException(
          positionOfByte(bytes, offset),
          "not UTF-8: invalid byte sequence at byte offset " + offset);
    } catch (CharacterCodingException e) {
      throw new SourceException(Position.START, "not UTF-8: " + e.getMessage());
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static Position positionOfByte(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // Columns count characters; before the bad byte everything decoded, so count UTF-8 lead bytes.
    int column = 1;
    for (int i = lineStart; i < offset; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new Position(line, column);
  }
}
