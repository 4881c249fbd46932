package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.FRESH_TIMESTAMP;
import static io.skillskit.signature.SignatureTestData.bothKeys;
import static io.skillskit.signature.SignatureTestData.boxHeaders;
import static io.skillskit.signature.SignatureTestData.videoEventBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.signature.SignatureVerificationException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header names in any case, any kind of map, multi-valued headers and whitespace in values. */
class HeaderLookupTest {

  private static final String PRIMARY_SIGNATURE = "QVkG3b+p2sS5RmXQYuP1hOOgNGPid1qumHkRZwYDnvs=";
  private static final String SECONDARY_SIGNATURE = "/TD3UUFFFTpHnhGcnR/oZ1jy2N8tXu7iddPJirfaiAk=";

  private static Map<String, String> upperCase() {
    return boxHeaders(FRESH_TIMESTAMP, PRIMARY_SIGNATURE, SECONDARY_SIGNATURE);
  }

  private static Map<String, String> renamed(UnaryOperator<String> rename) {
    Map<String, String> headers = new LinkedHashMap<>();
    upperCase().forEach((name, value) -> headers.put(rename.apply(name), value));
    return headers;
  }

  @Test
  void acceptsLowerCaseNames() {
    Map<String, String> headers = renamed(name -> name.toLowerCase(Locale.ROOT));

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void acceptsUpperCaseNames() {
    assertThat(bothKeys().isValid(videoEventBody(), upperCase())).isTrue();
  }

  @Test
  void acceptsTitleCaseNames() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Box-Delivery-Timestamp", FRESH_TIMESTAMP);
    headers.put("Box-Signature-Version", "1");
    headers.put("Box-Signature-Algorithm", "HmacSHA256");
    headers.put("Box-Signature-Primary", PRIMARY_SIGNATURE);
    headers.put("Box-Signature-Secondary", SECONDARY_SIGNATURE);

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void acceptsRandomlyMixedCaseNames() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("bOx-DeLiVeRy-TiMeStAmP", FRESH_TIMESTAMP);
    headers.put("BOX-signature-VERSION", "1");
    headers.put("box-SIGNATURE-algorithm", "HmacSHA256");
    headers.put("Box-signature-PRIMARY", PRIMARY_SIGNATURE);
    headers.put("box-Signature-secondarY", SECONDARY_SIGNATURE);

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void acceptsEveryKindOfMap() {
    Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(upperCase());
    List<Map<String, String>> maps =
        List.of(
            new HashMap<>(upperCase()),
            new TreeMap<>(upperCase()),
            caseInsensitive,
            new ConcurrentHashMap<>(upperCase()),
            Map.copyOf(upperCase()),
            Collections.unmodifiableMap(upperCase()));

    for (Map<String, String> headers : maps) {
      assertThat(bothKeys().isValid(videoEventBody(), headers))
          .as(headers.getClass().getName())
          .isTrue();
    }
  }

  @Test
  void ignoresNullNamesAndNullValues() {
    Map<String, String> headers = new HashMap<>(upperCase());
    headers.put(null, "anything");
    headers.put("X-Null-Value", null);
    headers.put("box-signature-secondary", null);

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void nullValueOfOnlySignatureIsMissingHeader() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, null, null);
    headers.put("BOX-SIGNATURE-PRIMARY", null);

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_HEADER);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\t", "  ", " \t "})
  void stripsSpacesAndTabsAroundValues(String padding) {
    Map<String, String> headers = new LinkedHashMap<>();
    upperCase().forEach((name, value) -> headers.put(name, padding + value + padding));

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void doesNotStripOtherWhitespace() {
    Map<String, String> headers = upperCase();
    headers.put("BOX-SIGNATURE-VERSION", "1\n");

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageStartingWith("box-signature-version \"1\\u000a\" is not supported");
  }

  @Test
  void blankValuesCountAsAbsent() {
    Map<String, String> headers = upperCase();
    headers.put("BOX-SIGNATURE-PRIMARY", "   ");

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void ignoresNamesWithOtherSeparatorsOrSpaces() {
    Map<String, String> headers = new LinkedHashMap<>();
    upperCase().forEach((name, value) -> headers.put(name.replace('-', '_'), value));
    headers.put(" box-signature-version", "1");

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void ignoresNonAsciiLookAlikeNames() {
    Map<String, String> headers = upperCase();
    headers.remove("BOX-SIGNATURE-VERSION");
    // U+017F (long s) upper-cases to 'S', so String.equalsIgnoreCase would match it.
    headers.put("box-\u017Fignature-version", "1");

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageStartingWith("box-signature-version is missing.");
  }

  @Test
  void identicalValuesUnderTwoSpellingsAreAccepted() {
    Map<String, String> headers = upperCase();
    headers.put("box-signature-primary", PRIMARY_SIGNATURE);
    headers.put("box-delivery-timestamp", " " + FRESH_TIMESTAMP);

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void differentValuesUnderTwoSpellingsAreAmbiguous() {
    Map<String, String> headers = upperCase();
    headers.put("box-signature-primary", SECONDARY_SIGNATURE);

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-signature-primary was received more than once with different values, so it is"
                + " unclear which one Box sent. Check for a proxy or framework that adds or"
                + " merges this header.")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.AMBIGUOUS_HEADER);
  }

  @Test
  void multiValuedMapWithOneValueEach() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    upperCase().forEach((name, value) -> headers.put(name, List.of(value)));

    assertThat(bothKeys().isValidMultiValued(videoEventBody(), headers)).isTrue();
  }

  @Test
  void multiValuedMapInEveryNameCase() {
    List<UnaryOperator<String>> spellings =
        List.of(
            name -> name.toLowerCase(Locale.ROOT),
            name -> name,
            name -> name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT));

    for (UnaryOperator<String> spelling : spellings) {
      Map<String, Collection<String>> headers = new HashMap<>();
      upperCase()
          .forEach(
              (name, value) ->
                  headers.put(spelling.apply(name), new LinkedHashSet<>(List.of(value))));

      assertThat(bothKeys().isValidMultiValued(videoEventBody(), headers)).isTrue();
    }
  }

