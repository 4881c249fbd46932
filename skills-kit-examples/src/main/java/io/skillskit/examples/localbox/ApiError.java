package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error response in Box's shape, thrown by a route and turned into a reply by the router. Most
 * statuses get a ClientError JSON body. A 401 for a missing, unknown or expired token gets an empty
 * body and a {@code WWW-Authenticate} header, as Box sends for expired skill tokens.
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String HELP_URL =
      "https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/";
  static final String INVALID_TOKEN_CHALLENGE =
      "Bearer realm=\"Service\", error=\"invalid_token\", "
          + "error_description=\"The access token provided is invalid.\"";
  static final String MISSING_TOKEN_CHALLENGE = "Bearer realm=\"Service\"";

  /** One failed check of a request body: the JSON path of the value and what was expected. */
  record Problem(String name, String message) {}

  final int status;
  final String code;
  final transient JsonNode contextInfo;
  final transient Map<String, String> headers;
  final boolean emptyBody;

  private ApiError(
      int status,
      String code,
      String message,
      JsonNode contextInfo,
      Map<String, String> headers,
      boolean emptyBody) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.contextInfo = contextInfo;
    this.headers = headers;
    this.emptyBody = emptyBody;
  }

  static ApiError of(int status, String code, String message) {
    return new ApiError(status, code, message, NullNode.getInstance(), Map.of(), false);
  }

  static ApiError badRequest(String message) {
    return of(400, "bad_request", message);
  }

  static ApiError schemaValidation(List<Problem> problems) {
    ArrayNode errors = Json.MAPPER.createArrayNode();
    for (Problem problem : problems) {
      errors
          .addObject()
          .put("reason", "invalid_parameter")
          .put("name", problem.name())
          .put("message", problem.message());
    }
    ObjectNode context = Json.object();
    context.set("errors", errors);
    Problem first = problems.get(0);
    String message = "Invalid value for " + first.name() + ": " + first.message();
    if (problems.size() > 1) {
      message += " (and " + (problems.size() - 1) + " more in context_info.errors)";
    }
    return new ApiError(400, "schema_validation_failed", message, context, Map.of(), false);
  }

  static ApiError invalidToken() {
    return new ApiError(
        401,
        "",
        "",
        NullNode.getInstance(),
        Map.of("WWW-Authenticate", INVALID_TOKEN_CHALLENGE),
        true);
  }

  static ApiError missingToken() {
    return new ApiError(
        401,
        "",
        "",
        NullNode.getInstance(),
        Map.of("WWW-Authenticate", MISSING_TOKEN_CHALLENGE),
        true);
  }

  static ApiError insufficientScope() {
    return of(
        403,
        "insufficient_scope",
        "The request requires higher privileges than provided by the access token.");
  }

  static ApiError notFound(String name, String value) {
    ObjectNode context = Json.object();
    context
        .putArray("errors")
        .addObject()
        .put("reason", "invalid_parameter")
        .put("name", name)
        .put(
            "message",
            "Invalid value '" + value + "'. '" + name + "' with value '" + value + "' not found");
    return new ApiError(404, "not_found", "Not Found", context, Map.of(), false);
  }

  static ApiError instanceNotFound() {
    return of(404, "instance_not_found", "Instance not found for 'boxSkillsCards'");
  }

  static ApiError methodNotAllowed(String allowed) {
    return new ApiError(
        405,
        "method_not_allowed",
        "Method Not Allowed",
        NullNode.getInstance(),
        Map.of("Allow", allowed),
        false);
  }

  /** Builds the error a {@code respond(status)} fault scripts. */
  static ApiError scripted(int status, String code, Map<String, String> headers) {
    if (status == 401) {
      Map<String, String> withChallenge = new LinkedHashMap<>();
      withChallenge.put("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
      withChallenge.putAll(headers);
      return new ApiError(401, "", "", NullNode.getInstance(), withChallenge, true);
    }
    String errorCode = code != null ? code : defaultCode(status);
    return new ApiError(
        status, errorCode, defaultMessage(status), NullNode.getInstance(), headers, false);
  }

  /** Returns a copy of this error with details for the {@code context_info} field. */
  ApiError withContext(JsonNode context) {
    return new ApiError(status, code, getMessage(), context, headers, emptyBody);
  }

  Reply toReply(String requestId) {
    Reply reply;
    if (emptyBody) {
      reply = Reply.empty(status);
    } else {
      ObjectNode body = Json.object();
      body.put("type", "error");
      body.put("status", status);
      body.put("code", code);
      body.set("context_info", contextInfo);
      body.put("help_url", HELP_URL);
      body.put("message", getMessage());
      body.put("request_id", requestId);
      reply = Reply.json(status, body);
    }
    headers.forEach(reply::header);
    return reply;
  }

  static String defaultCode(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "access_denied_insufficient_permissions";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 412 -> "precondition_failed";
      case 413 -> "request_entity_too_large";
      case 429 -> "rate_limit_exceeded";
      case 500 -> "internal_server_error";
      case 502 -> "bad_gateway";
      case 503 -> "unavailable";
      case 504 -> "gateway_timeout";
      default -> status >= 500 ? "internal_server_error" : "bad_request";
    };
  }

  static String defaultMessage(int status) {
    return switch (status) {
      case 429 -> "Request rate limit exceeded, please try again later";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Unavailable";
      default -> "Request failed with status " + status;
    };
  }
}
