package io.skillskit.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys, bodies, clocks and fixture files shared by the signature tests. Every key and body is
 * invented.
 */
final class SignatureTestData {

  /** Primary key of the hand-written cases. */
  static final String PRIMARY_KEY = "PrimaryKeyForTests0123456789abcd";

  /** Secondary key of the hand-written cases. */
  static final String SECONDARY_KEY = "SecondaryKeyForTests0123456789ab";

  /** An old primary key that is no longer configured anywhere. */
  static final String RETIRED_KEY = "RetiredPrimaryKey000000000000000";

  /** The time the hand-written cases are checked at: 10:05:00 at offset -07:00. */
  static final Instant NOW = Instant.parse("2024-05-01T17:05:00Z");

  /** A fixed clock at {@link #NOW}. */
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A delivery timestamp five minutes before {@link #NOW}. */
  static final String FRESH_TIMESTAMP = "2024-05-01T10:00:00-07:00";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SignatureTestData() {}

  /**
   * Returns a body as Box's PHP-style serializer writes it, with the escapes {@code \}{@code u00e9}
   * and {@code \/}.
   */
  static byte[] escapedEventBody() {
    return utf8(
        "{\"type\":\"skill_invocation\",\"id\":\"evt_1001\",\"source\":{\"type\":\"file\","
            + "\"id\":\"5001\",\"name\":\"caf\\u00e9 notes.mp3\",\"shared_link\":{\"url\":"
            + "\"https:\\/\\/example.app.box.com\\/s\\/abc123\"}}}");
  }

  /** Returns {@link #escapedEventBody()} after a parse and compact re-serialisation. */
  static byte[] reserializedEventBody() {
    return utf8(
        "{\"type\":\"skill_invocation\",\"id\":\"evt_1001\",\"source\":{\"type\":\"file\","
            + "\"id\":\"5001\",\"name\":\"caf\u00e9 notes.mp3\",\"shared_link\":{\"url\":"
            + "\"https://example.app.box.com/s/abc123\"}}}");
  }

  /**
   * Returns a body with raw UTF-8 (an accented letter and an emoji) and a JSON {@code \n} escape.
   */
  static byte[] rawUtf8EventBody() {
    return utf8(
        "{\"type\":\"skill_invocation\",\"id\":\"evt_1002\",\"source\":{\"type\":\"file\","
            + "\"id\":\"5002\",\"name\":\"R\u00e9sum\u00e9 \uD83C\uDFA7.m4a\","
            + "\"description\":\"line1\\nline2\"}}");
  }

  /** Returns a plain ASCII event for a video file. */
  static byte[] videoEventBody() {
    return utf8(
        "{\"type\":\"skill_invocation\",\"id\":\"evt_1003\",\"source\":{\"type\":\"file\","
            + "\"id\":\"5003\",\"name\":\"clip.mp4\"}}");
  }

  /** Returns a plain ASCII event for an audio file. */
  static byte[] audioEventBody() {
    return utf8(
        "{\"type\":\"skill_invocation\",\"id\":\"evt_1004\",\"source\":{\"type\":\"file\","
            + "\"id\":\"5004\",\"name\":\"memo.wav\"}}");
  }

  /** Returns the default Box header set, upper case, with the given timestamp and signatures. */
  static Map<String, String> boxHeaders(String timestamp, String primary, String secondary) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("BOX-DELIVERY-ID", "d-0001");
    headers.put("BOX-DELIVERY-TIMESTAMP", timestamp);
    headers.put("BOX-SIGNATURE-ALGORITHM", "HmacSHA256");
    headers.put("BOX-SIGNATURE-VERSION", "1");
    if (primary != null) {
      headers.put("BOX-SIGNATURE-PRIMARY", primary);
    }
    if (secondary != null) {
      headers.put("BOX-SIGNATURE-SECONDARY", secondary);
    }
    return headers;
  }

  /** Returns a validator with both test keys and the fixed clock. */
  static SignatureValidator bothKeys() {
    return SignatureValidator.builder()
        .primaryKey(PRIMARY_KEY)
        .secondaryKey(SECONDARY_KEY)
        .clock(CLOCK)
        .build();
  }

  /** Returns a validator with only the primary test key and the fixed clock. */
  static SignatureValidator primaryOnly() {
    return SignatureValidator.builder().primaryKey(PRIMARY_KEY).clock(CLOCK).build();
  }

  /** Reads a file under {@code src/test/resources/fixtures/signature/} as bytes. */
  static byte[] fixture(String name) {
    String path = "/fixtures/signature/" + name;
    try (InputStream in = SignatureTestData.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Test resource not found: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code fixtures/signature/vector.json}. */
  static JsonNode vectors() {
    try {
      return JSON.readTree(fixture("vector.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the headers of a vector in {@code vector.json} as a mutable map. */
  static Map<String, String> vectorHeaders(JsonNode vector) {
    Map<String, String> headers = new LinkedHashMap<>();
    vector
        .get("headers")
        .fields()
        .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    return headers;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
