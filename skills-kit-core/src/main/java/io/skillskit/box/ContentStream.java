package io.skillskit.box;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.Response;

/**
 * Body of a download, read straight off the connection. Counts the bytes so that a body shorter
 * than its {@code Content-Length} fails with {@link ContentTruncatedException} instead of looking
 * like a complete file. Closing it releases the connection.
 */
final class ContentStream extends InputStream {

  private final Response response;
  private final InputStream in;
  private final long expected;
  private final String what;
  private long received;
  private boolean closed;

  ContentStream(Response response, String what) {
    this.response = response;
    this.in =
        response.body() == null ? InputStream.nullInputStream() : response.body().byteStream();
    this.expected = response.body() == null ? -1 : response.body().contentLength();
    this.what = what;
  }

  /** Returns the announced length, or -1 when Box sent none. */
  long expectedLength() {
    return expected;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException(what + " stream is closed");
    }
    if (length == 0) {
      return 0;
    }
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (ContentTruncatedException e) {
      throw e;
    } catch (IOException e) {
      // OkHttp reports a connection closed early as "unexpected end of stream", and a chunked body
      // cut mid-chunk as a ProtocolException; both mean the content is incomplete.
      if (expected < 0 || received < expected) {
        throw new ContentTruncatedException(what, expected, received, e);
      }
      throw e;
    }
    if (n == -1) {
      if (expected >= 0 && received < expected) {
        throw new ContentTruncatedException(what, expected, received, null);
      }
      return -1;
    }
    received += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return closed ? 0 : in.available();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      response.close();
    }
  }
}
