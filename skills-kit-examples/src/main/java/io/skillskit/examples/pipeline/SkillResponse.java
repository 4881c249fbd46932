package io.skillskit.examples.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP response a host sends back for one delivery: a status, a short JSON body and perhaps
 * extra headers. For an accepted invocation it also carries the future of its outcome.
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><th>Status</th><th>When</th></tr>
 *   <tr><td>200</td><td>accepted, a re-delivery of an accepted invocation, or (for {@link
 *       SkillPipeline#handleWithin}) processed</td></tr>
 *   <tr><td>400</td><td>signed correctly, but not a skill invocation event</td></tr>
 *   <tr><td>401</td><td>the signature is missing or invalid</td></tr>
 *   <tr><td>503</td><td>the work queue is full or the pipeline is closed; Box delivers again</td></tr>
 * </table>
 *
 * <p>A body never contains a token or any part of the request body.
 */
public final class SkillResponse {

  /** Media type of every body: {@value}. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int statusCode;
  private final String body;
  private final Map<String, String> headers;
  private final CompletableFuture<InvocationOutcome> completion;

  private SkillResponse(
      int statusCode,
      String body,
      Map<String, String> headers,
      CompletableFuture<InvocationOutcome> completion) {
    this.statusCode = statusCode;
    this.body = body;
    this.headers = Map.copyOf(headers);
    this.completion = completion;
  }

  /** Returns a response whose body is a JSON object of the given string fields, in order. */
  static SkillResponse of(int statusCode, String... fieldsAndValues) {
    return new SkillResponse(statusCode, json(fieldsAndValues), Map.of(), null);
  }

  /** Returns this response with the future of the accepted invocation's outcome. */
  SkillResponse withCompletion(CompletableFuture<InvocationOutcome> completion) {
    return new SkillResponse(statusCode, body, headers, Objects.requireNonNull(completion));
  }

  /** Returns this response with one more header. */
  SkillResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new SkillResponse(statusCode, body, more, completion);
  }

  /**
   * Returns the HTTP status to send.
   *
   * @return for example 200 or 401
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the JSON body to send, such as {@code {"status":"accepted","invocation_id":"..."}}.
   *
   * @return the body text
   */
  public String body() {
    return body;
  }

  /**
   * Returns the body as UTF-8 bytes, ready to write to a response stream.
   *
   * @return a new array with the body's bytes
   */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns headers to send besides {@code Content-Type}, such as {@code Retry-After} with 503.
   *
   * @return the header names and values; often empty
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns the future of the invocation's outcome when this response accepted an invocation.
   *
   * @return the future, or empty for rejections and re-deliveries
   */
  public Optional<CompletableFuture<InvocationOutcome>> completion() {
    return Optional.ofNullable(completion);
  }

  /**
   * Returns the status and the body, which contains no secret.
   *
   * @return text such as {@code SkillResponse[401 {"error":"invalid_signature",...}]}
   */
  @Override
  public String toString() {
    return "SkillResponse[" + statusCode + " " + body + "]";
  }

  private static String json(String... fieldsAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
      fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      // A map of strings always serialises.
      throw new IllegalStateException(e);
    }
  }
}
