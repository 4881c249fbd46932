package io.skillskit.robustness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.request.InvalidSkillsRequestException;
import io.skillskit.request.SkillsRequest;
import org.junit.jupiter.api.Test;

/**
 * Regression tests from generated events. Each body breaks a read limit of the JSON parser other
 * than nesting depth, and its rejection message used to name nesting depth instead.
 */
class ParserLimitsTest {

  private static final String EVENT_START =
      "{\"type\":\"skill_invocation\",\"id\":\"1\",\"skill\":{\"id\":\"2\"},"
          + "\"source\":{\"id\":\"3\",\"name\":\"a.mp3\"},"
          + "\"token\":{\"read\":{\"access_token\":\"r\"},\"write\":{\"access_token\":\"w\"}}";

  @Test
  void longIntegerInIgnoredField() {
    String body = EVENT_START + ",\"sequence_id\":" + "9".repeat(1001) + "}";

    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage(
            "body has a number longer than 1000 characters; expected ids, sizes and times of at"
                + " most 19 digits");
  }

  @Test
  void longFractionInIgnoredField() {
    String body = EVENT_START + ",\"score\":1." + "0".repeat(1001) + "}";

    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessageStartingWith("body has a number longer than 1000 characters");
  }

  @Test
  void longIntegerAsFileId() {
    String body = EVENT_START.replace("\"id\":\"3\"", "\"id\":" + "9".repeat(1001)) + "}";

    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessageStartingWith("body has a number longer than 1000 characters");
  }

  @Test
  void longFieldName() {
    String body = EVENT_START + ",\"" + "n".repeat(50_001) + "\":1}";

    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage(
            "body has a field name longer than 50000 characters; expected the short names of a"
                + " skill event");
  }

  @Test
  void deepNestingKeepsItsMessage() {
    String body = EVENT_START + ",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}";

    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage("body nests deeper than 32 levels; a skill event nests about five");
  }
}
