package io.skillskit.examples.sender;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers skill invocation events to a skill the way Box does. Each event is signed with the
 * primary and secondary keys and POSTed as JSON. It is delivered again with a new delivery id, a
 * new timestamp and new signatures when the skill does not respond with 2xx within the
 * acknowledgement timeout.
 *
 * <pre>{@code
 * InvocationSender sender = InvocationSender.builder()
 *     .primaryKey(primaryKey)
 *     .secondaryKey(secondaryKey)
 *     .ackTimeout(Duration.ofMillis(200))
 *     .build();
 * DeliveryResult result = sender.send(skillUrl, event);
 * }</pre>
 *
 * <p>Box's spacing of re-deliveries is not documented, so the sender waits {@link
 * Builder#redeliveryDelay(Duration)} between them (none by default). Deliveries go only to loopback
 * addresses. The sender never logs a key, a token or a body, and {@link #toString()} hides the
 * keys. Thread-safe.
 */
public final class InvocationSender {

  private static final Logger log = LoggerFactory.getLogger(InvocationSender.class);
  private static final int MAX_RESPONSE_CHARS = 4096;
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])";
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

  private final String primaryKey;
  private final String secondaryKey;
  private final Clock clock;
  private final ZoneId zone;
  private final Duration ackTimeout;
  private final int maxRedeliveries;
  private final Duration redeliveryDelay;
  private final Sleeper sleeper;
  private final HttpClient client;

  private InvocationSender(Builder builder) {
    this.primaryKey = builder.primaryKey;
    this.secondaryKey = builder.secondaryKey;
    this.clock = builder.clock;
    this.zone = builder.zone;
    this.ackTimeout = builder.ackTimeout;
    this.maxRedeliveries = builder.maxRedeliveries;
    this.redeliveryDelay = builder.redeliveryDelay;
    this.sleeper = builder.sleeper;
    this.client =
        builder.client != null
            ? builder.client
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.ackTimeout)
                .build();
  }

  /**
   * Starts a sender, which needs at least the primary key.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Delivers an event correctly, re-delivering until the skill acknowledges it or the allowed
   * re-deliveries are used up.
   *
   * @param skillUrl the skill's invocation URL on a loopback address
   * @param event the event to deliver
   * @return every delivery made
   * @throws IllegalArgumentException when the URL is not http or https on a loopback address
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public DeliveryResult send(URI skillUrl, InvocationEvent event) throws InterruptedException {
    return send(skillUrl, event, DeliveryOptions.defaults());
  }

  /**
   * Delivers an event with deliberate deviations, re-delivering unless the options turn that off.
   *
   * @param skillUrl the skill's invocation URL on a loopback address
   * @param event the event to deliver
   * @param options the deviations from a correct delivery
   * @return every delivery made
   * @throws IllegalArgumentException when the URL is not http or https on a loopback address
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public DeliveryResult send(URI skillUrl, InvocationEvent event, DeliveryOptions options)
      throws InterruptedException {
    Objects.requireNonNull(skillUrl, "skillUrl");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(options, "options");
    requireLoopback(skillUrl);

    int allowed = 1 + (options.redelivery() ? maxRedeliveries : 0);
    List<DeliveryAttempt> attempts = new ArrayList<>();
    for (int number = 1; number <= allowed; number++) {
      if (number > 1 && !redeliveryDelay.isZero()) {
        sleeper.sleep(redeliveryDelay);
      }
      DeliveryAttempt attempt = deliver(skillUrl, event, options, number);
      attempts.add(attempt);
      log.debug(
          "Delivery {} of invocation {} to {}: {} {}",
          number,
          event.invocationId(),
          skillUrl.getRawPath(),
          attempt.outcome(),
          attempt.statusCode().isPresent() ? attempt.statusCode().getAsInt() : "");
      if (attempt.outcome() == DeliveryAttempt.Outcome.ACKNOWLEDGED) {
        break;
      }
    }
    return new DeliveryResult(event.invocationId(), attempts);
  }

  /** Returns the settings, with both keys shown as {@code ***}. */
  @Override
  public String toString() {
    return "InvocationSender[primaryKey=***, secondaryKey="
        + (secondaryKey == null ? "none" : "***")
        + ", ackTimeout="
        + ackTimeout
        + ", maxRedeliveries="
        + maxRedeliveries
        + ", redeliveryDelay="
        + redeliveryDelay
        + "]";
  }

  private DeliveryAttempt deliver(
      URI skillUrl, InvocationEvent event, DeliveryOptions options, int number)
      throws InterruptedException {
    String deliveryId = UUID.randomUUID().toString();
    String timestamp =
        options.timestamp().orElseGet(() -> DeliverySigner.timestamp(clock.instant(), zone));
    byte[] body = event.body();
    String primary = options.keysOverridden() ? options.primaryKey() : primaryKey;
    String secondary = options.keysOverridden() ? options.secondaryKey() : secondaryKey;

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "Box-WH-Client/0.1");
    headers.put(DeliveryHeaders.DELIVERY_ID, deliveryId);
    headers.put(DeliveryHeaders.DELIVERY_TIMESTAMP, timestamp);
    headers.put(DeliveryHeaders.SIGNATURE_PRIMARY, DeliverySigner.sign(primary, body, timestamp));
    if (secondary != null) {
      headers.put(
          DeliveryHeaders.SIGNATURE_SECONDARY, DeliverySigner.sign(secondary, body, timestamp));
    }
    headers.put(DeliveryHeaders.SIGNATURE_VERSION, "1");
    headers.put(DeliveryHeaders.SIGNATURE_ALGORITHM, "HmacSHA256");
    options
        .headers()
        .forEach(
            (name, value) -> {
              headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
              headers.put(name, value);
            });
    for (String omitted : options.omittedHeaders()) {
      headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(omitted));
    }
    byte[] sent = options.tamperBody() ? tamper(body) : body;

    HttpRequest.Builder request =
        HttpRequest.newBuilder(skillUrl)
            .timeout(ackTimeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(sent));
    headers.forEach(request::header);

    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      int status = response.statusCode();
      DeliveryAttempt.Outcome outcome =
          status >= 200 && status < 300
              ? DeliveryAttempt.Outcome.ACKNOWLEDGED
              : DeliveryAttempt.Outcome.REJECTED;
      return new DeliveryAttempt(
          number,
          deliveryId,
          timestamp,
          outcome,
          OptionalInt.of(status),
          elapsed,
          shorten(new String(response.body(), StandardCharsets.UTF_8)),
          "");
    } catch (HttpTimeoutException e) {
      return failed(number, deliveryId, timestamp, DeliveryAttempt.Outcome.TIMED_OUT, start, e);
    } catch (IOException e) {
      return failed(number, deliveryId, timestamp, DeliveryAttempt.Outcome.FAILED, start, e);
    }
  }

  private static DeliveryAttempt failed(
      int number,
      String deliveryId,
      String timestamp,
      DeliveryAttempt.Outcome outcome,
      long start,
      IOException error) {
    return new DeliveryAttempt(
        number,
        deliveryId,
        timestamp,
        outcome,
        OptionalInt.empty(),
        Duration.ofNanos(System.nanoTime() - start),
        "",
        error.getClass().getSimpleName() + ": " + error.getMessage());
  }

  private static byte[] tamper(byte[] body) {
    if (body.length > 0 && body[0] == '{') {
      byte[] changed = new byte[body.length + 1];
      changed[0] = '{';
      changed[1] = ' ';
      System.arraycopy(body, 1, changed, 2, body.length - 1);
      return changed;
    }
    byte[] changed = new byte[body.length + 1];
    System.arraycopy(body, 0, changed, 0, body.length);
    changed[body.length] = ' ';
    return changed;
  }

  private static String shorten(String text) {
    return text.length() <= MAX_RESPONSE_CHARS ? text : text.substring(0, MAX_RESPONSE_CHARS);
  }

  private static void requireLoopback(URI url) {
    String scheme = url.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "skill URL scheme '" + scheme + "' is not supported; expected http or https");
    }
    String host = url.getHost();
    boolean loopback =
        host != null
            && (IPV4_LOOPBACK.matcher(host).matches()
                || host.equals("[::1]")
                || host.equals("[0:0:0:0:0:0:0:1]"));
    if (!loopback) {
      throw new IllegalArgumentException(
          "skill URL host '"
              + host
              + "' is not a loopback address; the sender delivers only to 127.0.0.1 or [::1]");
    }
  }

  /** Settings of a sender. */
  public static final class Builder {
    private String primaryKey;
    private String secondaryKey;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("America/Los_Angeles");
    private Duration ackTimeout = Duration.ofSeconds(10);
    private int maxRedeliveries = 3;
    private Duration redeliveryDelay = Duration.ZERO;
    private Sleeper sleeper = Sleeper.system();
    private HttpClient client;

    private Builder() {}

    /**
     * Sets the primary signature key, as shown in the developer console.
     *
     * @param key the key text
     * @return this builder
     * @throws IllegalArgumentException when the key is blank
     */
    public Builder primaryKey(String key) {
      this.primaryKey = nonBlank("primaryKey", key);
      return this;
    }

    /**
     * Sets the secondary signature key. Without one, no secondary signature header is sent.
     *
     * @param key the key text
     * @return this builder
     * @throws IllegalArgumentException when the key is blank
     */
    public Builder secondaryKey(String key) {
      this.secondaryKey = nonBlank("secondaryKey", key);
      return this;
    }

    /**
     * Sets the clock for delivery timestamps.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the zone whose offset delivery timestamps are written with.
     *
     * @param zone the zone; default {@code America/Los_Angeles}
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets how long the skill has to respond to a delivery with 2xx before it counts as not
     * acknowledged. It also bounds connecting when the sender builds its own client.
     *
     * @param timeout positive; default 10 seconds, what the Box skills engine expects
     * @return this builder
     * @throws IllegalArgumentException when the timeout is zero or negative
     */
    public Builder ackTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException(
            "ackTimeout is " + timeout + "; expected a positive duration");
      }
      this.ackTimeout = timeout;
      return this;
    }

    /**
     * Sets how many times an unacknowledged event is delivered again.
     *
     * @param count 0 to 20; default 3
     * @return this builder
     * @throws IllegalArgumentException when the count is outside 0 to 20
     */
    public Builder maxRedeliveries(int count) {
      if (count < 0 || count > 20) {
        throw new IllegalArgumentException("maxRedeliveries is " + count + "; expected 0 to 20");
      }
      this.maxRedeliveries = count;
      return this;
    }

    /**
     * Sets the wait before each re-delivery.
     *
     * @param delay zero or more; default zero
     * @return this builder
     * @throws IllegalArgumentException when the delay is negative
     */
    public Builder redeliveryDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException(
            "redeliveryDelay is " + delay + "; expected zero or more");
      }
      this.redeliveryDelay = delay;
      return this;
    }

    /**
     * Sets what waits between re-deliveries.
     *
     * @param sleeper the sleeper; default {@link Sleeper#system()}
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the HTTP client. By default the sender builds an HTTP/1.1 client without proxy that does
     * not follow redirects.
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Builds the sender.
     *
     * @return the sender
     * @throws IllegalStateException when no primary key was set
     */
    public InvocationSender build() {
      if (primaryKey == null) {
        throw new IllegalStateException("primaryKey is missing; set it with primaryKey(key)");
      }
      return new InvocationSender(this);
    }

    private static String nonBlank(String name, String key) {
      Objects.requireNonNull(key, name);
      if (key.isBlank()) {
        throw new IllegalArgumentException(name + " is blank; expected the key text");
      }
      return key;
    }
  }
}
