package io.skillskit.box;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.skillskit.internal.RetryPolicy;
import io.skillskit.internal.RetryPolicy.Decision;
import io.skillskit.internal.RetryPolicy.StopReason;
import io.skillskit.request.AccessToken;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one Box call with the endpoints' HTTP client under the retry policy, and turns failures
 * into {@link BoxCallException} or {@link TokenExpiredException}.
 *
 * <p>The kit sends requests itself rather than through the Box SDK's fetch loop, because that loop
 * in box-java-sdk 5.6.0 tries a token refresh on 401, truncates fractional {@code Retry-After}
 * values to whole seconds, throws {@link NumberFormatException} on an HTTP-date {@code
 * Retry-After}, retries POST on 5xx, can exceed its attempt limit after a network failure, and
 * sleeps with {@link Thread#sleep(long)} where tests need an injected sleeper.
 *
 * <p>Logging: one DEBUG line per attempt with method, path (never the query), status, attempt and
 * Box request id. Tokens, bodies and download locations are never logged.
 */
final class BoxHttp {

  private static final Logger log = LoggerFactory.getLogger(BoxHttp.class);

  /** Placeholder that logs and exceptions show instead of a pre-signed download URL. */
  static final String DOWNLOAD_LOCATION = "<download location>";

  private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
  private static final int MAX_ID_LENGTH = 128;
  private static final int MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;
  private static final String USER_AGENT = "skills-kit-java";
  static final ObjectMapper JSON = new ObjectMapper();

  private final BoxEndpoints endpoints;

  BoxHttp(BoxEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** Token of the event that a call sends. */
  enum TokenKind {
    READ("read"),
    WRITE("write"),
    NONE("no");

    final String label;

    TokenKind(String label) {
      this.label = label;
    }

    AccessToken of(SkillsRequest request) {
      return switch (this) {
        case READ -> request.readToken();
        case WRITE -> request.writeToken();
        case NONE -> null;
      };
    }
  }

  /** Description of one call; built fluently, then passed to {@link #execute(Call)}. */
  static final class Call {
    final String method;
    final HttpUrl url;
    final SkillsRequest request;
    String logPath;
    TokenKind token = TokenKind.NONE;
    byte[] body;
    String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();
    boolean idempotent;
    boolean waitWhileAccepted;
    boolean download;

    Call(String method, HttpUrl url, SkillsRequest request) {
      this.method = method;
      this.url = url;
      this.request = request;
      this.logPath = url.encodedPath();
      this.idempotent = !method.equals("POST") && !method.equals("PATCH");
    }

    Call token(TokenKind kind) {
      this.token = kind;
      return this;
    }

    Call body(byte[] body, String contentType) {
      this.body = body;
      this.contentType = contentType;
      return this;
    }

    Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Retries {@code 202 Accepted} like a rate limit: Box is still preparing the content. */
    Call waitWhileAccepted() {
      this.waitWhileAccepted = true;
      return this;
    }

    /** Uses the client without a total call deadline and requests the bytes as stored. */
    Call download() {
      this.download = true;
      return header("Accept-Encoding", "identity");
    }

    /** Hides the URL in logs and messages because it grants access by itself. */
    Call secretUrl() {
      this.logPath = DOWNLOAD_LOCATION;
      return this;
    }

    String where() {
      return method + " " + logPath;
    }
  }

  /**
   * Sends a call, retrying as the policy allows.
   *
   * @return the response when its status is 2xx or 3xx; the caller closes it
   * @throws BoxCallException when Box responded with an error or could not be reached
   * @throws TokenExpiredException when the token expired before the call or Box responded 401
   */
  Response execute(Call call) {
    endpoints.checkOpen();
    checkUrl(call);
    AccessToken token = call.token.of(call.request);
    if (token != null && !endpoints.mayReceiveToken(call.url)) {
      throw foreignHost(call);
    }
    Clock clock = endpoints.clock();
    if (token != null && token.isExpired(clock)) {
      throw expiredBeforeCall(call, token);
    }
    Request request = buildRequest(call, token);
    OkHttpClient client = call.download ? endpoints.downloadClient() : endpoints.apiClient();
    RetryPolicy policy = endpoints.retryPolicy();
    Instant start = clock.instant();

    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = client.newCall(request).execute();
      } catch (IOException e) {
        // The exception class is enough to diagnose; its message may name the host and port.
        log.debug(
            "Box call {} failed on attempt {}: {}", call.where(), attempt, e.getClass().getName());
        Decision decision = policy.afterNetworkFailure(attempt, call.idempotent, elapsed(start));
        if (!decision.retry()) {
          throw networkFailure(call, attempt, e, decision);
        }
        sleep(call, decision.delay());
        continue;
      }

      int status = response.code();
      log.debug(
          "Box call {} returned HTTP {} on attempt {}, box-request-id {}",
          call.where(),
          status,
          attempt,
          headerOrNone(response, "box-request-id"));
      if (status == 401 && token != null) {
        throw tokenRejected(call, token, response);
      }
      boolean retryable =
          RetryPolicy.isRetryableStatus(status, call.idempotent)
              || (status == 202 && call.waitWhileAccepted);
      if (retryable) {
        Decision decision =
            policy.afterRetryableAnswer(
                attempt, response.header("Retry-After"), clock.instant(), elapsed(start));
        if (!decision.retry()) {
          throw failure(call, response, attempt, decision);
        }
        response.close();
        log.debug(
            "Box call {} will be retried in {} ms", call.where(), decision.delay().toMillis());
        sleep(call, decision.delay());
        continue;
      }
      if (status >= 200 && status < 400) {
        return response;
      }
      throw failure(call, response, attempt, null);
    }
  }

  /**
   * Sends a call and reads its JSON response.
   *
   * @return the parsed body, or a missing node for an empty body
   */
  JsonNode executeForJson(Call call) {
    try (Response response = execute(call)) {
      ResponseBody body = response.body();
      if (body == null) {
        return MissingNode.getInstance();
      }
      byte[] bytes = readAtMost(body.byteStream(), MAX_JSON_BODY_BYTES + 1);
      if (bytes.length > MAX_JSON_BODY_BYTES) {
        throw malformed(call, response, "a response larger than " + MAX_JSON_BODY_BYTES + " bytes");
      }
      if (bytes.length == 0) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw malformed(call, response, "a response that is not JSON");
      }
    } catch (IOException e) {
      throw new BoxCallException(
          "Reading the response to "
              + call.where()
              + " failed ("
              + e.getClass().getSimpleName()
              + "). Check the connection to "
              + call.url.host()
              + " and try again later.",
          e,
          BoxCallException.NO_STATUS,
          null,
          null,
          call.method,
          call.logPath,
          1,
          FailureType.TRANSIENT);
    }
  }

  /** Sends a call whose response body is not needed, such as a card write. */
  void executeAndDiscard(Call call) {
    execute(call).close();
  }

  private void checkUrl(Call call) {
    if (!endpoints.isAllowed(call.url)) {
      throw new BoxCallException(
          "The kit did not send "
              + call.where()
              + " because it would go over plain http to "
              + call.url.host()
              + ", which is not a loopback host. Box returned this URL; use https, or build the"
              + " endpoints with allowCleartext() if the network is trusted.",
          null,
          BoxCallException.NO_STATUS,
          null,
          null,
          call.method,
          call.logPath,
          1,
          FailureType.PERMANENT);
    }
  }

  private BoxCallException foreignHost(Call call) {
    return new BoxCallException(
        "The kit did not send "
            + call.where()
            + " because it would carry the "
            + call.token.label
            + " token to "
            + call.url.host()
            + ", which is neither the host of the endpoints' base URL ("
            + endpoints.baseUrl().host()
            + ") nor, for Box's API, another https host of Box. Box returned this URL; a"
            + " response that points elsewhere was changed on the way or did not come from Box.",
        null,
        BoxCallException.NO_STATUS,
        null,
        null,
        call.method,
        call.logPath,
        1,
        FailureType.PERMANENT);
  }

  private static Request buildRequest(Call call, AccessToken token) {
    Request.Builder builder = new Request.Builder().url(call.url).header("User-Agent", USER_AGENT);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token.value());
    }
    call.headers.forEach(builder::header);
    RequestBody body = null;
    if (call.body != null) {
      body = RequestBody.create(call.body, MediaType.get(call.contentType));
    }
    return builder.method(call.method, body).build();
  }

  private Duration elapsed(Instant start) {
    Duration elapsed = Duration.between(start, endpoints.clock().instant());
    return elapsed.isNegative() ? Duration.ZERO : elapsed;
  }

  private void sleep(Call call, Duration wait) {
    try {
      endpoints.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BoxCallException(
          "The thread was interrupted while waiting to retry " + call.where() + ".",
          e,
          BoxCallException.NO_STATUS,
          null,
          null,
          call.method,
          call.logPath,
          1,
          FailureType.TRANSIENT);
    }
  }

  private TokenExpiredException expiredBeforeCall(Call call, AccessToken token) {
    SkillsRequest request = call.request;
    return new TokenExpiredException(
        "The "
            + call.token.label
            + " token of invocation "
            + request.id()
            + " expired at "
            + token.expiresAt().map(Instant::toString).orElse("an unknown time")
            + ", so "
            + call.where()
            + " was not sent. Skill tokens cannot be refreshed; Box sends new ones with the next"
            + " invocation. Check the remaining token lifetime before starting long work.",
        call.token.label,
        token.expiresAt().orElse(null),
        request.id(),
        request.skill().id(),
        request.file().id(),
        BoxCallException.NO_STATUS,
        null);
  }

  private static TokenExpiredException tokenRejected(
      Call call, AccessToken token, Response response) {
    ErrorInfo info = readErrorInfo(response);
    SkillsRequest request = call.request;
    return new TokenExpiredException(
        "Box rejected the "
            + call.token.label
            + " token of invocation "
            + request.id()
            + " with HTTP 401 on "
            + call.where()
            + info.suffix()
            + ": the token has expired or is not valid. Skill tokens cannot be refreshed, so the"
            + " kit does not retry and writes no error card with it; Box sends new tokens with the"
            + " next invocation.",
        call.token.label,
        token == null ? null : token.expiresAt().orElse(null),
        request.id(),
        request.skill().id(),
        request.file().id(),
        401,
        info.requestId);
  }

  private BoxCallException failure(Call call, Response response, int attempts, Decision decision) {
    int status = response.code();
    ErrorInfo info = readErrorInfo(response);
    String ids = " (HTTP " + status + info.codePart() + info.requestIdPart() + ")";
    String where = call.where();
    String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
    FailureType type = FailureType.PERMANENT;
    String message;
    if (status == 202) {
      type = FailureType.TRANSIENT;
      message =
          "Box was still preparing the content for "
              + where
              + " after "
              + tries
              + ": it kept responding 202 Accepted. Try again later.";
    } else if (status == 429) {
      type = FailureType.TRANSIENT;
      message =
          "Box rate-limited "
              + where
              + ids
              + " after "
              + tries
              + ". Lower the call rate or try"
              + " again later.";
    } else if (status >= 500) {
      type = FailureType.TRANSIENT;
      message =
          call.idempotent
              ? "Box failed " + where + ids + " after " + tries + ". Try again later."
              : "Box failed "
                  + where
                  + ids
                  + ". The kit did not retry, because Box may have"
                  + " applied the request; check the result before trying again.";
    } else if (status == 403) {
      message =
          "Box denied "
              + where
              + ids
              + ": the "
              + call.token.label
              + " token lacks the permission or scope for this call. Read with the read token,"
              + " write cards with the write token, and check the scopes of the skill application.";
    } else if (status == 404) {
      message =
          "Box found nothing at "
              + where
              + ids
              + ": the file may have been deleted or moved out of the skill's reach. Retrying"
              + " will not help.";
    } else if (status == 409) {
      message =
          "Box reported a conflict on "
              + where
              + ids
              + ": the resource already exists or was changed at the same time.";
    } else if (status >= 400) {
      message =
          "Box rejected "
              + where
              + ids
              + ". The request is invalid for Box; retrying will not help.";
    } else {
      message = "Box responded to " + where + " with unexpected HTTP " + status + ids + ".";
    }
    if (decision != null && decision.stopReason() == StopReason.RETRY_AFTER_TOO_LONG) {
      message +=
          " Box requested a wait of "
              + seconds(decision.delay())
              + " before the next attempt, which would end after the retry time of "
              + seconds(endpoints.retryPolicy().maxRetryTime())
              + ", so the kit stopped without waiting.";
    } else if (decision != null && decision.stopReason() == StopReason.RETRY_TIME_EXHAUSTED) {
      message +=
          " The kit stopped because the next wait would end after the retry time of "
              + seconds(endpoints.retryPolicy().maxRetryTime())
              + ".";
    }
    return new BoxCallException(
        message,
        null,
        status,
        info.code,
        info.requestId,
        call.method,
        call.logPath,
        attempts,
        type);
  }

  private BoxCallException networkFailure(
      Call call, int attempts, IOException cause, Decision decision) {
    String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
    String message =
        call.where()
            + " failed after "
            + tries
            + " without a response from Box ("
            + cause.getClass().getSimpleName()
            + ").";
    if (decision != null && decision.stopReason() == StopReason.NOT_SAFE_TO_REPEAT) {
      message += " The kit did not retry, because Box may have received the request.";
    }
    message += " Check the connection to " + call.url.host() + " and try again later.";
    return new BoxCallException(
        message,
        cause,
        BoxCallException.NO_STATUS,
        null,
        null,
        call.method,
        call.logPath,
        attempts,
        FailureType.TRANSIENT);
  }

  private static BoxCallException malformed(Call call, Response response, String what) {
    return new BoxCallException(
        "Box responded to " + call.where() + " with " + what + "; the kit cannot read it.",
        null,
        response.code(),
        null,
        plainIdOrNull(response.header("box-request-id")),
        call.method,
        call.logPath,
        1,
        FailureType.TRANSIENT);
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
  }

  private static String headerOrNone(Response response, String name) {
    String value = plainIdOrNull(response.header(name));
    return value == null ? "none" : value;
  }

  /**
   * Returns a Box error code or request id if it looks like one: up to 128 letters, digits, dots,
   * dashes and underscores. Anything else came from a broken or hostile server and is dropped, so
   * that line breaks or terminal escapes in it never reach an exception message or a log line.
   */
  static String plainIdOrNull(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
      if (!plain) {
        return null;
      }
    }
    return value;
  }

  /** Reads Box's error code and request id from an error response and closes it. */
  private static ErrorInfo readErrorInfo(Response response) {
    String headerId = plainIdOrNull(response.header("box-request-id"));
    try (response) {
      ResponseBody body = response.body();
      if (body == null) {
        return new ErrorInfo(null, headerId);
      }
      byte[] bytes = readAtMost(body.byteStream(), MAX_ERROR_BODY_BYTES);
      if (bytes.length == 0) {
        return new ErrorInfo(null, headerId);
      }
      JsonNode node = JSON.readTree(bytes);
      String code = textOrNull(node.path("code"));
      String bodyId = textOrNull(node.path("request_id"));
      return new ErrorInfo(code, bodyId != null ? bodyId : headerId);
    } catch (IOException | RuntimeException e) {
      // A body that cannot be read or parsed leaves only what the headers contain.
      return new ErrorInfo(null, headerId);
    }
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? plainIdOrNull(node.asText()) : null;
  }

  static byte[] readAtMost(InputStream in, int max) throws IOException {
    return in.readNBytes(max);
  }

  /** Box's error code and request id from an error response. */
  private record ErrorInfo(String code, String requestId) {

    String codePart() {
      return code == null ? "" : ", code " + code;
    }

    String requestIdPart() {
      return requestId == null ? "" : ", Box request id " + requestId;
    }

    String suffix() {
      return requestId == null ? "" : " (Box request id " + requestId + ")";
    }
  }
}
