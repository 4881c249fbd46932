package io.skillskit.box;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Makes plain sockets that enforce a read timeout themselves, for the download client.
 *
 * <p>OkHttp enforces its read timeout through Okio, which wakes a watchdog thread on every read of
 * at most 8 KiB; on a 2-core machine that took about a third of the CPU time of a download. The
 * download client therefore sets no OkHttp read timeout, and its sockets turn the {@code
 * setSoTimeout(0)} that OkHttp then sends into the configured timeout. A read that waits longer
 * fails with {@link java.net.SocketTimeoutException}, as OkHttp's own timeout does. This covers
 * HTTP/1.1 only, where every read of a response is a read of the socket, so the download client
 * speaks HTTP/1.1 only. A TLS socket that OkHttp layers over such a socket passes {@code
 * setSoTimeout} down to it.
 */
final class ReadTimeoutSocketFactory extends SocketFactory {

  private final int readTimeoutMillis;

  ReadTimeoutSocketFactory(int readTimeoutMillis) {
    if (readTimeoutMillis <= 0) {
      throw new IllegalArgumentException(
          "readTimeoutMillis is " + readTimeoutMillis + "; expected more than zero");
    }
    this.readTimeoutMillis = readTimeoutMillis;
  }

  @Override
  public Socket createSocket() throws SocketException {
    Socket socket = new TimedSocket(readTimeoutMillis);
    socket.setSoTimeout(0);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(host, port), localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(address, port), localAddress, localPort);
  }

  private Socket connected(InetSocketAddress remote) throws IOException {
    Socket socket = createSocket();
    socket.connect(remote);
    return socket;
  }

  private Socket connected(InetSocketAddress remote, InetAddress localHost, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(remote);
    return socket;
  }

  /** A socket whose "no timeout" means the configured read timeout. */
  private static final class TimedSocket extends Socket {

    private final int readTimeoutMillis;

    TimedSocket(int readTimeoutMillis) {
      this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
      super.setSoTimeout(timeout == 0 ? readTimeoutMillis : timeout);
    }
  }
}
