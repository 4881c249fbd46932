package io.skillskit.box;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Standard Base64 text (with padding, no line breaks) of another stream, produced as it is read.
 * Input is encoded in blocks whose size is a multiple of three bytes, so the concatenated blocks
 * equal the encoding of the whole input. Memory use stays at one block.
 */
final class Base64TextStream extends InputStream {

  private static final int BLOCK = 3 * 16 * 1024;

  private final InputStream source;
  private final Base64.Encoder encoder = Base64.getEncoder();
  private final byte[] raw = new byte[BLOCK];
  private byte[] encoded = new byte[0];
  private int position;
  private boolean sourceDone;

  Base64TextStream(InputStream source) {
    this.source = source;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return encoded[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, encoded.length - position);
    System.arraycopy(encoded, position, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /** Encodes the next block when the current one is used up; returns false at the end. */
  private boolean fill() throws IOException {
    while (position >= encoded.length) {
      if (sourceDone) {
        return false;
      }
      int filled = source.readNBytes(raw, 0, BLOCK);
      if (filled < BLOCK) {
        sourceDone = true;
      }
      byte[] chunk = filled == BLOCK ? raw : Arrays.copyOf(raw, filled);
      encoded = encoder.encode(chunk);
      position = 0;
    }
    return true;
  }
}
