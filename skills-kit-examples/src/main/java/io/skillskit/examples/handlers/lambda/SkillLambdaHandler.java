package io.skillskit.examples.handlers.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.skillskit.box.BoxEndpoints;
import io.skillskit.examples.pipeline.SkillConfig;
import io.skillskit.examples.pipeline.SkillPipeline;
import io.skillskit.examples.pipeline.SkillResponse;
import io.skillskit.examples.skills.SkillRouter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AWS Lambda skill endpoint behind API Gateway (REST API proxy integration, or an HTTP API with
 * payload format 1.0).
 *
 * <p>Lambda freezes a function once the handler returns, so work left in the background would not
 * run. This handler therefore processes each invocation before it returns, within the time the
 * function has left ({@link Context#getRemainingTimeInMillis()}) minus a safety margin. When that
 * budget runs out, it writes a transient error card and returns, so the function always ends within
 * its timeout. Box expects a response within about 10 seconds and delivers the event again
 * otherwise; the de-duplication only spans one warm container, so set the function timeout below 10
 * seconds, or use a shared {@link io.skillskit.examples.pipeline.InvocationStore}.
 *
 * <p>The body is decoded from Base64 when API Gateway marks it so ({@code isBase64Encoded}); a text
 * body is taken as UTF-8. Headers come from {@code multiValueHeaders} and {@code headers}, with
 * names in any case. Methods other than {@code POST} get 405, and bodies over 1 MiB get 413.
 *
 * <p>The no-argument constructor, which Lambda calls, reads its settings from the environment as
 * {@link SkillConfig} describes: {@value SkillConfig#PRIMARY_KEY}, {@value
 * SkillConfig#SECONDARY_KEY} and {@value SkillConfig#API_BASE_URL}.
 */
public final class SkillLambdaHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  /** Time kept back from the function's remaining time by default, to write an error card. */
  public static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofSeconds(2);

  /** Largest request body accepted, in bytes: 1 MiB, far above any real event. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private static final Logger log = LoggerFactory.getLogger(SkillLambdaHandler.class);

  private final SkillPipeline pipeline;
  private final Duration safetyMargin;

  /**
   * Creates the handler from the environment, with the example skills. Lambda calls this
   * constructor once per container.
   *
   * @throws IllegalStateException if a required environment variable is missing or invalid
   */
  public SkillLambdaHandler() {
    this(SkillConfig.fromEnvironment());
  }

  /**
   * Creates the handler with explicit settings, with the example skills.
   *
   * @param config the signature keys and the Box API base URL
   */
  public SkillLambdaHandler(SkillConfig config) {
    this(pipelineFor(config), DEFAULT_SAFETY_MARGIN);
  }

  /**
   * Creates the handler in front of a pipeline of the caller's, for tests and custom skills.
   *
   * @param pipeline the pipeline that handles each delivery
   * @param safetyMargin time kept back from the function's remaining time, zero or more
   * @throws IllegalArgumentException if the margin is negative
   */
  public SkillLambdaHandler(SkillPipeline pipeline, Duration safetyMargin) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(safetyMargin, "safetyMargin");
    if (safetyMargin.isNegative()) {
      throw new IllegalArgumentException(
          "safetyMargin is " + safetyMargin + "; expected zero or more");
    }
    this.safetyMargin = safetyMargin;
  }

  /**
   * Handles one API Gateway request: verifies, parses and processes it within the remaining time.
   *
   * @param event the API Gateway proxy event
   * @param context the Lambda context, for the remaining time
   * @return the HTTP response for API Gateway
   */
  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    Objects.requireNonNull(context, "context");
    if (event == null) {
      return response(400, "{\"error\":\"invalid_request\",\"message\":\"The event is empty.\"}");
    }
    String method = event.getHttpMethod();
    if (method != null && !"POST".equalsIgnoreCase(method)) {
      APIGatewayProxyResponseEvent notAllowed =
          response(405, "{\"error\":\"method_not_allowed\",\"message\":\"Use POST.\"}");
      notAllowed.getHeaders().put("Allow", "POST");
      return notAllowed;
    }

    byte[] body;
    try {
      body = body(event);
    } catch (IllegalArgumentException e) {
      log.warn("Rejected a request whose body is marked Base64 but is not valid Base64");
      return response(
          400, "{\"error\":\"invalid_request\",\"message\":\"The body is not valid Base64.\"}");
    }
    if (body == null) {
      return response(
          413,
          "{\"error\":\"payload_too_large\",\"message\":\"The body exceeds "
              + MAX_BODY_BYTES
              + " bytes.\"}");
    }

    Duration budget = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(safetyMargin);
    if (budget.isNegative()) {
      budget = Duration.ZERO;
    }
    SkillResponse result = pipeline.handleWithin(body, headers(event), budget);
    APIGatewayProxyResponseEvent response = response(result.statusCode(), result.body());
    response.getHeaders().putAll(result.headers());
    return response;
  }

  /**
   * Returns the pipeline, for closing it in tests; Lambda never closes a handler.
   *
   * @return the pipeline
   */
  public SkillPipeline pipeline() {
    return pipeline;
  }

  private static SkillPipeline pipelineFor(SkillConfig config) {
    Objects.requireNonNull(config, "config");
    // Box calls and their retries must end well within the function's time.
    BoxEndpoints endpoints =
        BoxEndpoints.builder(config.apiBaseUrl()).maxRetryTime(Duration.ofSeconds(5)).build();
    return SkillPipeline.builder()
        .signatureValidator(config.newValidator())
        .endpoints(endpoints)
        .skill(SkillRouter.withExamples())
        .workers(2)
        .retryDelay(Duration.ofMillis(200))
        .build();
  }

  /** Returns the raw body, or {@code null} when it is larger than the limit. */
  private static byte[] body(APIGatewayProxyRequestEvent event) {
    String text = event.getBody();
    if (text == null) {
      return new byte[0];
    }
    byte[] body;
    if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
      // Base64 takes 4 characters for 3 bytes; check before decoding a huge body.
      if (text.length() / 4L * 3 > MAX_BODY_BYTES + 3L) {
        return null;
      }
      body = Base64.getDecoder().decode(text);
    } else {
      body = text.getBytes(StandardCharsets.UTF_8);
    }
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  /** Merges both header maps; a name in {@code multiValueHeaders} wins over {@code headers}. */
  private static Map<String, List<String>> headers(APIGatewayProxyRequestEvent event) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (event.getMultiValueHeaders() != null) {
      event
          .getMultiValueHeaders()
          .forEach(
              (name, values) -> {
                if (name != null && values != null) {
                  headers.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values);
                }
              });
    }
    if (event.getHeaders() != null) {
      event
          .getHeaders()
          .forEach(
              (name, value) -> {
                if (name != null && value != null && !headers.containsKey(name)) {
                  headers.put(name, new ArrayList<>(List.of(value)));
                }
              });
    }
    return headers;
  }

  private static APIGatewayProxyResponseEvent response(int status, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", SkillResponse.CONTENT_TYPE);
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false);
  }
}
