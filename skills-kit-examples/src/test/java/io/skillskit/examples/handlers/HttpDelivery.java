package io.skillskit.examples.handlers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Sends requests to a skill endpoint on 127.0.0.1 over real HTTP. */
public final class HttpDelivery {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private HttpDelivery() {}

  /** POSTs a body with headers and returns the response. */
  public static HostContract.Delivered post(URI uri, byte[] body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** Sends a request and returns the status and the body as UTF-8. */
  public static HostContract.Delivered send(HttpRequest request) throws Exception {
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    return new HostContract.Delivered(response.statusCode(), response.body());
  }

  /** Sends a request and returns the whole response. */
  public static HttpResponse<String> exchange(HttpRequest request) throws Exception {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
