package io.skillskit.examples.sender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deliberate deviations from a correct delivery, for testing how a skill rejects bad requests:
 * wrong keys, missing or changed headers, a stale or malformed timestamp, a body changed after
 * signing, or no re-delivery. {@link #defaults()} deviates in nothing.
 *
 * <pre>{@code
 * DeliveryOptions forged = DeliveryOptions.builder()
 *     .signWith("not-the-primary-key", "not-the-secondary-key")
 *     .noRedelivery()
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows a key.
 */
public final class DeliveryOptions {

  private static final DeliveryOptions DEFAULTS = builder().build();

  private final String primaryKey;
  private final String secondaryKey;
  private final boolean keysOverridden;
  private final String timestamp;
  private final Map<String, String> headers;
  private final List<String> omittedHeaders;
  private final boolean tamperBody;
  private final boolean redelivery;

  private DeliveryOptions(Builder builder) {
    this.primaryKey = builder.primaryKey;
    this.secondaryKey = builder.secondaryKey;
    this.keysOverridden = builder.keysOverridden;
    this.timestamp = builder.timestamp;
    this.headers = Map.copyOf(builder.headers);
    this.omittedHeaders = List.copyOf(builder.omittedHeaders);
    this.tamperBody = builder.tamperBody;
    this.redelivery = builder.redelivery;
  }

  /**
   * Returns options that deliver correctly, with re-delivery.
   *
   * @return the default options
   */
  public static DeliveryOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a set of deviations.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  boolean keysOverridden() {
    return keysOverridden;
  }

  String primaryKey() {
    return primaryKey;
  }

  String secondaryKey() {
    return secondaryKey;
  }

  Optional<String> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  Map<String, String> headers() {
    return headers;
  }

  List<String> omittedHeaders() {
    return omittedHeaders;
  }

  boolean tamperBody() {
    return tamperBody;
  }

  boolean redelivery() {
    return redelivery;
  }

  /** Lists the deviations, with keys shown as {@code ***}. */
  @Override
  public String toString() {
    return "DeliveryOptions[keysOverridden="
        + keysOverridden
        + ", timestamp="
        + timestamp
        + ", headers="
        + headers.keySet()
        + ", omittedHeaders="
        + omittedHeaders
        + ", tamperBody="
        + tamperBody
        + ", redelivery="
        + redelivery
        + "]";
  }

  /** Collects deviations. */
  public static final class Builder {
    private String primaryKey;
    private String secondaryKey;
    private boolean keysOverridden;
    private String timestamp;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> omittedHeaders = new ArrayList<>();
    private boolean tamperBody;
    private boolean redelivery = true;

    private Builder() {}

    /**
     * Signs with these keys instead of the sender's.
     *
     * @param primary the key for {@code BOX-SIGNATURE-PRIMARY}
     * @param secondary the key for {@code BOX-SIGNATURE-SECONDARY}, or null to leave that header
     *     out
     * @return this builder
     */
    public Builder signWith(String primary, String secondary) {
      this.primaryKey = Objects.requireNonNull(primary, "primary");
      this.secondaryKey = secondary;
      this.keysOverridden = true;
      return this;
    }

    /**
     * Sends and signs this timestamp instead of the clock's time, for example a stale one or {@code
     * yesterday}.
     *
     * @param value the exact {@code BOX-DELIVERY-TIMESTAMP} value
     * @return this builder
     */
    public Builder timestamp(String value) {
      this.timestamp = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets a header after signing, replacing a header of the same name in any case, for example
     * {@code BOX-SIGNATURE-VERSION: 2}.
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Leaves a header out, matched in any case, for example {@link
     * DeliveryHeaders#SIGNATURE_PRIMARY}.
     *
     * @param name the header name
     * @return this builder
     */
    public Builder omitHeader(String name) {
      omittedHeaders.add(Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * Changes the body after signing: a space is inserted after the opening brace, which keeps the
     * JSON valid but breaks the signature. A body that does not start with a brace gets a space
     * appended.
     *
     * @return this builder
     */
    public Builder tamperBody() {
      this.tamperBody = true;
      return this;
    }

    /**
     * Delivers once, even when the skill does not acknowledge.
     *
     * @return this builder
     */
    public Builder noRedelivery() {
      this.redelivery = false;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public DeliveryOptions build() {
      return new DeliveryOptions(this);
    }
  }
}
