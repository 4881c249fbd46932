package io.skillskit.examples.localbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One HTTP request LocalBox received, recorded before LocalBox responded.
 *
 * <p>The accessors return the request as it arrived, tokens included, so that a test can assert on
 * them. {@link #toString()} never shows a secret: the {@code Authorization} header reads {@code
 * Bearer ***}, the secret part of a download path and any {@code access_token} query value read
 * {@code ***}, and the body is given only as a byte count.
 */
public final class RecordedRequest {

  private static final Pattern DOWNLOAD_SECRET = Pattern.compile("^/d/1/[^/]+/");
  private static final Pattern QUERY_TOKEN = Pattern.compile("(?i)(access_token=)[^&]*");

  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Instant receivedAt;
  private final String boxRequestId;

  RecordedRequest(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      byte[] body,
      Instant receivedAt,
      String boxRequestId) {
    this.method = method;
    this.path = path;
    this.query = query;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
    this.receivedAt = receivedAt;
    this.boxRequestId = boxRequestId;
  }

  /**
   * Returns the request method, such as {@code GET}.
   *
   * @return the method in upper case
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path as sent, still percent-encoded, without the query.
   *
   * @return the raw path, such as {@code /2.0/files/1402003004001}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the query as sent, still percent-encoded, without the {@code ?}.
   *
   * @return the raw query, or "" when there is none
   */
  public String query() {
    return query;
  }

  /**
   * Returns the decoded values of one query parameter.
   *
   * @param name the parameter name, matched exactly
   * @return the values in order, empty when the parameter is absent
   */
  public List<String> queryParameters(String name) {
    Objects.requireNonNull(name, "name");
    List<String> values = new ArrayList<>();
    if (query.isEmpty()) {
      return values;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (key.equals(name)) {
        values.add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    return values;
  }

  /**
   * Returns the first decoded value of one query parameter.
   *
   * @param name the parameter name, matched exactly
   * @return the value, or empty when the parameter is absent
   */
  public Optional<String> queryParameter(String name) {
    return queryParameters(name).stream().findFirst();
  }

  /**
   * Returns all request headers, with names matched without regard to case.
   *
   * @return an unmodifiable map from header name to its values
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name in any case
   * @return the value, or empty when the header is absent
   */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name");
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns a copy of the request body.
   *
   * @return the body bytes, empty when there was none
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns the request body decoded as UTF-8.
   *
   * @return the body text, empty when there was none
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Returns when LocalBox received the request, on its clock.
   *
   * @return the receive time
   */
  public Instant receivedAt() {
    return receivedAt;
  }

  /**
   * Returns the {@code box-request-id} of LocalBox's response to this request.
   *
   * @return the request id
   */
  public String boxRequestId() {
    return boxRequestId;
  }

  /**
   * Returns the path with the secret part of a download path replaced by {@code ***}.
   *
   * @return a path safe to log
   */
  public String maskedPath() {
    return DOWNLOAD_SECRET.matcher(path).replaceFirst("/d/1/***/");
  }

  byte[] bodyBytes() {
    return body;
  }

  /**
   * Returns the method, masked path and query, headers with the {@code Authorization} value masked,
   * and the body size.
   */
  @Override
  public String toString() {
    Map<String, List<String>> shown = new LinkedHashMap<>();
    headers.forEach(
        (name, values) ->
            shown.put(name, name.equalsIgnoreCase("Authorization") ? mask(values) : values));
    String maskedQuery = QUERY_TOKEN.matcher(query).replaceAll("$1***");
    return method
        + " "
        + maskedPath()
        + (maskedQuery.isEmpty() ? "" : "?" + maskedQuery)
        + " box-request-id="
        + boxRequestId
        + " headers="
        + shown
        + " body="
        + body.length
        + " bytes";
  }

  private static List<String> mask(List<String> values) {
    List<String> masked = new ArrayList<>();
    for (String value : values) {
      boolean bearer = value.regionMatches(true, 0, "Bearer ", 0, 7);
      masked.add(bearer ? "Bearer ***" : "***");
    }
    return masked;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
