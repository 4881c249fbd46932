package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.CLOCK;
import static io.skillskit.signature.SignatureTestData.FRESH_TIMESTAMP;
import static io.skillskit.signature.SignatureTestData.PRIMARY_KEY;
import static io.skillskit.signature.SignatureTestData.SECONDARY_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.slf4j.LoggerFactory;

/**
 * Random bodies and header maps, valid ones among them, never produce anything but a result or a
 * {@link SignatureVerificationException} whose message is not blank and contains none of the
 * validator's keys, even when a header carries one.
 *
 * <p>A validator with one key cannot hide the other key, which it never saw: to it that string is
 * an ordinary header value. So the check covers the keys each validator is configured with, which
 * for the two-key validators is both keys.
 */
class VerificationPropertyTest {

  private static final byte[] BODY = SignatureTestData.videoEventBody();
  private static final String PRIMARY_SIGNATURE =
      SignatureGenerator.sign(PRIMARY_KEY, BODY, FRESH_TIMESTAMP);
  private static final String SECONDARY_SIGNATURE =
      SignatureGenerator.sign(SECONDARY_KEY, BODY, FRESH_TIMESTAMP);
  private static final String[] NAMES = {
    "box-delivery-timestamp",
    "box-signature-version",
    "box-signature-algorithm",
    "box-signature-primary",
    "box-signature-secondary"
  };
  private static final String[] VALID_VALUES = {
    FRESH_TIMESTAMP, "1", "HmacSHA256", PRIMARY_SIGNATURE, SECONDARY_SIGNATURE
  };

  private static final Logger LOGGER = (Logger) LoggerFactory.getLogger(SignatureValidator.class);
  private static Level previousLevel;

  @BeforeContainer
  static void quietValidatorLog() {
    previousLevel = LOGGER.getLevel();
    LOGGER.setLevel(Level.INFO);
  }

  @AfterContainer
  static void restoreValidatorLog() {
    LOGGER.setLevel(previousLevel);
  }

  @Property(tries = 10_000)
  void singleValuedHeadersGiveOnlyResultOrTypedRejection(
      @ForAll("configurations") Configuration configuration,
      @ForAll("bodies") byte[] body,
      @ForAll("headerMaps") Map<String, String> headers) {
    SignatureValidator validator = configuration.validator;
    String outcome =
        outcomeOf(
            configuration, () -> validator.verify(body, headers), validator.isValid(body, headers));

    Statistics.label("outcome").collect(outcome);
    Statistics.label("outcome").coverage(check -> check.check("VALID").count(c -> c > 0));
  }

  @Property(tries = 10_000)
  void multiValuedHeadersGiveOnlyResultOrTypedRejection(
      @ForAll("configurations") Configuration configuration,
      @ForAll("bodies") byte[] body,
      @ForAll("multiValuedHeaderMaps") Map<String, List<String>> headers) {
    SignatureValidator validator = configuration.validator;
    String outcome =
        outcomeOf(
            configuration,
            () -> validator.verifyMultiValued(body, headers),
            validator.isValidMultiValued(body, headers));

    Statistics.label("outcome").collect(outcome);
    Statistics.label("outcome").coverage(check -> check.check("VALID").count(c -> c > 0));
  }

  /** Runs a verification and checks that {@code isValid} agrees with it. */
  private static String outcomeOf(
      Configuration configuration, Runnable verification, boolean isValid) {
    String outcome;
    try {
      verification.run();
      outcome = "VALID";
    } catch (SignatureVerificationException e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
      for (String key : configuration.keys) {
        assertThat(e.getMessage()).doesNotContain(key);
      }
      outcome = e.reason().name();
    }
    assertThat(isValid).isEqualTo(outcome.equals("VALID"));
    return outcome;
  }

  @Provide
  Arbitrary<Configuration> configurations() {
    return Arbitraries.of(
        new Configuration(
            "both keys", SignatureTestData.bothKeys(), List.of(PRIMARY_KEY, SECONDARY_KEY)),
        new Configuration(
            "both keys, escaped-body fallback",
            SignatureValidator.builder()
                .primaryKey(PRIMARY_KEY)
                .secondaryKey(SECONDARY_KEY)
                .clock(CLOCK)
                .escapedBodyFallbackForReserializedBodies(true)
                .build(),
            List.of(PRIMARY_KEY, SECONDARY_KEY)),
        new Configuration("primary only", SignatureTestData.primaryOnly(), List.of(PRIMARY_KEY)),
        new Configuration(
            "secondary only",
            SignatureValidator.builder().secondaryKey(SECONDARY_KEY).clock(CLOCK).build(),
            List.of(SECONDARY_KEY)));
  }

