package io.skillskit.robustness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.request.InvalidSkillsRequestException;
import io.skillskit.request.SkillsRequest;
import org.junit.jupiter.api.Test;

/**
 * Regression tests from generated events: a string with a malformed escape, a backslash-u followed
 * by fewer than four hex digits, was accepted in {@code restricted_to}, because the error of
 * reading the string was taken for an error of the scope list inside it. Wherever such a string is,
 * the body is not valid JSON.
 */
class MalformedEscapeTest {

  private static final String BAD_ESCAPE = "\"\\" + "u12\"";

  @Test
  void inScopeList() {
    assertNotJson(event("\"a.mp3\"", "1", BAD_ESCAPE));
  }

  @Test
  void inSkippedField() {
    assertNotJson(event("\"a.mp3\"", BAD_ESCAPE, "\"[]\""));
  }

  @Test
  void inReadField() {
    assertNotJson(event(BAD_ESCAPE, "1", "\"[]\""));
  }

  private static String event(String fileName, String note, String scopes) {
    return "{\"type\":\"skill_invocation\",\"id\":\"1\",\"skill\":{\"id\":\"2\"},"
        + "\"source\":{\"id\":\"3\",\"name\":"
        + fileName
        + "},\"note\":"
        + note
        + ",\"token\":{\"read\":{\"access_token\":\"r\",\"restricted_to\":"
        + scopes
        + "},\"write\":{\"access_token\":\"w\"}}}";
  }

  private static void assertNotJson(String body) {
    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessageStartingWith("body is not valid JSON at line 1, column");
  }
}
