package io.skillskit.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Feeds generated and mutated events to the parser. The only outcomes allowed are a parsed
 * request or an {@link InvalidSkillsRequestException} with a message that names a JSON path and
 * contains no token.
 */
class SkillsRequestPropertyTest {

  private static final String READ_TOKEN = "READ-TOKEN-FAKE-1";
  private static final String WRITE_TOKEN = "WRITE-TOKEN-FAKE-1";
  private static final String API_KEY = "testclientid00000000000000000000";
  private static final byte[] BASE = EventFixtures.EVENT_NUMERIC.getBytes(StandardCharsets.UTF_8);

  /** Values put in place of an existing value of the event. */
  private static final List<String> REPLACEMENTS =
      List.of(
          "null", "true", "false", "0", "-1", "1.5", "-0.0", "1e308", "1e400",
          "123456789012345678901234567890", "-9223372036854775809", "\"\"", "\"   \"", "[]",
          "{}", "[[[[[[[[[[]]]]]]]]]]", "\"\\u0000\"", "\"\\ud800\"", "\"🎧 Résumé\"",
          "\"" + "x".repeat(5000) + "\"", "{\"id\": null}", "[{\"scope\": 1}]",
          "\"READ-TOKEN-FAKE-1\"", "NaN", "Infinity", "\"1773592012\"", "\"folder\"");

  @Property(tries = 10_000)
  void truncatedEventsFailCleanly(@ForAll("cutPoints") int length) {
    byte[] body = java.util.Arrays.copyOf(BASE, length);

    assertOnlyAllowedOutcomes(body);
  }

  @Property(tries = 10_000)
  void mutatedBytesFailCleanly(@ForAll("byteMutations") List<int[]> mutations) {
    byte[] body = BASE.clone();
    for (int[] mutation : mutations) {
      body[mutation[0] % body.length] = (byte) mutation[1];
    }

    assertOnlyAllowedOutcomes(body);
  }

  @Property(tries = 10_000)
  void replacedValuesFailCleanly(
      @ForAll("valueStarts") int valueIndex, @ForAll("replacements") String replacement) {
    String event = EventFixtures.EVENT_NUMERIC;
    int colon = nthColon(event, valueIndex);
    int end = endOfValue(event, colon + 1);
    String body = event.substring(0, colon + 1) + " " + replacement + event.substring(end);

    assertOnlyAllowedOutcomes(body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 10_000)
  void generatedObjectsFailCleanly(@ForAll("jsonValues") String json) {
    assertOnlyAllowedOutcomes(json.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 2_000)
  void deepNestingIsRejected(@ForAll("depths") int depth) {
    String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    String body = EventFixtures.EVENT_NUMERIC.replace("\"parameters\": {}", "\"parameters\": " + nested);

    assertOnlyAllowedOutcomes(body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertOnlyAllowedOutcomes(byte[] body) {
    try {
      SkillsRequest request = SkillsRequest.parse(body);
      assertThat(request.id()).isNotBlank();
      // A mutation may move a secret's text into a field that is shown, such as the id.
      String shown =
          request.id() + request.skill().id() + request.skill().name() + request.file().id()
              + request.file().name() + request.file().versionId().orElse("");
      for (String secret : List.of(READ_TOKEN, WRITE_TOKEN, API_KEY)) {
        if (!shown.contains(secret)) {
          assertThat(request.toString()).doesNotContain(secret);
        }
      }
    } catch (InvalidSkillsRequestException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain(READ_TOKEN, WRITE_TOKEN);
      assertThat(e.jsonPath()).startsWith("$");
      assertThat(e.getCause()).isNull();
    }
  }

  private static int nthColon(String text, int n) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ':' && count++ == n) {
        return i;
      }
    }
    return text.lastIndexOf(':');
  }

  /** Finds the end of the JSON value starting at {@code from}, by bracket depth and quotes. */
  private static int endOfValue(String text, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return text.length();
  }

  @Provide
  Arbitrary<Integer> cutPoints() {
    return Arbitraries.integers().between(0, BASE.length);
  }

  @Provide
  Arbitrary<List<int[]>> byteMutations() {
    Arbitrary<int[]> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 255))
            .as((position, value) -> new int[] {position, value});
    return mutation.list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<Integer> valueStarts() {
    return Arbitraries.integers().between(0, 80);
  }

  @Provide
  Arbitrary<String> replacements() {
    return Arbitraries.oneOf(
        Arbitraries.of(REPLACEMENTS),
        Arbitraries.strings().ofMaxLength(40).map(SkillsRequestPropertyTest::quote),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf));
  }

  @Provide
  Arbitrary<String> jsonValues() {
    Arbitrary<String> keys =
        Arbitraries.of("type", "id", "skill", "source", "token", "read", "write",
            "access_token", "expires_in", "name", "size", "restricted_to", "x");
    Arbitrary<String> scalars =
        Arbitraries.oneOf(
            Arbitraries.of("null", "true", "1", "-1", "2.5", "\"skill_invocation\"", "\"file\"",
                "\"READ-TOKEN-FAKE-1\""),
            Arbitraries.strings().ofMaxLength(12).map(SkillsRequestPropertyTest::quote));
    return Arbitraries.recursive(
        () -> scalars,
        inner ->
            Arbitraries.oneOf(
                Combinators.combine(keys, inner)
                    .as((k, v) -> quote(k) + ":" + v)
                    .list()
                    .ofMaxSize(5)
                    .map(fields -> "{" + String.join(",", fields) + "}"),
                inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")),
        0,
        5);
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.integers().between(1, 200);
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
