package io.skillskit.examples.sender;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A skill's invocation URL on 127.0.0.1 that records deliveries and answers from a script. */
final class SkillStub implements AutoCloseable {

  /** One delivery as the skill received it. */
  record Delivery(Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name);
    }

    String bodyAsString() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Chooses the status for the n-th delivery (0-based); may block to simulate a slow skill. */
  @FunctionalInterface
  interface Behaviour {
    int status(Delivery delivery, int index) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Delivery> deliveries = new ArrayList<>();
  private final Behaviour behaviour;

  private SkillStub(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    server.createContext("/skill", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static SkillStub start(Behaviour behaviour) throws IOException {
    return new SkillStub(behaviour);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/skill");
  }

  List<Delivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
    Delivery delivery = new Delivery(headers, body);
    int index;
    synchronized (deliveries) {
      index = deliveries.size();
      deliveries.add(delivery);
    }
    int status;
    try {
      status = behaviour.status(delivery, index);
    } catch (Exception e) {
      status = 500;
    }
    byte[] response = ("{\"delivery\":" + index + "}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, response.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response);
    }
  }
}