  /** A validator and the keys it was built with. */
  static final class Configuration {
    final String name;
    final SignatureValidator validator;
    final List<String> keys;

    Configuration(String name, SignatureValidator validator, List<String> keys) {
      this.name = name;
      this.validator = validator;
      this.keys = keys;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(BODY).map(byte[]::clone)),
            Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(3000)),
            Tuple.of(
                1,
                Arbitraries.strings()
                    .ofMaxLength(200)
                    .map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .injectNull(0.02);
  }

  @Provide
  Arbitrary<Map<String, String>> headerMaps() {
    Arbitrary<Map<String, String>> extras = Arbitraries.maps(names(), values()).ofMaxSize(8);
    return Combinators.combine(validBase(), extras, Arbitraries.integers().between(0, 5))
        .as(
            (base, extra, dropped) -> {
              Map<String, String> headers = new HashMap<>(base);
              if (dropped < NAMES.length) {
                headers.keySet().removeIf(name -> name.equalsIgnoreCase(NAMES[dropped]));
              }
              headers.putAll(extra);
              return headers;
            })
        .injectNull(0.01);
  }

  @Provide
  Arbitrary<Map<String, List<String>>> multiValuedHeaderMaps() {
    Arbitrary<List<String>> valueLists = values().list().ofMaxSize(3);
    Arbitrary<Map<String, List<String>>> extras =
        Arbitraries.maps(names(), valueLists).ofMaxSize(6);
    return Combinators.combine(validBase(), extras, Arbitraries.integers().between(0, 2))
        .as(
            (base, extra, repeats) -> {
              Map<String, List<String>> headers = new HashMap<>();
              base.forEach(
                  (name, value) -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i <= repeats; i++) {
                      values.add(i % 2 == 0 ? value : " " + value);
                    }
                    headers.put(name, values);
                  });
              headers.putAll(extra);
              return headers;
            })
        .injectNull(0.01);
  }

  /** Valid signature headers under randomly cased names, or none at all. */
  private static Arbitrary<Map<String, String>> validBase() {
    return Arbitraries.longs()
        .map(
            caseBits -> {
              Map<String, String> headers = new HashMap<>();
              for (int i = 0; i < NAMES.length; i++) {
                headers.put(mixCase(NAMES[i], caseBits + i), VALID_VALUES[i]);
              }
              return headers;
            })
        .injectNull(0.1)
        .map(headers -> headers == null ? new HashMap<>() : headers);
  }

  private static Arbitrary<String> names() {
    Arbitrary<String> boxNames =
        Combinators.combine(Arbitraries.of(NAMES), Arbitraries.longs())
            .as(VerificationPropertyTest::mixCase);
    return Arbitraries.frequencyOf(
            Tuple.of(2, boxNames),
            Tuple.of(1, Arbitraries.strings().ofMaxLength(25)),
            Tuple.of(1, Arbitraries.of("Content-Type", "BOX-DELIVERY-ID", "box_signature_primary")))
        .injectNull(0.03);
  }

  private static Arbitrary<String> values() {
    return Arbitraries.frequencyOf(
            Tuple.of(
                3,
                Arbitraries.of(
                    "1",
                    "2",
                    "HmacSHA256",
                    "HmacSHA1",
                    FRESH_TIMESTAMP,
                    "2024-05-01T09:00:00Z",
                    "2024-05-01T18:00:00Z",
                    "2024-05-01T17:04:59.999Z",
                    "yesterday",
                    PRIMARY_SIGNATURE,
                    SECONDARY_SIGNATURE,
                    PRIMARY_KEY,
                    SECONDARY_KEY,
                    "x" + PRIMARY_KEY + "y",
                    SECONDARY_KEY + "-2024-05-01T10:00:00-07:00",
                    " 1 ",
                    "\t",
                    "")),
            Tuple.of(2, Arbitraries.strings().ofMaxLength(80)),
            Tuple.of(
                1,
                Arbitraries.strings()
                    .withChars("0123456789-:TZ.+ ")
                    .ofMinLength(18)
                    .ofMaxLength(36)),
            Tuple.of(
                1,
                Arbitraries.strings()
                    .withChars(
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_")
                    .ofMinLength(40)
                    .ofMaxLength(48)))
        .injectNull(0.05);
  }

  private static String mixCase(String name, long bits) {
    StringBuilder mixed = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      String letter = name.substring(i, i + 1);
      mixed.append(
          ((bits >>> (i % 64)) & 1) == 1
              ? letter.toUpperCase(Locale.ROOT)
              : letter.toLowerCase(Locale.ROOT));
    }
    return mixed.toString();
  }
}
