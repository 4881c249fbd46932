package io.skillskit.examples.pipeline;

import io.skillskit.box.BoxEndpoints;
import io.skillskit.signature.SignatureValidator;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a deployed skill reads from its environment: signature keys and the Box API base
 * URL.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>Variable</th><th>Meaning</th></tr>
 *   <tr><td>{@value #PRIMARY_KEY}</td><td>the app's primary signature key</td></tr>
 *   <tr><td>{@value #SECONDARY_KEY}</td><td>the app's secondary signature key, optional</td></tr>
 *   <tr><td>{@value #ALLOW_UNSIGNED}</td><td>{@code true} to accept unsigned requests when no
 *       key is set; local testing only</td></tr>
 *   <tr><td>{@value #API_BASE_URL}</td><td>the Box API base URL: {@code https://api.box.com} for
 *       Box, or an emulator such as {@code http://127.0.0.1:8080}</td></tr>
 * </table>
 *
 * <p>The base URL has no default, so that a skill never calls a Box API its operator did not
 * choose. {@link #toString()} never shows a key.
 */
public final class SkillConfig {

  /** Variable holding the primary signature key: {@value}. */
  public static final String PRIMARY_KEY = "BOX_SKILLS_PRIMARY_KEY";

  /** Variable holding the secondary signature key: {@value}. */
  public static final String SECONDARY_KEY = "BOX_SKILLS_SECONDARY_KEY";

  /**
   * Variable that allows unsigned requests for local testing when set to {@code true}: {@value}.
   */
  public static final String ALLOW_UNSIGNED = "BOX_SKILLS_ALLOW_UNSIGNED_FOR_LOCAL_TESTING";

  /** Variable holding the Box API base URL: {@value}. */
  public static final String API_BASE_URL = "BOX_API_BASE_URL";

  private final String primaryKey;
  private final String secondaryKey;
  private final boolean unsignedAllowed;
  private final URI apiBaseUrl;

  private SkillConfig(
      String primaryKey, String secondaryKey, boolean unsignedAllowed, URI apiBaseUrl) {
    this.primaryKey = primaryKey;
    this.secondaryKey = secondaryKey;
    this.unsignedAllowed = unsignedAllowed;
    this.apiBaseUrl = apiBaseUrl;
  }

  /**
   * Reads the settings from the process environment.
   *
   * @return the settings
   * @throws IllegalStateException if a required variable is missing or invalid
   */
  public static SkillConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Reads the settings from a map of environment variables.
   *
   * @param environment variable names and values, such as {@link System#getenv()}
   * @return the settings
   * @throws IllegalStateException if no key is set and unsigned requests are not allowed, or if the
   *     base URL is missing or invalid
   */
  public static SkillConfig fromEnvironment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    String primary = value(environment, PRIMARY_KEY);
    String secondary = value(environment, SECONDARY_KEY);
    boolean unsigned = "true".equalsIgnoreCase(value(environment, ALLOW_UNSIGNED));
    if (primary == null && secondary == null && !unsigned) {
      throw new IllegalStateException(
          PRIMARY_KEY
              + " is not set. Set it (and "
              + SECONDARY_KEY
              + " for key rotation) to the signature keys from the Box Developer Console (app >"
              + " Webhooks > Manage signature keys). Only to try the skill locally without Box,"
              + " set "
              + ALLOW_UNSIGNED
              + "=true instead.");
    }
    String base = value(environment, API_BASE_URL);
    if (base == null) {
      throw new IllegalStateException(
          API_BASE_URL
              + " is not set. Set it to https://api.box.com for Box, or to an emulator such as"
              + " http://127.0.0.1:8080.");
    }
    URI baseUri;
    try {
      baseUri = URI.create(base);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          API_BASE_URL + " is not a valid URL; expected for example https://api.box.com", e);
    }
    return new SkillConfig(primary, secondary, unsigned && primary == null, baseUri);
  }

  /**
   * Returns the configured settings with explicit values, for tests and programs that read their
   * settings elsewhere.
   *
   * @param primaryKey the primary signature key
   * @param secondaryKey the secondary signature key, or {@code null}
   * @param apiBaseUrl the Box API base URL
   * @return the settings
   */
  public static SkillConfig of(String primaryKey, String secondaryKey, URI apiBaseUrl) {
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    return new SkillConfig(primaryKey, secondaryKey, false, apiBaseUrl);
  }

  /**
   * Builds the signature validator: with the configured keys, or the unsigned validator for local
   * testing when no key is set and unsigned requests are allowed.
   *
   * @return the validator
   * @throws IllegalArgumentException if a key is blank or has surrounding whitespace
   */
  public SignatureValidator newValidator() {
    if (unsignedAllowed) {
      return SignatureValidator.acceptingUnsignedRequestsForLocalTesting();
    }
    SignatureValidator.Builder keys = SignatureValidator.builder();
    if (primaryKey != null) {
      keys.primaryKey(primaryKey);
    }
    if (secondaryKey != null) {
      keys.secondaryKey(secondaryKey);
    }
    return keys.build();
  }

  /**
   * Creates endpoints for the configured base URL; close them when done.
   *
   * @return new endpoints
   * @throws IllegalArgumentException if the URL is not https, or http to a loopback host
   */
  public BoxEndpoints newEndpoints() {
    return BoxEndpoints.at(apiBaseUrl);
  }

  /**
   * Returns the Box API base URL.
   *
   * @return the URL
   */
  public URI apiBaseUrl() {
    return apiBaseUrl;
  }

  /**
   * Tells whether unsigned requests are accepted, which only happens when no key is set and {@value
   * #ALLOW_UNSIGNED} is {@code true}.
   *
   * @return whether signatures go unchecked
   */
  public boolean unsignedAllowed() {
    return unsignedAllowed;
  }

  /**
   * Returns the primary key, for callers that build the validator themselves.
   *
   * @return the key, or empty when not set
   */
  public Optional<String> primaryKey() {
    return Optional.ofNullable(primaryKey);
  }

  /**
   * Returns the secondary key, for callers that build the validator themselves.
   *
   * @return the key, or empty when not set
   */
  public Optional<String> secondaryKey() {
    return Optional.ofNullable(secondaryKey);
  }

  /**
   * Describes the settings without the keys.
   *
   * @return text such as {@code SkillConfig[primaryKey=***, secondaryKey=absent,
   *     apiBaseUrl=https://api.box.com]}
   */
  @Override
  public String toString() {
    return "SkillConfig[primaryKey="
        + (primaryKey == null ? "absent" : "***")
        + ", secondaryKey="
        + (secondaryKey == null ? "absent" : "***")
        + (unsignedAllowed ? ", UNSIGNED for local testing" : "")
        + ", apiBaseUrl="
        + apiBaseUrl
        + "]";
  }

  private static String value(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
