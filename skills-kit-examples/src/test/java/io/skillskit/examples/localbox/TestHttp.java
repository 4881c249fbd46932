package io.skillskit.examples.localbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK HTTP client for talking to LocalBox from tests, one call per line. */
public final class TestHttp {

  /**
   * HTTP/1.1, no proxy, no redirects followed, so each test receives exactly what LocalBox sends.
   */
  public static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .proxy(HttpClient.Builder.NO_PROXY)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestHttp() {}

  /** Returns a request builder for a path on LocalBox with a bearer token, or none if null. */
  public static HttpRequest.Builder request(LocalBox box, String pathAndQuery, String token) {
    return request(URI.create(box.baseUri() + pathAndQuery), token);
  }

  /** Returns a request builder for an absolute URI with a bearer token, or none if null. */
  public static HttpRequest.Builder request(URI uri, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  /** Sends GET and returns the body as text. */
  public static HttpResponse<String> get(LocalBox box, String pathAndQuery, String token) {
    return send(request(box, pathAndQuery, token).GET().build());
  }

  /** Sends GET to an absolute URI and returns the body as bytes. */
  public static HttpResponse<byte[]> getBytes(URI uri, String token) {
    return sendBytes(request(uri, token).GET().build());
  }

  /** Sends a request with a body and a Content-Type, or no Content-Type if null. */
  public static HttpResponse<String> send(
      LocalBox box, String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder builder =
        request(box, path, token).method(method, HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.build());
  }

  /** Sends {@code PUT /2.0/skill_invocations/{skill}} with a JSON body. */
  public static HttpResponse<String> putInvocation(LocalBox box, String token, String body) {
    return send(
        box, "PUT", "/2.0/skill_invocations/" + box.skill().id(), token, "application/json", body);
  }

  /** Sends a request and returns the body as text. */
  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request and returns the body as bytes. */
  public static HttpResponse<byte[]> sendBytes(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
