package io.skillskit.examples.bench;

import io.skillskit.examples.localbox.FileContent;
import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * File content of any size made by repeating one 1 MiB block of random bytes. Serving it costs the
 * server an array copy per read, so a download measures the network path and the client rather
 * than how fast the server can produce bytes.
 */
final class RepeatingContent {

  private static final byte[] BLOCK = new byte[1 << 20];

  static {
    new SplittableRandom(20_260_314L).nextBytes(BLOCK);
  }

  private RepeatingContent() {}

  /** Returns content of {@code size} bytes for a LocalBox file. */
  static FileContent of(long size) {
    return FileContent.streamed(size, () -> new Stream(size));
  }

  private static final class Stream extends InputStream {

    private final long size;
    private long position;

    Stream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (position >= size) {
        return -1;
      }
      return BLOCK[(int) (position++ % BLOCK.length)] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int start = (int) (position % BLOCK.length);
      int count = (int) Math.min(Math.min(length, BLOCK.length - start), size - position);
      System.arraycopy(BLOCK, start, buffer, offset, count);
      position += count;
      return count;
    }
  }
}
