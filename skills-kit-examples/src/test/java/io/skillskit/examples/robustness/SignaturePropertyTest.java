package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillskit.signature.SignatureGenerator;
import io.skillskit.signature.SignatureValidator;
import io.skillskit.signature.SignatureVerificationException;
import io.skillskit.signature.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
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

/**
 * Sends the validator hostile signature headers and checks each verdict against the signing rule.
 * The headers carry timestamps from year 0 to 9999 with every offset and many format slips,
 * signature values of every wrong shape, names in any case, and repeated values. 10,000 tries per
 * property.
 */
class SignaturePropertyTest {

  static final String PRIMARY_KEY = "PrimaryKeyForTests0123456789abcd";
  static final String SECONDARY_KEY = "SecondaryKeyForTests0123456789ab";
  static final Instant NOW = Instant.parse("2024-05-01T17:05:00Z");

  private static final Duration MAX_AGE = SignatureValidator.DEFAULT_MAX_AGE;
  private static final Duration SKEW = SignatureValidator.DEFAULT_FUTURE_SKEW;
  private static final String FRESH = "2024-05-01T10:04:00-07:00";
  private static final byte[] BODY =
      Events.template(false).write().getBytes(StandardCharsets.UTF_8);

  private static final SignatureValidator VALIDATOR =
      SignatureValidator.builder()
          .primaryKey(PRIMARY_KEY)
          .secondaryKey(SECONDARY_KEY)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();

  private static final String[] NAMES = {
    "box-delivery-timestamp",
    "box-signature-version",
    "box-signature-algorithm",
    "box-signature-primary",
    "box-signature-secondary"
  };

  /** A timestamp header as sent, and the instant it stands for when it is well formed. */
  record Stamp(String header, Instant instant) {
    @Override
    public String toString() {
      return header + " -> " + instant;
    }
  }

  @Property(tries = 10_000)
  void timestampsAreJudgedByTheClock(
      @ForAll("stamps") Stamp stamp, @ForAll boolean secondaryOnly, @ForAll long nameCase) {
    String key = secondaryOnly ? SECONDARY_KEY : PRIMARY_KEY;
    Map<String, String> headers = new HashMap<>();
    headers.put(mixCase(NAMES[0], nameCase), stamp.header());
    headers.put(mixCase(NAMES[1], nameCase >>> 1), "1");
    headers.put(mixCase(NAMES[2], nameCase >>> 2), "HmacSHA256");
    // The signature covers the value without the spaces and tabs HTTP allows around it.
    String signed = stamp.header().strip();
    headers.put(
        mixCase(NAMES[secondaryOnly ? 4 : 3], nameCase >>> 3),
        SignatureGenerator.sign(key, BODY, signed));

    Reason reason = verify(BODY, headers);

    assertThat(reason).isEqualTo(expectedForTime(stamp.instant()));
  }

  @Property(tries = 10_000)
  void signatureValuesMustBeExact(
      @ForAll("signatureValues") String primary, @ForAll("signatureValues") String secondary) {
    Map<String, String> headers = freshHeaders();
    putIfNotNull(headers, NAMES[3], primary);
    putIfNotNull(headers, NAMES[4], secondary);

    Reason reason = verify(BODY, headers);

    assertThat(reason).isEqualTo(expectedForSignatures(primary, secondary));
  }

