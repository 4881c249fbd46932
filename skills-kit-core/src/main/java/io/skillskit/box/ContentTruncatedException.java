package io.skillskit.box;

import java.io.IOException;

/**
 * Thrown by a content stream of {@link FilesReader} when the download ends before the whole body
 * has arrived, for example because the connection was cut: fewer bytes than Box announced in
 * {@code Content-Length}, or a chunked body that stopped before its last chunk. The bytes read so
 * far are incomplete; do not analyse them. Trying the download again may succeed.
 */
public class ContentTruncatedException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Size Box announced in {@code Content-Length}, or -1 for a chunked body. */
  private final long expectedBytes;

  /** Bytes that arrived before the download ended. */
  private final long receivedBytes;

  ContentTruncatedException(String what, long expectedBytes, long receivedBytes, Throwable cause) {
    super(
        what
            + " ended after "
            + receivedBytes
            + (expectedBytes >= 0
                ? " of the " + expectedBytes + " bytes Box announced"
                : " bytes, before the end of the chunked body Box was sending")
            + "; the content is incomplete. Try the download again.",
        cause);
    this.expectedBytes = expectedBytes;
    this.receivedBytes = receivedBytes;
  }

  /**
   * Returns the size Box announced in {@code Content-Length}.
   *
   * @return the expected number of bytes, or -1 when Box sent the body in chunks without a length
   */
  public long expectedBytes() {
    return expectedBytes;
  }

  /**
   * Returns how many bytes arrived before the download ended.
   *
   * @return the number of bytes received
   */
  public long receivedBytes() {
    return receivedBytes;
  }
}
