package io.skillskit.examples.localbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One scripted misbehaviour of LocalBox, installed by {@link Faults#on(Method, String)} and applied
 * to the next matching requests instead of, or before, the normal response.
 *
 * <p>A fault applies once unless {@link #times(int)} or {@link #always()} sets otherwise. Matching
 * requests are recorded like any other. Modifiers return this fault, so a test writes:
 *
 * <pre>{@code
 * box.faults().on(Method.PUT, "/2.0/skill_invocations/").respond(429).withRetryAfter("2").times(1);
 * box.faults().on(Method.GET, "/d/").cutOffAfter(1024);
 * Fault held = box.faults().on(Method.PUT, "/2.0/skill_invocations/").hold();
 * }</pre>
 *
 * <p>Thread-safe: a test may configure a fault while LocalBox serves requests, but settings changed
 * after a request has matched do not apply to that request.
 */
public final class Fault {

  enum Kind {
    RESPOND,
    DELAY,
    CUT_OFF,
    EXPIRE_TOKENS,
    HOLD
  }

  private static final int UNLIMITED = -1;

  private final Method method;
  private final String pathPrefix;
  private final Kind kind;
  private final int status;
  private final long cutOffBytes;
  private final Duration maxHold;
  private final CountDownLatch released = new CountDownLatch(1);

  private final Map<String, String> headers = new LinkedHashMap<>();
  private String code;
  private Duration delay = Duration.ZERO;
  private int remaining = 1;
  private int hits;

  Fault(
      Method method,
      String pathPrefix,
      Kind kind,
      int status,
      long cutOffBytes,
      Duration delay,
      Duration maxHold) {
    this.method = method;
    this.pathPrefix = pathPrefix;
    this.kind = kind;
    this.status = status;
    this.cutOffBytes = cutOffBytes;
    this.delay = delay;
    this.maxHold = maxHold;
  }

  /**
   * Adds a {@code Retry-After} header with a raw value: seconds such as {@code 2}, a fraction such
   * as {@code 0.5}, an HTTP date, or anything else a client must cope with.
   *
   * @param value the header value, sent verbatim
   * @return this fault
   * @throws IllegalStateException unless this fault responds with a status
   */
  public Fault withRetryAfter(String value) {
    Objects.requireNonNull(value, "value");
    return withHeader("Retry-After", value);
  }

  /**
   * Adds a {@code Retry-After} header in seconds, with a fraction when the wait is not whole
   * seconds, such as {@code 2} or {@code 0.25}.
   *
   * @param wait the wait to announce, zero or more
   * @return this fault
   * @throws IllegalArgumentException when the wait is negative
   * @throws IllegalStateException unless this fault responds with a status
   */
  public Fault withRetryAfter(Duration wait) {
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait is " + wait + "; expected zero or more");
    }
    BigDecimal seconds = BigDecimal.valueOf(wait.toMillis()).movePointLeft(3);
    return withRetryAfter(seconds.stripTrailingZeros().toPlainString());
  }

  /**
   * Adds a {@code Retry-After} header as an HTTP date (RFC 1123, GMT).
   *
   * @param at the time after which the client may retry
   * @return this fault
   * @throws IllegalStateException unless this fault responds with a status
   */
  public Fault withRetryAfterDate(Instant at) {
    Objects.requireNonNull(at, "at");
    return withRetryAfter(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)));
  }

  /**
   * Adds a header to the scripted response.
   *
   * @param name the header name
   * @param value the header value
   * @return this fault
   * @throws IllegalStateException unless this fault responds with a status
   */
  public synchronized Fault withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    requireRespond("a header");
    headers.put(name, value);
    return this;
  }

  /**
   * Replaces the Box error code of the scripted error body, such as {@code unavailable}.
   *
   * @param errorCode the {@code code} of the ClientError body
   * @return this fault
   * @throws IllegalStateException unless this fault responds with a status of 400 or more
   */
  public synchronized Fault withCode(String errorCode) {
    Objects.requireNonNull(errorCode, "errorCode");
    requireRespond("an error code");
    if (status < 400) {
      throw new IllegalStateException(
          "status " + status + " has no error body; an error code needs a status of 400 or more");
    }
    this.code = errorCode;
    return this;
  }

  /**
   * Waits before the fault takes effect, for example to make a scripted 503 also slow.
   *
   * @param wait the real time to wait before responding, zero or more
   * @return this fault
   * @throws IllegalArgumentException when the wait is negative
   */
  public synchronized Fault afterDelay(Duration wait) {
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait is " + wait + "; expected zero or more");
    }
    this.delay = wait;
    return this;
  }

  /**
   * Applies the fault to the next {@code count} matching requests.
   *
   * @param count how many requests, 1 or more
   * @return this fault
   * @throws IllegalArgumentException when {@code count} is less than 1
   */
  public synchronized Fault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count is " + count + "; expected 1 or more");
    }
    this.remaining = count;
    return this;
  }

  /**
   * Applies the fault to every matching request until {@link Faults#clear()}.
   *
   * @return this fault
   */
  public synchronized Fault always() {
    this.remaining = UNLIMITED;
    return this;
  }

  /**
   * Returns how many requests this fault has been applied to so far.
   *
   * @return the count of applied requests
   */
  public synchronized int hits() {
    return hits;
  }

  /**
   * Waits until this fault has been applied to at least {@code count} requests.
   *
   * @param count the number of applied requests to wait for
   * @param timeout the longest real time to wait
   * @return true when the count was reached, false when the wait timed out
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public synchronized boolean awaitHits(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (hits < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /**
   * Lets requests held by a {@link FaultTarget#hold()} fault continue to their normal response, and
   * makes later matching requests pass without waiting.
   */
  public void release() {
    released.countDown();
  }

  /** Describes the matcher and the effect, such as {@code PUT /2.0/skill_invocations/ -> 429}. */
  @Override
  public synchronized String toString() {
    String effect =
        switch (kind) {
          case RESPOND -> String.valueOf(status);
          case DELAY -> "delay " + delay;
          case CUT_OFF -> "cut off after " + cutOffBytes + " bytes";
          case EXPIRE_TOKENS -> "expire tokens";
          case HOLD -> "hold";
        };
    return (method == null ? "ANY" : method.name())
        + " "
        + pathPrefix
        + " -> "
        + effect
        + " (hits "
        + hits
        + (remaining == UNLIMITED ? ", always)" : ", remaining " + remaining + ")");
  }

  /** Uses one application of this fault if it matches the request and has one left. */
  synchronized boolean tryUse(String requestMethod, String path) {
    if (remaining == 0) {
      return false;
    }
    if (method != null && !method.matches(requestMethod)) {
      return false;
    }
    if (!path.startsWith(pathPrefix)) {
      return false;
    }
    if (remaining > 0) {
      remaining--;
    }
    hits++;
    notifyAll();
    return true;
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  long cutOffBytes() {
    return cutOffBytes;
  }

  synchronized Duration delay() {
    return delay;
  }

  synchronized String code() {
    return code;
  }

  synchronized Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  /** Blocks the calling request until {@link #release()} or the maximum hold time. */
  void awaitRelease() throws InterruptedException {
    released.await(maxHold.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void requireRespond(String what) {
    if (kind != Kind.RESPOND) {
      throw new IllegalStateException(
          "this fault is '" + kind + "'; only respond(status) faults can carry " + what);
    }
  }
}
