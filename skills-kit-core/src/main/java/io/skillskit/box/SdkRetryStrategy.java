package io.skillskit.box;

import com.box.sdkgen.networking.fetchoptions.FetchOptions;
import com.box.sdkgen.networking.fetchresponse.FetchResponse;
import com.box.sdkgen.networking.retries.RetryStrategy;
import io.skillskit.internal.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Applies the kit's retry rules to calls made through the Box SDK on {@link
 * BoxEndpoints#networkSession()}, working around defects of the SDK's own strategy in box-java-sdk
 * 5.6.0:
 *
 * <ul>
 *   <li>401 is declined, so the SDK throws it as an API error instead of calling the token refresh
 *       that a developer-token (skill token) client cannot do.
 *   <li>{@code Retry-After} as an HTTP date is parsed here; the SDK's own parser throws {@link
 *       NumberFormatException}.
 *   <li>The SDK truncates waits to whole seconds, so {@code Retry-After: 0.5} would not wait at
 *       all; waits are rounded up to whole seconds instead.
 *   <li>A 5xx response to a POST is not retried, because Box may have applied the request.
 *   <li>After a network failure the SDK passes the previous response and a separate exception
 *       count, so it could exceed its attempt limit; attempts are counted here per request instead.
 * </ul>
 */
final class SdkRetryStrategy implements RetryStrategy {

  private final RetryPolicy policy;

  /** Attempts seen per request; the SDK passes the same options object to every decision. */
  private final Map<FetchOptions, int[]> attempts = new WeakHashMap<>();

  SdkRetryStrategy(RetryPolicy policy) {
    this.policy = policy;
  }

  @Override
  public boolean shouldRetry(FetchOptions options, FetchResponse response, int attemptNumber) {
    int attempt = countAttempt(options);
    if (attempt >= policy.maxAttempts()) {
      return false;
    }
    String method = options.getMethod() == null ? "" : options.getMethod().toUpperCase(Locale.ROOT);
    boolean idempotent = !method.equals("POST") && !method.equals("PATCH");
    int status = response.getStatus();
    if (status == 0) {
      return idempotent;
    }
    if (status == 202) {
      return header(response, "retry-after") != null;
    }
    if (!RetryPolicy.isRetryableStatus(status, idempotent)) {
      return false;
    }
    Optional<Duration> requested =
        RetryPolicy.parseRetryAfter(header(response, "retry-after"), Instant.now());
    return requested.isEmpty() || requested.get().compareTo(policy.maxRetryTime()) <= 0;
  }

  @Override
  public double retryAfter(FetchOptions options, FetchResponse response, int attemptNumber) {
    int attempt;
    synchronized (attempts) {
      int[] count = attempts.get(options);
      attempt = count == null ? Math.max(attemptNumber, 1) : count[0];
    }
    Duration wait =
        RetryPolicy.parseRetryAfter(header(response, "retry-after"), Instant.now())
            .orElseGet(() -> policy.backoff(attempt));
    // The SDK sleeps for (long) seconds; rounding up keeps a short wait from becoming none.
    return Math.ceil(wait.toMillis() / 1000.0);
  }

  private int countAttempt(FetchOptions options) {
    synchronized (attempts) {
      int[] count = attempts.computeIfAbsent(options, key -> new int[1]);
      return ++count[0];
    }
  }

  private static String header(FetchResponse response, String name) {
    Map<String, String> headers = response.getHeaders();
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
