package io.skillskit.box;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted fake of the Box API on 127.0.0.1 with a free port. Each route responds with its queued
 * responders in order and repeats the last one; every request is recorded.
 */
final class FakeBox implements AutoCloseable {

  /** One request the fake received. */
  record Recorded(String method, String path, String query, Headers headers, byte[] body) {

    String header(String name) {
      return headers.getFirst(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String target() {
      return method + " " + path + (query == null ? "" : "?" + query);
    }
  }

  /** Writes the response to one request. */
  @FunctionalInterface
  interface Responder {
    void respond(HttpExchange exchange, Recorded request) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Responder>> routes = new HashMap<>();

  FakeBox() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Box server", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  String base() {
    return uri().toString();
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** Queues responders for a method and path (without query). */
  FakeBox on(String method, String path, Responder... responders) {
    synchronized (routes) {
      Deque<Responder> queue = routes.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>());
      queue.addAll(List.of(responders));
    }
    return this;
  }

  /** Replaces the responders of a method and path. */
  FakeBox replace(String method, String path, Responder... responders) {
    synchronized (routes) {
      routes.remove(method + " " + path);
    }
    return on(method, path, responders);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      Recorded request =
          new Recorded(
              exchange.getRequestMethod(),
              uri.getRawPath(),
              uri.getRawQuery(),
              exchange.getRequestHeaders(),
              body);
      requests.add(request);
      Responder responder;
      synchronized (routes) {
        Deque<Responder> queue = routes.get(request.method() + " " + request.path());
        if (queue == null || queue.isEmpty()) {
          responder = json(404, "{\"type\":\"error\",\"status\":404,\"code\":\"no_route\"}");
        } else {
          responder = queue.size() > 1 ? queue.poll() : queue.peek();
        }
      }
      responder.respond(exchange, request);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // Responders

  static Responder json(int status, String body, String... headers) {
    return (exchange, request) -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      send(exchange, status, body.getBytes(StandardCharsets.UTF_8), headers);
    };
  }

  static Responder bytes(int status, byte[] body, String... headers) {
    return (exchange, request) -> send(exchange, status, body, headers);
  }

  /** Returns a responder that sends no body, such as for 302, 202 or an empty 200. */
  static Responder empty(int status, String... headers) {
    return (exchange, request) -> {
      addHeaders(exchange, headers);
      exchange.sendResponseHeaders(status, -1);
    };
  }

  static Responder redirect(String location) {
    return empty(302, "Location", location);
  }

  static void send(HttpExchange exchange, int status, byte[] body, String... headers)
      throws IOException {
    addHeaders(exchange, headers);
    if (body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void addHeaders(HttpExchange exchange, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
  }
}
