package io.skillskit.examples.localbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of one file version held by LocalBox: in memory, read from a path on demand, or
 * generated on demand so that downloads of hundreds of megabytes can be tested without holding them
 * in memory.
 *
 * <pre>{@code
 * LocalFile small = box.addFile("notes.txt", FileContent.ofUtf8("budget review"));
 * LocalFile big = box.addFile("long-meeting.mp4", FileContent.generated(512L << 20));
 * }</pre>
 */
public final class FileContent {

  /** Opens a new stream over content whose size is declared separately. */
  @FunctionalInterface
  public interface StreamOpener {
    /**
     * Opens a new stream positioned at the first byte.
     *
     * @return a stream the caller closes
     * @throws IOException when the content cannot be opened
     */
    InputStream open() throws IOException;
  }

  private final long size;
  private final StreamOpener opener;
  private final String source;
  private final byte[] bytes;

  private FileContent(long size, StreamOpener opener, String source, byte[] bytes) {
    this.size = size;
    this.opener = opener;
    this.source = source;
    this.bytes = bytes;
  }

  /**
   * Returns content held in memory as a copy of the array.
   *
   * @param bytes the file's bytes
   * @return the content
   */
  public static FileContent of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    byte[] copy = bytes.clone();
    return new FileContent(copy.length, () -> new ByteArrayInputStream(copy), "bytes", copy);
  }

  /**
   * Returns content held in memory as the UTF-8 bytes of a text.
   *
   * @param text the file's text
   * @return the content
   */
  public static FileContent ofUtf8(String text) {
    Objects.requireNonNull(text, "text");
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns content read from a file each time it is served. The size is taken now, so the file
   * must not change while LocalBox serves it.
   *
   * @param path a readable regular file
   * @return the content
   * @throws UncheckedIOException when the size of the file cannot be read
   */
  public static FileContent ofPath(Path path) {
    Objects.requireNonNull(path, "path");
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of " + path + "; expected a file", e);
    }
    return new FileContent(size, () -> Files.newInputStream(path), "path", null);
  }

  /**
   * Returns content of a declared size whose bytes come from a stream opened for each request. A
   * stream that ends before {@code size} bytes makes LocalBox close the connection mid-body.
   *
   * @param size the number of bytes every opened stream delivers
   * @param opener opens a new stream positioned at the first byte
   * @return the content
   * @throws IllegalArgumentException when {@code size} is negative
   */
  public static FileContent streamed(long size, StreamOpener opener) {
    requireSize(size);
    Objects.requireNonNull(opener, "opener");
    return new FileContent(size, opener, "stream", null);
  }

  /**
   * Returns content of any size whose bytes are computed on demand, so memory use does not grow
   * with the size. Byte {@code i} is {@link #generatedByteAt(long) generatedByteAt(i)}, which lets
   * a test check any range of a download.
   *
   * @param size the number of bytes
   * @return the content
   * @throws IllegalArgumentException when {@code size} is negative
   */
  public static FileContent generated(long size) {
    requireSize(size);
    return new FileContent(size, () -> new GeneratedStream(size), "generated", null);
  }

  /**
   * Returns the byte at a position of {@link #generated(long) generated} content, as an unsigned
   * value from 0 to 255.
   *
   * @param index the zero-based position
   * @return the byte value
   */
  public static int generatedByteAt(long index) {
    return (int) (mix(index >>> 3) >>> ((index & 7) * 8)) & 0xFF;
  }

  /**
   * Returns the number of bytes.
   *
   * @return the size in bytes
   */
  public long size() {
    return size;
  }

  /**
   * Opens a new stream over the bytes.
   *
   * @return a stream the caller closes
   * @throws IOException when the content cannot be opened
   */
  public InputStream open() throws IOException {
    return opener.open();
  }

  /** Returns the bytes when the content is held in memory, else null. Never modify the array. */
  byte[] bytesInMemory() {
    return bytes;
  }

  @Override
  public String toString() {
    return "FileContent[size=" + size + ", source=" + source + "]";
  }

  private static void requireSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("size is " + size + "; expected 0 or more bytes");
    }
  }

  /** Scrambles a block number into 8 well-spread bytes (the SplitMix64 finaliser). */
  private static long mix(long block) {
    long z = block + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static final class GeneratedStream extends InputStream {
    private final long size;
    private long position;

    GeneratedStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (position >= size) {
        return -1;
      }
      return generatedByteAt(position++);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, buffer.length);
      if (length == 0) {
        return 0;
      }
      if (position >= size) {
        return -1;
      }
      int count = (int) Math.min(length, size - position);
      int written = 0;
      while (written < count) {
        long block = mix(position >>> 3);
        int shift = (int) (position & 7);
        while (shift < 8 && written < count) {
          buffer[offset + written] = (byte) (block >>> (shift * 8));
          written++;
          shift++;
          position++;
        }
      }
      return count;
    }

    @Override
    public long skip(long count) {
      long skipped = Math.max(0, Math.min(count, size - position));
      position += skipped;
      return skipped;
    }

    @Override
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, size - position);
    }
  }
}
