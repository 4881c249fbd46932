package io.skillskit.examples.handlers.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skillskit.examples.pipeline.SkillPipeline;
import io.skillskit.examples.pipeline.SkillResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A skill endpoint on the JDK's built-in {@code com.sun.net.httpserver.HttpServer}: the simplest
 * way to run a skill on one machine, with no dependency beyond the JDK.
 *
 * <p>It accepts {@code POST} on every path and passes the raw body and all headers to a {@link
 * SkillPipeline}. Other methods get 405, and a body larger than {@link Builder#maxBodyBytes(int)}
 * gets 413 without being read to the end.
 *
 * <pre>{@code
 * try (JdkSkillServer server = JdkSkillServer.start(pipeline)) {   // 127.0.0.1, free port
 *   URI invocationUrl = server.uri();
 *   ...
 * }
 * }</pre>
 *
 * <p>The server listens on the loopback address by default. Box calls a skill over HTTPS, so in
 * production it sits behind a TLS-terminating proxy. Closing the server does not close the
 * pipeline.
 */
public final class JdkSkillServer implements AutoCloseable {

  /** Largest request body accepted by default, in bytes: 1 MiB, far above any real event. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  /** Threads serving requests by default. */
  public static final int DEFAULT_THREADS = 4;

  private static final Logger log = LoggerFactory.getLogger(JdkSkillServer.class);

  private final HttpServer server;
  private final ExecutorService threads;
  private final SkillPipeline pipeline;
  private final int maxBodyBytes;

  private JdkSkillServer(Builder builder) throws IOException {
    this.pipeline = builder.pipeline;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.server = HttpServer.create(new InetSocketAddress(builder.address, builder.port), 0);
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            builder.threads,
            task -> new Thread(task, "jdk-skill-server-" + count.incrementAndGet()));
    server.setExecutor(threads);
    server.createContext("/", this::exchange);
    server.start();
    log.info("Skill endpoint listening on {}", uri());
  }

  /**
   * Starts a server on 127.0.0.1 at a free port with the default settings.
   *
   * @param pipeline the pipeline that handles each delivery
   * @return the running server
   * @throws UncheckedIOException if the server cannot bind its port
   */
  public static JdkSkillServer start(SkillPipeline pipeline) {
    return builder(pipeline).start();
  }

  /**
   * Starts a builder for a server in front of a pipeline.
   *
   * @param pipeline the pipeline that handles each delivery
   * @return a new builder
   */
  public static Builder builder(SkillPipeline pipeline) {
    return new Builder(pipeline);
  }

  /**
   * Returns the URL to send invocations to.
   *
   * @return for example {@code http://127.0.0.1:50123/}
   */
  public URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create(
        "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
  }

  /** Stops accepting connections, waits briefly for open exchanges and stops the threads. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdown();
    try {
      if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Returns the URL.
   *
   * @return text such as {@code JdkSkillServer[http://127.0.0.1:50123/]}
   */
  @Override
  public String toString() {
    return "JdkSkillServer[" + uri() + "]";
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, "{\"error\":\"method_not_allowed\",\"message\":\"Use POST.\"}");
        return;
      }
      byte[] body = readBody(exchange);
      if (body == null) {
        send(
            exchange,
            413,
            "{\"error\":\"payload_too_large\",\"message\":\"The body exceeds "
                + maxBodyBytes
                + " bytes.\"}");
        return;
      }
      // Headers keeps names in one normalised case, each with every value received.
      Map<String, List<String>> headers = exchange.getRequestHeaders();
      SkillResponse response = pipeline.handle(body, headers);
      response.headers().forEach(exchange.getResponseHeaders()::set);
      send(exchange, response.statusCode(), response.body());
    } catch (RuntimeException e) {
      log.error("Failed to handle a request to the skill endpoint", e);
      throw e;
    } finally {
      exchange.close();
    }
  }

  /** Returns the body, or {@code null} when it is larger than the limit. */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBodyBytes) {
          return null;
        }
      } catch (NumberFormatException e) {
        // The server rejects a malformed Content-Length itself; read with the limit regardless.
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? null : body;
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", SkillResponse.CONTENT_TYPE);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      // A response to HEAD has no body, which a length of -1 declares.
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Settings of a {@link JdkSkillServer}. */
  public static final class Builder {

    private final SkillPipeline pipeline;
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int threads = DEFAULT_THREADS;

    private Builder(SkillPipeline pipeline) {
      this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * Sets the address to listen on; the loopback address by default. Listen on another address
     * only behind a TLS-terminating proxy.
     *
     * @param address the local address
     * @return this builder
     */
    public Builder address(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets the port; 0, the default, picks a free one.
     *
     * @param port 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException if the port is outside 0 to 65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port is " + port + "; expected 0 to 65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the largest request body accepted; larger ones get 413.
     *
     * @param bytes the limit in bytes, 1 to 64 MiB
     * @return this builder
     * @throws IllegalArgumentException if the limit is outside 1 byte to 64 MiB
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1 || bytes > (64 << 20)) {
        throw new IllegalArgumentException("maxBodyBytes is " + bytes + "; expected 1 to 64 MiB");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Sets how many threads serve requests. Requests only verify, parse and queue, so few suffice.
     *
     * @param threads 1 to 256
     * @return this builder
     * @throws IllegalArgumentException if the number is outside 1 to 256
     */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads is " + threads + "; expected 1 to 256");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Starts the server.
     *
     * @return the running server; close it when done
     * @throws UncheckedIOException if the server cannot bind its address and port
     */
    public JdkSkillServer start() {
      try {
        return new JdkSkillServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not start the skill endpoint on " + address.getHostAddress() + ":" + port, e);
      }
    }
  }
}