  @Property(tries = 10_000)
  void repeatedHeadersMustAgree(
      @ForAll("headerCopies") List<List<String>> copies,
      @ForAll long nameCase,
      @ForAll boolean multiValued) {
    Reason expected = expectedForCopies(copies);

    Reason reason;
    if (multiValued) {
      Map<String, List<String>> headers = new HashMap<>();
      for (int slot = 0; slot < NAMES.length; slot++) {
        if (!copies.get(slot).isEmpty()) {
          headers.put(mixCase(NAMES[slot], nameCase >>> slot), copies.get(slot));
        }
      }
      headers.put("content-type", List.of("application/json"));
      reason = verifyMultiValued(headers);
    } else {
      // One map key per copy: the same name spelled in a different case each time.
      Map<String, String> headers = new HashMap<>();
      for (int slot = 0; slot < NAMES.length; slot++) {
        List<String> values = copies.get(slot);
        for (int copy = 0; copy < values.size(); copy++) {
          headers.put(distinctCase(NAMES[slot], copy), values.get(copy));
        }
      }
      headers.put(null, "ignored");
      reason = verify(BODY, headers);
    }

    assertThat(reason).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Stamp> stamps() {
    Arbitrary<Instant> instants =
        Arbitraries.frequencyOf(
            Tuple.of(
                4,
                Arbitraries.longs()
                    .between(-1_500_000, 1_500_000)
                    .map(millis -> NOW.plusMillis(millis))),
            Tuple.of(
                2,
                Arbitraries.of(-600_000L, -600_001L, -599_999L, 60_000L, 60_001L, 59_999L, 0L)
                    .map(NOW::plusMillis)),
            Tuple.of(
                3,
                Arbitraries.longs()
                    .between(
                        LocalDateTime.of(0, 1, 1, 14, 0).toEpochSecond(ZoneOffset.UTC),
                        LocalDateTime.of(9999, 12, 31, 9, 0).toEpochSecond(ZoneOffset.UTC))
                    .map(Instant::ofEpochSecond)));
    Arbitrary<Integer> offsetMinutes =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(-(23 * 60 + 59), 23 * 60 + 59)),
            Tuple.of(2, Arbitraries.of(0, -420, 330, 345, -570, 840, -720)));
    Arbitrary<Integer> fractionDigits = Arbitraries.integers().between(0, 9);
    Arbitrary<Integer> slips = Arbitraries.integers().between(0, 40);
    return Combinators.combine(instants, offsetMinutes, fractionDigits, slips, Arbitraries.longs())
        .as(SignaturePropertyTest::stamp);
  }

  /**
   * Writes an instant as a delivery timestamp with an offset and a fraction, then, for slips 1 to
   * 20, changes the text into a form the header grammar does not allow.
   */
  static Stamp stamp(Instant instant, int offsetMinutes, int digits, int slip, long noise) {
    // The grammar allows offsets up to 23:59; java.time stops at 18:00, so shift by hand.
    LocalDateTime local =
        LocalDateTime.ofEpochSecond(
            instant.getEpochSecond() + offsetMinutes * 60L, instant.getNano(), ZoneOffset.UTC);
    if (local.getYear() < 0 || local.getYear() > 9999) {
      local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
      offsetMinutes = 0;
    }
    String date =
        String.format(
            Locale.ROOT,
            "%04d-%02d-%02d",
            local.getYear(),
            local.getMonthValue(),
            local.getDayOfMonth());
    String time =
        String.format(
            Locale.ROOT, "%02d:%02d:%02d", local.getHour(), local.getMinute(), local.getSecond());
    String fraction = "";
    long nanos = local.getNano();
    if (digits > 0) {
      String nine = String.format(Locale.ROOT, "%09d", nanos);
      fraction = "." + nine.substring(0, digits);
      nanos = Long.parseLong(nine.substring(0, digits) + "0".repeat(9 - digits));
    } else {
      nanos = 0;
    }
    String offset = offset(offsetMinutes, noise);
    Instant meant =
        Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - offsetMinutes * 60L, nanos);
    String text = date + "T" + time + fraction + offset;
    return switch (slip) {
      case 1 -> new Stamp(text.replace('T', 't'), null);
      case 2 -> new Stamp(date + " " + time + fraction + offset, null);
      case 3 -> new Stamp(date + "T" + time + fraction, null);
      case 4 -> new Stamp(date + "T" + time.substring(0, 5) + offset, null);
      case 5 ->
          new Stamp(
              date + "T" + time + fraction + offset.replace(":", ""),
              offset.equals("Z") ? meant : null);
      case 6 -> new Stamp(date + "T" + time.substring(0, 6) + "60" + offset, null);
      case 7 -> new Stamp(date + "T24" + time.substring(2) + offset, null);
      case 8 -> new Stamp(date.substring(0, 5) + "02-30T" + time + offset, null);
      case 9 -> new Stamp(date + "T" + time + ".1234567890" + offset, null);
      case 10 -> new Stamp(date + "T" + time + "." + offset, null);
      case 11 -> new Stamp(Long.toString(instant.getEpochSecond()), null);
      case 12 -> new Stamp("+" + text, null);
      case 13 -> new Stamp(text + "Z", null);
      case 14 -> new Stamp(text.replace('0', '\u0660'), text.indexOf('0') < 0 ? meant : null);
      case 15 ->
          new Stamp(
              date + "T" + time + fraction + (offset.length() > 3 ? offset.substring(0, 3) : "+0"),
              null);
      case 16 -> new Stamp(text + ":00", null);
      case 17 -> new Stamp(text.replace("Z", "z"), offset.equals("Z") ? null : meant);
      case 18 -> new Stamp(" " + text + "\t", meant);
      case 19 -> new Stamp(text.substring(0, text.length() - 1), null);
      case 20 -> new Stamp(date.replace('-', '/') + "T" + time + offset, null);
      default -> new Stamp(text, meant);
    };
  }

  private static String offset(int minutes, long noise) {
    if (minutes == 0 && (noise & 3) != 0) {
      return (noise & 1) == 0 ? "+00:00" : "Z";
    }
    if (minutes == 0) {
      return "-00:00";
    }
    int magnitude = Math.abs(minutes);
    return String.format(
        Locale.ROOT, "%s%02d:%02d", minutes < 0 ? "-" : "+", magnitude / 60, magnitude % 60);
  }

  /** Predicts the verdict on a correctly signed request sent at {@code sentAt}, null if valid. */
  private static Reason expectedForTime(Instant sentAt) {
    if (sentAt == null) {
      return Reason.MALFORMED_TIMESTAMP;
    }
    Duration age = Duration.between(sentAt, NOW);
    if (age.compareTo(MAX_AGE) > 0) {
      return Reason.EXPIRED;
    }
    if (age.isNegative() && age.negated().compareTo(SKEW) > 0) {
      return Reason.FROM_FUTURE;
    }
    return null;
  }

  @Provide
  Arbitrary<String> signatureValues() {
    String valid = SignatureGenerator.sign(PRIMARY_KEY, BODY, FRESH);
    String validSecondary = SignatureGenerator.sign(SECONDARY_KEY, BODY, FRESH);
    Arbitrary<String> base = Arbitraries.of(valid, validSecondary);
    return Arbitraries.frequencyOf(
            Tuple.of(3, base),
            Tuple.of(2, base.map(v -> " " + v + "\t")),
            Tuple.of(
                2,
                Combinators.combine(base, Arbitraries.integers().between(0, 43))
                    .as(SignaturePropertyTest::flipCase)),
            Tuple.of(1, base.map(v -> v.replace('+', '-').replace('/', '_'))),
            Tuple.of(1, base.map(v -> v.substring(0, 43))),
            Tuple.of(1, base.map(v -> v + v)),
            Tuple.of(1, base.map(v -> v.substring(1))),
            Tuple.of(1, base.map(v -> v + "=")),
            Tuple.of(1, base.map(v -> v.replace("=", "%3D"))),
            Tuple.of(1, base.map(SignaturePropertyTest::hex)),
            Tuple.of(1, base.map(v -> v.toLowerCase(Locale.ROOT))),
            Tuple.of(
                2,
                Arbitraries.strings()
                    .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                    .ofLength(43)
                    .map(v -> v + "=")),
            Tuple.of(
                1,
                Arbitraries.strings()
                    .withChars("*.!~ \u00e9\u0410-_")
                    .ofLength(43)
                    .map(v -> v + "=")),
            Tuple.of(1, Arbitraries.strings().all().ofMaxLength(60)),
            Tuple.of(
                1,
                Arbitraries.of(
                    "",
                    " ",
                    "\t",
                    "=",
                    PRIMARY_KEY,
                    SECONDARY_KEY,
                    SignatureGenerator.sign(PRIMARY_KEY, BODY, "2024-05-01T10:04:01-07:00"),
                    SignatureGenerator.sign(PRIMARY_KEY, new byte[0], FRESH),
                    SignatureGenerator.sign("RetiredPrimaryKey000000000000000", BODY, FRESH),
                    "x".repeat(100_000))))
        .injectNull(0.1);
  }

  private static String flipCase(String value, int index) {
    char c = value.charAt(index);
    char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    return value.substring(0, index) + flipped + value.substring(index + 1);
  }

  private static String hex(String base64) {
    StringBuilder out = new StringBuilder();
    for (byte b : Base64.getDecoder().decode(base64)) {
      out.append(String.format(Locale.ROOT, "%02x", b));
    }
    return out.toString();
  }

  /** Predicts the verdict from the two signature header values, null if valid. */
  private static Reason expectedForSignatures(String primary, String secondary) {
    String p = stripOws(primary);
    String s = stripOws(secondary);
    if (matches(PRIMARY_KEY, p) || matches(SECONDARY_KEY, s)) {
      return null;
    }
    if (p == null && s == null) {
      return Reason.MISSING_HEADER;
    }
    if ((p != null && !isStrictBase64Mac(p)) || (s != null && !isStrictBase64Mac(s))) {
      return Reason.MALFORMED_SIGNATURE;
    }
    return Reason.SIGNATURE_MISMATCH;
  }

  private static boolean matches(String key, String value) {
    return value != null && value.equals(SignatureGenerator.sign(key, BODY, FRESH));
  }

  /** Tells whether a value is the one canonical standard Base64 form, padded, of 32 bytes. */
  static boolean isStrictBase64Mac(String value) {
    if (value.length() != 44) {
      return false;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(value);
      return bytes.length == 32 && Base64.getEncoder().encodeToString(bytes).equals(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Provide
  Arbitrary<List<List<String>>> headerCopies() {
    String primary = SignatureGenerator.sign(PRIMARY_KEY, BODY, FRESH);
    String secondary = SignatureGenerator.sign(SECONDARY_KEY, BODY, FRESH);
    List<Arbitrary<List<String>>> slots =
        List.of(
            copies(FRESH, 1, Arbitraries.of("2024-05-01T17:04:00Z", "2024-05-01T10:04:00-07:00 ")),
            copies("1", 1, Arbitraries.of("01", "1.0", "v1", "2", " 1", "1 ")),
            copies(
                "HmacSHA256",
                1,
                Arbitraries.of(
                    "hmacsha256", "HMACSHA256", "HmacSHA-256", "HmacSHA1", "HmacSHA256 ")),
            copies(primary, 0, Arbitraries.of(secondary, primary.toLowerCase(Locale.ROOT))),
            copies(secondary, 0, Arbitraries.of(primary, " " + secondary)));
    return Combinators.combine(slots).as(ArrayList::new);
  }

  /** Up to three copies of a header, each the valid value, another one, or blank. */
  private static Arbitrary<List<String>> copies(
      String valid, int minCopies, Arbitrary<String> others) {
    Arbitrary<String> copy =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(valid)),
            Tuple.of(1, Arbitraries.just(" " + valid + " ")),
            Tuple.of(2, others),
            Tuple.of(1, Arbitraries.of("", " ", "\t")));
    return copy.list().ofMinSize(minCopies).ofMaxSize(3);
  }

  /** Predicts the verdict from every copy of the five headers, null if valid. */
  private static Reason expectedForCopies(List<List<String>> copies) {
    String[] values = new String[NAMES.length];
    for (int slot = 0; slot < NAMES.length; slot++) {
      for (String copy : copies.get(slot)) {
        String value = stripOws(copy);
        if (value == null) {
          continue;
        }
        if (values[slot] != null && !values[slot].equals(value)) {
          return Reason.AMBIGUOUS_HEADER;
        }
        values[slot] = value;
      }
    }
    // The validator checks version, then algorithm, then the timestamp, then the signatures.
    if (values[1] == null) {
      return Reason.MISSING_HEADER;
    }
    if (!values[1].equals("1")) {
      return Reason.UNSUPPORTED_VERSION;
    }
    if (values[2] == null) {
      return Reason.MISSING_HEADER;
    }
    if (!values[2].equals("HmacSHA256")) {
      return Reason.UNSUPPORTED_ALGORITHM;
    }
    if (values[0] == null) {
      return Reason.MISSING_HEADER;
    }
    if (!values[0].equals(FRESH)) {
      // The other timestamps are fresh too, but the signatures cover FRESH.
      return mismatchOrMissing(values);
    }
    return expectedForSignatures(values[3], values[4]);
  }

  private static Reason mismatchOrMissing(String[] values) {
    if (values[3] == null && values[4] == null) {
      return Reason.MISSING_HEADER;
    }
    boolean malformed =
        (values[3] != null && !isStrictBase64Mac(values[3]))
            || (values[4] != null && !isStrictBase64Mac(values[4]));
    return malformed ? Reason.MALFORMED_SIGNATURE : Reason.SIGNATURE_MISMATCH;
  }

  private static Map<String, String> freshHeaders() {
    Map<String, String> headers = new HashMap<>();
    headers.put(NAMES[0], FRESH);
    headers.put(NAMES[1], "1");
    headers.put(NAMES[2], "HmacSHA256");
    return headers;
  }

  private static void putIfNotNull(Map<String, String> headers, String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
  }

  /** Verifies and returns the rejection reason, or null when valid; checks the message. */
  private static Reason verify(byte[] body, Map<String, String> headers) {
    Tally.add(Tally.CASES, 1);
    boolean valid = VALIDATOR.isValid(body, headers);
    try {
      VALIDATOR.verify(body, headers);
      assertThat(valid).isTrue();
      return null;
    } catch (SignatureVerificationException e) {
      assertThat(valid).isFalse();
      assertClear(e);
      return e.reason();
    }
  }

  private static Reason verifyMultiValued(Map<String, List<String>> headers) {
    Tally.add(Tally.CASES, 1);
    boolean valid = VALIDATOR.isValidMultiValued(BODY, headers);
    try {
      VALIDATOR.verifyMultiValued(BODY, headers);
      assertThat(valid).isTrue();
      return null;
    } catch (SignatureVerificationException e) {
      assertThat(valid).isFalse();
      assertClear(e);
      return e.reason();
    }
  }

  static void assertClear(SignatureVerificationException e) {
    String message = e.getMessage();
    assertThat(message).isNotBlank();
    assertThat(message).contains("box-");
    assertThat(message).hasSizeLessThanOrEqualTo(600);
    assertThat(message.chars().noneMatch(Character::isISOControl)).isTrue();
    assertThat(message).doesNotContain(PRIMARY_KEY);
    assertThat(message).doesNotContain(SECONDARY_KEY);
  }

  private static String stripOws(String value) {
    if (value == null) {
      return null;
    }
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return start == end ? null : value.substring(start, end);
  }

  static String mixCase(String name, long bits) {
    StringBuilder mixed = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      mixed.append(((bits >>> (i % 64)) & 1) == 1 ? Character.toUpperCase(c) : c);
    }
    return mixed.toString();
  }

  /** Spells a name in a case that differs for each copy number, so map keys do not collide. */
  private static String distinctCase(String name, int copy) {
    return switch (copy) {
      case 0 -> name;
      case 1 -> name.toUpperCase(Locale.ROOT);
      default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
    };
  }
}
