package io.skillskit.examples.localbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The requests a fault will match, waiting for the effect. Each method installs a {@link Fault}
 * that applies once by default. Change that with {@link Fault#times(int)} or {@link
 * Fault#always()}.
 */
public final class FaultTarget {

  private static final Duration DEFAULT_MAX_HOLD = Duration.ofSeconds(30);

  private final Faults faults;
  private final Method method;
  private final String pathPrefix;

  FaultTarget(Faults faults, Method method, String pathPrefix) {
    this.faults = faults;
    this.method = method;
    this.pathPrefix = pathPrefix;
  }

  /**
   * Responds with a status instead of the normal response. A status of 400 or more gets Box's
   * ClientError body with a matching code ({@code rate_limit_exceeded} for 429, {@code unavailable}
   * for 503, and so on); 401 gets the empty body and {@code WWW-Authenticate} header of an expired
   * token. Other statuses, such as 202, get an empty body.
   *
   * @param status the HTTP status, from 200 to 599
   * @return the installed fault
   * @throws IllegalArgumentException when the status is outside 200 to 599
   */
  public Fault respond(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status is " + status + "; expected 200 to 599");
    }
    return install(Fault.Kind.RESPOND, status, 0, Duration.ZERO, DEFAULT_MAX_HOLD);
  }

  /**
   * Waits before handling the request normally, for example to trip a client's timeout or to delay
   * when a write is applied. The wait is real time, before the response headers.
   *
   * @param wait the time to wait, zero or more
   * @return the installed fault
   * @throws IllegalArgumentException when the wait is negative
   */
  public Fault delay(Duration wait) {
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait is " + wait + "; expected zero or more");
    }
    return install(Fault.Kind.DELAY, 0, 0, wait, DEFAULT_MAX_HOLD);
  }

  /**
   * Handles the request normally but sends at most {@code bytes} bytes of the body, then closes the
   * connection. The {@code Content-Length} header still announces the whole body, so the client
   * sees a truncated download. A body of {@code bytes} bytes or fewer is sent whole.
   *
   * @param bytes how many body bytes to send, 0 or more
   * @return the installed fault
   * @throws IllegalArgumentException when {@code bytes} is negative
   */
  public Fault cutOffAfter(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes is " + bytes + "; expected 0 or more");
    }
    return install(Fault.Kind.CUT_OFF, 0, bytes, Duration.ZERO, DEFAULT_MAX_HOLD);
  }

  /**
   * Expires every token LocalBox has minted, then handles the request normally, which therefore
   * fails with 401 if it needs a token.
   *
   * @return the installed fault
   */
  public Fault expireTokens() {
    return install(Fault.Kind.EXPIRE_TOKENS, 0, 0, Duration.ZERO, DEFAULT_MAX_HOLD);
  }

  /**
   * Holds the request before it is handled until {@link Fault#release()} or 30 seconds pass, then
   * handles it normally. Use {@link Fault#awaitHits(int, Duration)} to learn that it arrived;
   * together they order concurrent writes without relying on timing.
   *
   * @return the installed fault
   */
  public Fault hold() {
    return hold(DEFAULT_MAX_HOLD);
  }

  /**
   * Holds the request before it is handled until {@link Fault#release()} or {@code maxHold} passes,
   * then handles it normally.
   *
   * @param maxHold the longest real time to hold a request
   * @return the installed fault
   * @throws IllegalArgumentException when {@code maxHold} is negative
   */
  public Fault hold(Duration maxHold) {
    Objects.requireNonNull(maxHold, "maxHold");
    if (maxHold.isNegative()) {
      throw new IllegalArgumentException("maxHold is " + maxHold + "; expected zero or more");
    }
    return install(Fault.Kind.HOLD, 0, 0, Duration.ZERO, maxHold);
  }

  private Fault install(
      Fault.Kind kind, int status, long cutOffBytes, Duration delay, Duration maxHold) {
    Fault fault = new Fault(method, pathPrefix, kind, status, cutOffBytes, delay, maxHold);
    faults.add(fault);
    return fault;
  }
}
