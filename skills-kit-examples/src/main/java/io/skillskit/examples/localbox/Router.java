package io.skillskit.examples.localbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every request: records it, rejects tokens in the query, applies a fault if one matches,
 * routes it, and writes the reply with a {@code box-request-id} header.
 */
final class Router implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(LocalBox.class);

  @FunctionalInterface
  private interface Route {
    Reply handle() throws IOException;
  }

  private final LocalBox box;
  private final FileRoutes fileRoutes;
  private final CardRoutes cardRoutes;

  Router(LocalBox box) {
    this.box = box;
    this.fileRoutes = new FileRoutes(box);
    this.cardRoutes = new CardRoutes(box);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = box.nextRequestId();
    URI uri = exchange.getRequestURI();
    String method = exchange.getRequestMethod();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(box.maxRequestBodyBytes() + 1);
    }
    boolean tooLarge = body.length > box.maxRequestBodyBytes();
    if (tooLarge) {
      body = new byte[0];
    }
    RecordedRequest request =
        new RecordedRequest(
            method,
            uri.getRawPath(),
            query,
            exchange.getRequestHeaders(),
            body,
            box.clock().instant(),
            requestId);
    box.record(request);

    Fault fault = null;
    Reply reply;
    try {
      if (tooLarge) {
        throw ApiError.of(
            413,
            "request_entity_too_large",
            "The request body is larger than " + box.maxRequestBodyBytes() + " bytes");
      }
      if (!request.queryParameters("access_token").isEmpty()) {
        throw ApiError.badRequest(
            "LocalBox accepts tokens only in the Authorization header, not as access_token in "
                + "the query");
      }
      fault = box.faults().take(method, request.path());
      reply = fault == null ? route(request) : applyFault(fault, request);
    } catch (ApiError error) {
      reply = error.toReply(requestId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply = ApiError.scripted(503, null, java.util.Map.of()).toReply(requestId);
    } catch (IOException | RuntimeException e) {
      log.warn(
          "LocalBox failed to respond to {} {}: {}", method, request.maskedPath(), e.toString());
      reply = ApiError.of(500, "internal_server_error", "Internal Server Error").toReply(requestId);
    }
    long cutOff = fault != null && fault.kind() == Fault.Kind.CUT_OFF ? fault.cutOffBytes() : -1;
    write(exchange, request, reply, cutOff);
  }

  private Reply applyFault(Fault fault, RecordedRequest request)
      throws IOException, InterruptedException {
    log.debug(
        "LocalBox applies fault [{}] to {} {}", fault, request.method(), request.maskedPath());
    Duration delay = fault.delay();
    if (!delay.isZero()) {
      TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }
    switch (fault.kind()) {
      case RESPOND -> {
        if (fault.status() >= 400) {
          return ApiError.scripted(fault.status(), fault.code(), fault.headers())
              .toReply(request.boxRequestId());
        }
        Reply reply = Reply.empty(fault.status());
        fault.headers().forEach(reply::header);
        return reply;
      }
      case HOLD -> fault.awaitRelease();
      case EXPIRE_TOKENS -> box.tokens().expireAll();
      case DELAY, CUT_OFF -> {
        // handled before and after routing
      }
    }
    return route(request);
  }

  private Reply route(RecordedRequest request) throws IOException {
    String path = request.path();
    String[] parts = path.substring(1).split("/", -1);
    if (at(parts, "2.0", "files") && parts.length == 3) {
      return only(Method.GET, request, () -> fileRoutes.fileInfo(request, parts[2]));
    }
    if (at(parts, "2.0", "files") && parts.length == 4 && parts[3].equals("content")) {
      return only(Method.GET, request, () -> fileRoutes.content(request, parts[2]));
    }
    if (at(parts, "2.0", "files") && parts.length == 6 && parts[3].equals("metadata")) {
      if (parts[4].equals("global") && parts[5].equals("boxSkillsCards")) {
        return cardRoutes.metadata(request, parts[2]);
      }
      throw ApiError.of(
          404,
          "instance_tuple_not_found",
          "Template not found: "
              + parts[4]
              + "/"
              + parts[5]
              + "; LocalBox serves only global/boxSkillsCards");
    }
    if (at(parts, "2.0", "skill_invocations") && parts.length == 3) {
      return only(Method.PUT, request, () -> cardRoutes.invocation(request, parts[2]));
    }
    if (at(parts, "2.0", "internal_files")
        && parts.length == 7
        && parts[3].equals("versions")
        && parts[5].equals("representations")) {
      return only(
          Method.GET,
          request,
          () -> fileRoutes.representationInfo(request, parts[2], parts[4], parts[6]));
    }
    if (at(parts, "api", "2.0", "internal_files")
        && parts.length >= 10
        && parts[4].equals("versions")
        && parts[6].equals("representations")
        && parts[8].equals("content")) {
      String asset = String.join("/", Arrays.copyOfRange(parts, 9, parts.length));
      return only(
          Method.GET,
          request,
          () -> fileRoutes.representationContent(request, parts[3], parts[5], parts[7], asset));
    }
    if (at(parts, "d", "1") && parts.length == 4 && parts[3].equals("download")) {
      return only(Method.GET, request, () -> fileRoutes.download(parts[2]));
    }
    throw ApiError.of(404, "not_found", "Not Found");
  }

  private static boolean at(String[] parts, String... prefix) {
    if (parts.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!parts[i].equals(prefix[i])) {
        return false;
      }
    }
    return true;
  }

  private static Reply only(Method method, RecordedRequest request, Route route)
      throws IOException {
    if (!method.matches(request.method())) {
      throw ApiError.methodNotAllowed(method.name());
    }
    return route.handle();
  }

  private void write(HttpExchange exchange, RecordedRequest request, Reply reply, long cutOff)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("box-request-id", request.boxRequestId());
    reply.headers.forEach(headers::set);
    log.debug(
        "LocalBox {} {} -> {} (box-request-id {})",
        request.method(),
        request.maskedPath(),
        reply.status,
        request.boxRequestId());
    long length = reply.body == null ? 0 : reply.body.size();
    if (length == 0) {
      exchange.sendResponseHeaders(reply.status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(reply.status, length);
    OutputStream out = exchange.getResponseBody();
    long limit = cutOff >= 0 ? Math.min(cutOff, length) : length;
    long sent;
    try (InputStream in = reply.body.open()) {
      sent = copy(in, out, limit);
    }
    if (sent < limit) {
      throw new IOException(
          "The content of "
              + request.maskedPath()
              + " ended after "
              + sent
              + " of its declared "
              + length
              + " bytes");
    }
    if (limit < length) {
      out.flush();
      log.debug("LocalBox cut off {} after {} of {} bytes", request.maskedPath(), limit, length);
      // The JDK server closes the connection when a handler throws, so the client sees the
      // announced Content-Length but fewer bytes.
      throw new IOException("Body cut off on purpose by a LocalBox fault");
    }
    out.close();
  }

  private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long sent = 0;
    while (sent < limit) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - sent));
      if (read < 0) {
        break;
      }
      out.write(buffer, 0, read);
      sent += read;
    }
    return sent;
  }
}
