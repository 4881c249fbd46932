package io.skillskit.box;

import com.box.sdkgen.networking.baseurls.BaseUrls;
import com.box.sdkgen.networking.boxnetworkclient.BoxNetworkClient;
import com.box.sdkgen.networking.network.NetworkSession;
import io.skillskit.internal.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Connection settings the kit uses to reach Box: the API base URL, one shared HTTP client with its
 * connection pool, timeouts, and the retry rules every Box call follows.
 *
 * <p>Create one instance at startup and pass it to every {@link FilesReader} and {@link
 * SkillsWriter}; connections are then reused across invocations.
 *
 * <pre>{@code
 * BoxEndpoints box = BoxEndpoints.production();          // https://api.box.com
 * BoxEndpoints local = BoxEndpoints.at(URI.create("http://127.0.0.1:8080"));  // emulators, tests
 * BoxEndpoints tuned = BoxEndpoints.builder(URI.create("https://api.box.com"))
 *     .readTimeout(Duration.ofMinutes(2))
 *     .maxAttempts(3)
 *     .build();
 * }</pre>
 *
 * <p><b>Cleartext.</b> Plain {@code http} is accepted only for loopback hosts ({@code 127.0.0.0/8},
 * {@code ::1}, {@code localhost}), where emulators and tests run, unless {@link
 * Builder#allowCleartext()} is called. The same rule applies to URLs Box returns, such as download
 * locations, so a token never travels unencrypted to another machine by accident.
 *
 * <p><b>Where tokens go.</b> A call that carries a token of the event is sent only to the host of
 * the base URL, or, when the base URL is a host of Box ({@code box.com}), also over {@code https}
 * to Box's other hosts under {@code box.com} and {@code boxcloud.com}, where Box serves basic
 * formats. A URL in a Box response that names any other host fails with {@link BoxCallException}
 * before anything is sent, so a changed or forged response cannot collect the read token. Download
 * redirects are followed without a token, to any {@code https} host.
 *
 * <p><b>Timeouts.</b> Connect {@value #DEFAULT_CONNECT_TIMEOUT_SECONDS} s, read and write {@value
 * #DEFAULT_READ_TIMEOUT_SECONDS} s per socket operation, and a total of {@value
 * #DEFAULT_CALL_TIMEOUT_SECONDS} s per attempt of an API call. Downloads have no total limit: a
 * large file may take as long as it needs while bytes keep arriving within the read timeout.
 *
 * <p><b>Retries.</b> HTTP 429 and 5xx responds are retried, honouring {@code Retry-After} in
 * seconds (fractions too) or as an HTTP date, otherwise with exponential backoff and jitter; at
 * most {@value RetryPolicy#DEFAULT_MAX_ATTEMPTS} attempts within 60 s by default. A 5xx response to
 * a POST and a network failure of a POST are not retried, because Box may have applied the request.
 * HTTP 401 is never retried and no token refresh is tried: skill tokens cannot be refreshed.
 *
 * <p>Instances are thread-safe. Close an instance built with {@link #at(URI)} or {@link
 * #builder(URI)} when done to release its connections; closing the shared {@link #production()}
 * instance has no effect.
 */
public final class BoxEndpoints implements AutoCloseable {

  /** Base URL of Box's production API. */
  public static final URI PRODUCTION_URI = URI.create("https://api.box.com");

  /** Default connect timeout in seconds. */
  public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

  /** Default read and write timeout in seconds, per socket operation. */
  public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;

  /** Default total time in seconds one attempt of an API call may take; downloads have none. */
  public static final int DEFAULT_CALL_TIMEOUT_SECONDS = 60;

  /** Default wait before the second poll of a basic format that is being generated. */
  public static final Duration DEFAULT_POLL_DELAY = Duration.ofSeconds(1);

  /** Default upper bound of the growing wait between polls of a basic format. */
  public static final Duration DEFAULT_MAX_POLL_DELAY = Duration.ofSeconds(10);

  /** Domains of Box's own servers, which may receive a token when the base URL is one of them. */
  private static final List<String> BOX_DOMAINS = List.of("box.com", "boxcloud.com");

  private static final Object PRODUCTION_LOCK = new Object();
  private static volatile BoxEndpoints production;

  private final URI baseUri;
  private final HttpUrl baseUrl;
  private final boolean cleartextAllowed;
  private final boolean shared;
  private final OkHttpClient apiClient;
  private final OkHttpClient downloadClient;
  private final NetworkSession networkSession;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration pollDelay;
  private final Duration maxPollDelay;
  private final InvocationStates invocationStates = new InvocationStates();
  private final BoxHttp http;
  private volatile boolean closed;

  private BoxEndpoints(Builder builder, boolean shared) {
    this.baseUri = builder.baseUri;
    this.baseUrl = HttpUrl.get(builder.baseUri.toString());
    this.cleartextAllowed = builder.cleartextAllowed;
    this.shared = shared;
    this.retryPolicy =
        new RetryPolicy(
            builder.maxAttempts,
            builder.maxRetryTime,
            builder.retryBaseDelay,
            builder.maxRetryDelay,
            builder.retryJitter,
            builder.random);
    this.sleeper = builder.sleeper;
    this.clock = builder.clock;
    this.pollDelay = builder.pollDelay;
    this.maxPollDelay = builder.maxPollDelay;

    OkHttpClient.Builder http =
        BoxNetworkClient.getDefaultOkHttpClientBuilder()
            .connectTimeout(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(builder.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .followRedirects(false)
            .followSslRedirects(false);
    if (cleartextAllowed || "http".equals(baseUrl.scheme())) {
      // The default client speaks TLS only; loopback emulators and opted-in hosts need plain HTTP.
      // Every URL is still checked against the cleartext rule before a request is sent.
      http.connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT));
    }
    this.downloadClient = http.build();
    // newBuilder() shares the connection pool and dispatcher with the download client.
    this.apiClient =
        downloadClient
            .newBuilder()
            .callTimeout(builder.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .build();
    this.networkSession =
        new NetworkSession.Builder()
            .baseUrls(new BaseUrls.Builder().baseUrl(baseUrlWithoutSlash()).build())
            .networkClient(new BoxNetworkClient(apiClient))
            .retryStrategy(new SdkRetryStrategy(retryPolicy))
            .build();
    this.http = new BoxHttp(this);
  }

  /**
   * Returns the shared endpoints of Box's production API, {@code https://api.box.com}, with the
   * default timeouts and retries. The instance is created on first use and lives as long as the
   * JVM; {@link #close()} on it has no effect.
   *
   * @return the shared production endpoints
   */
  public static BoxEndpoints production() {
    BoxEndpoints current = production;
    if (current == null) {
      synchronized (PRODUCTION_LOCK) {
        current = production;
        if (current == null) {
          current = new BoxEndpoints(builder(PRODUCTION_URI), true);
          production = current;
        }
      }
    }
    return current;
  }

  /**
   * Returns endpoints for a Box API at another base URL, such as an emulator or a test server, with
   * the default timeouts and retries.
   *
   * @param baseUri the base URL without the {@code /2.0} part, for example {@code
   *     http://127.0.0.1:8080}
   * @return new endpoints; close them when done
   * @throws IllegalArgumentException if the URL is not {@code https}, or {@code http} to a loopback
   *     host, or has a path other than {@code /}, a query, a fragment or user info
   * @throws NullPointerException if {@code baseUri} is null
   */
  public static BoxEndpoints at(URI baseUri) {
    return builder(baseUri).build();
  }

  /**
   * Returns a builder for endpoints at a base URL, to change timeouts, retries or the sleeper.
   *
   * @param baseUri the base URL without the {@code /2.0} part, for example {@code
   *     https://api.box.com}
   * @return a new builder with the defaults
   * @throws NullPointerException if {@code baseUri} is null
   */
  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  /**
   * Returns the base URL of the Box API these endpoints call.
   *
   * @return for example {@code https://api.box.com}
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Returns a Box SDK session on the same HTTP client, connection pool and retry rules, for calls
   * the kit does not offer. Build SDK clients on it with {@code new BoxClient.Builder(new
   * BoxDeveloperTokenAuth(token)).networkSession(session).build()}.
   *
   * <p>Its retry strategy declines HTTP 401, so the SDK throws the 401 instead of trying a token
   * refresh that skill tokens do not support. The SDK itself sleeps between its retries in whole
   * seconds with {@link Thread#sleep(long)}; the kit rounds each wait up so that none is skipped.
   *
   * @return the shared SDK session
   */
  public NetworkSession networkSession() {
    return networkSession;
  }

  /**
   * Releases the connections of these endpoints. Calls made afterwards fail with {@link
   * IllegalStateException}. Has no effect on the shared {@link #production()} instance.
   */
  @Override
  public void close() {
    if (shared || closed) {
      return;
    }
    closed = true;
    downloadClient.connectionPool().evictAll();
    downloadClient.dispatcher().executorService().shutdown();
  }

  /**
   * Returns the base URL and whether cleartext is allowed.
   *
   * @return text such as {@code BoxEndpoints[https://api.box.com]}
   */
  @Override
  public String toString() {
    return "BoxEndpoints["
        + baseUrlWithoutSlash()
        + (cleartextAllowed ? ", cleartext allowed" : "")
        + (closed ? ", closed" : "")
        + "]";
  }

  HttpUrl baseUrl() {
    return baseUrl;
  }

  OkHttpClient apiClient() {
    return apiClient;
  }

  OkHttpClient downloadClient() {
    return downloadClient;
  }

  RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  Clock clock() {
    return clock;
  }

  Duration pollDelay() {
    return pollDelay;
  }

  Duration maxPollDelay() {
    return maxPollDelay;
  }

  InvocationStates invocationStates() {
    return invocationStates;
  }

  BoxHttp http() {
    return http;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed; create new BoxEndpoints to call Box");
    }
  }

  /**
   * Checks that a URL Box returned may be called: {@code https}, or {@code http} to a loopback host
   * or with cleartext allowed.
   */
  boolean isAllowed(HttpUrl url) {
    return "https".equals(url.scheme()) || cleartextAllowed || isLoopback(url.host());
  }

  /**
   * Tells whether a URL may receive a token of the event. That holds for the host of the base URL
   * and, when the base URL is Box's API, for {@code https} to Box's other hosts ({@code box.com},
   * {@code boxcloud.com} and their subdomains), where Box serves basic formats.
   */
  boolean mayReceiveToken(HttpUrl url) {
    if (url.host().equals(baseUrl.host())) {
      return true;
    }
    return isBoxHost(baseUrl.host()) && "https".equals(url.scheme()) && isBoxHost(url.host());
  }

  private static boolean isBoxHost(String host) {
    for (String domain : BOX_DOMAINS) {
      if (host.equals(domain) || host.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  private String baseUrlWithoutSlash() {
    String text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return parts[0].equals("127");
  }

  /**
   * Builder of {@link BoxEndpoints}. Every setting has a default; see {@link BoxEndpoints} for the
   * values.
   */
  public static final class Builder {

    private final URI baseUri;
    private boolean cleartextAllowed;
    private Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS);
    private Duration readTimeout = Duration.ofSeconds(DEFAULT_READ_TIMEOUT_SECONDS);
    private Duration writeTimeout = Duration.ofSeconds(DEFAULT_READ_TIMEOUT_SECONDS);
    private Duration callTimeout = Duration.ofSeconds(DEFAULT_CALL_TIMEOUT_SECONDS);
    private int maxAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;
    private Duration maxRetryTime = RetryPolicy.DEFAULT_MAX_RETRY_TIME;
    private Duration retryBaseDelay = RetryPolicy.DEFAULT_BASE_DELAY;
    private Duration maxRetryDelay = RetryPolicy.DEFAULT_MAX_DELAY;
    private double retryJitter = RetryPolicy.DEFAULT_JITTER;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private Duration pollDelay = DEFAULT_POLL_DELAY;
    private Duration maxPollDelay = DEFAULT_MAX_POLL_DELAY;

    private Builder(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri");
      this.baseUri = normalize(baseUri);
    }

    /**
     * Allows plain {@code http} to hosts other than loopback, for the base URL and for URLs Box
     * returns. Tokens then cross the network unencrypted; use it only inside a trusted network.
     *
     * @return this builder
     */
    public Builder allowCleartext() {
      this.cleartextAllowed = true;
      return this;
    }

    /**
     * Sets how long opening a connection may take.
     *
     * @param timeout the connect timeout, more than zero
     * @return this builder
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long one socket read may wait for data. It applies per read, so a large download may
     * take longer in total while bytes keep arriving.
     *
     * @param timeout the read timeout, more than zero
     * @return this builder
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets how long one socket write may block.
     *
     * @param timeout the write timeout, more than zero
     * @return this builder
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive(timeout, "writeTimeout");
      return this;
    }

    /**
     * Sets the total time one attempt of an API call may take, from connecting to reading the whole
     * response. Downloads of file content are exempt.
     *
     * @param timeout the per-attempt deadline, more than zero
     * @return this builder
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * Sets how many attempts a call gets, the first one included. {@code 1} turns retries off.
     *
     * @param maxAttempts the attempt limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException if the limit is less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            "maxAttempts is " + maxAttempts + "; expected at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the time from a call's first attempt within which a retry must start. A wait that would
     * end later, including one Box requests with {@code Retry-After}, is not taken: the call fails
     * at once.
     *
     * @param maxRetryTime the retry time budget, zero or more
     * @return this builder
     * @throws IllegalArgumentException if the duration is negative
     */
    public Builder maxRetryTime(Duration maxRetryTime) {
      this.maxRetryTime = notNegative(maxRetryTime, "maxRetryTime");
      return this;
    }

    /**
     * Sets the wait before the first retry when Box sends no {@code Retry-After}; each further
     * retry waits twice as long, up to {@link #maxRetryDelay(Duration)}.
     *
     * @param delay the base delay, zero or more
     * @return this builder
     * @throws IllegalArgumentException if the duration is negative
     */
    public Builder retryBaseDelay(Duration delay) {
      this.retryBaseDelay = notNegative(delay, "retryBaseDelay");
      return this;
    }

    /**
     * Sets the upper bound of a computed wait between retries. A {@code Retry-After} from Box is
     * not capped by it, only by {@link #maxRetryTime(Duration)}.
     *
     * @param delay the maximum computed wait, zero or more
     * @return this builder
     * @throws IllegalArgumentException if the duration is negative
     */
    public Builder maxRetryDelay(Duration delay) {
      this.maxRetryDelay = notNegative(delay, "maxRetryDelay");
      return this;
    }

    /**
     * Sets the random spread of computed waits: each is multiplied by a factor in {@code [1 -
     * jitter, 1 + jitter)}, so that many skills rate-limited at once do not retry in step. {@code
     * 0} makes waits exact.
     *
     * @param jitter the spread, from 0 to 1; default {@value RetryPolicy#DEFAULT_JITTER}
     * @return this builder
     * @throws IllegalArgumentException if the value is outside 0 to 1
     */
    public Builder retryJitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("retryJitter is " + jitter + "; expected 0 to 1");
      }
      this.retryJitter = jitter;
      return this;
    }

    /**
     * Sets what waits between retries and polls. Tests pass one that records the waits and returns
     * at once; pair it with a {@link #clock(Clock)} it advances, so that time budgets run out as
     * they would in production.
     *
     * @param sleeper the sleeper
     * @return this builder
     * @throws NullPointerException if {@code sleeper} is null
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the clock for retry and poll time budgets, token expiry checks and the timestamps of
     * cards the writer creates.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the waits between polls of a basic format that Box is still generating: the first wait,
     * growing by half each poll up to the maximum.
     *
     * @param initial the first wait, more than zero
     * @param max the largest wait, at least {@code initial}
     * @return this builder
     * @throws IllegalArgumentException if {@code initial} is not positive or {@code max} is less
     *     than {@code initial}
     */
    public Builder basicFormatPolling(Duration initial, Duration max) {
      positive(initial, "initial poll delay");
      Objects.requireNonNull(max, "max");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "max poll delay " + max + " is less than the initial delay " + initial);
      }
      this.pollDelay = initial;
      this.maxPollDelay = max;
      return this;
    }

    /**
     * Sets the source of random numbers in [0, 1) for the retry jitter; for tests.
     *
     * @param random the random source
     * @return this builder
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the endpoints and their HTTP client.
     *
     * @return new endpoints; close them when done
     * @throws IllegalArgumentException if the base URL is plain {@code http} to a host that is not
     *     loopback and {@link #allowCleartext()} was not called
     */
    public BoxEndpoints build() {
      if ("http".equals(baseUri.getScheme())
          && !cleartextAllowed
          && !isLoopback(baseUri.getHost())) {
        throw new IllegalArgumentException(
            "base URL "
                + baseUri
                + " uses plain http to a host that is not loopback; use https, or call"
                + " allowCleartext() on the builder if the network is trusted");
      }
      return new BoxEndpoints(this, false);
    }

    private static URI normalize(URI uri) {
      // Checked first, and the URL is not echoed, because user info or a query may hold a secret.
      if (uri.getRawUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "base URL of the Box API must not carry user info, a query or a fragment; expected"
                + " only scheme, host and port, for example https://api.box.com");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalArgumentException(
            "base URL "
                + uri
                + " has scheme '"
                + scheme
                + "'; expected https, or http to loopback");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException(
            "base URL " + uri + " has no host; expected for example https://api.box.com");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (!path.isEmpty() && !path.equals("/")) {
        throw new IllegalArgumentException(
            "base URL "
                + uri
                + " has path '"
                + path
                + "'; expected none, because the kit adds /2.0/... itself");
      }
      return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " is " + value + "; expected more than zero");
      }
      return value;
    }

    private static Duration notNegative(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " is " + value + "; expected zero or more");
      }
      return value;
    }
  }
}