  @Test
  void multiValuedIdenticalRepeatsAreAccepted() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    upperCase().forEach((name, value) -> headers.put(name, List.of(value, value + " ")));

    assertThat(bothKeys().isValidMultiValued(videoEventBody(), headers)).isTrue();
  }

  @Test
  void multiValuedDifferingRepeatsAreAmbiguous() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    upperCase().forEach((name, value) -> headers.put(name, List.of(value)));
    headers.put("BOX-DELIVERY-TIMESTAMP", List.of(FRESH_TIMESTAMP, "2024-05-01T10:01:00-07:00"));

    assertThatThrownBy(() -> bothKeys().verifyMultiValued(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.AMBIGUOUS_HEADER);
    assertThat(bothKeys().isValidMultiValued(videoEventBody(), headers)).isFalse();
  }

  @Test
  void multiValuedNullsAndBlanksAreIgnored() {
    Map<String, List<String>> headers = new HashMap<>();
    upperCase().forEach((name, value) -> headers.put(name, Arrays.asList(null, "", value, null)));
    headers.put("X-Empty", List.of());
    headers.put("X-Null", null);
    headers.put(null, List.of("x"));

    assertThat(bothKeys().isValidMultiValued(videoEventBody(), headers)).isTrue();
  }

  @Test
  void multiValuedEmptyCollectionsAreMissing() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    upperCase().forEach((name, value) -> headers.put(name, new ArrayList<>()));

    assertThatThrownBy(() -> bothKeys().verifyMultiValued(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageStartingWith("The request has none of the Box signature headers");
  }

  @Test
  void nullHeaderMapIsRejected() {
    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), null))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage("The header map is null. Pass the request's headers, with names in any case.");
    assertThatThrownBy(() -> bothKeys().verifyMultiValued(videoEventBody(), null))
        .isInstanceOf(SignatureVerificationException.class)
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_HEADER);
    assertThat(bothKeys().isValid(videoEventBody(), null)).isFalse();
    assertThat(bothKeys().isValidMultiValued(videoEventBody(), null)).isFalse();
  }

  @Test
  void unrelatedHeadersAreIgnored() {
    Map<String, String> headers = upperCase();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put("box-signature-tertiary", "x");
    headers.put("box-", "x");
    headers.put("", "x");
    headers.put("USER-AGENT", "Box-WH-Client/0.1");

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }
}
