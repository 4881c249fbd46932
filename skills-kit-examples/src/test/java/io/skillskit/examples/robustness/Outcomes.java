package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillskit.request.InvalidSkillsRequestException;
import io.skillskit.request.SkillsRequest;
import io.skillskit.request.SkillsRequestParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parses generated bodies and checks the only two outcomes allowed: a request, or an {@link
 * InvalidSkillsRequestException} whose message is clear and contains no secret.
 */
final class Outcomes {

  static final SkillsRequestParser PARSER = SkillsRequest.parser().clock(Events.CLOCK).build();

  private static final List<String> SECRETS =
      List.of(Events.READ_TOKEN, Events.WRITE_TOKEN, Events.API_KEY);

  /** A clear message is one or two sentences, not a dump of the input. */
  private static final int MAX_MESSAGE_LENGTH = 300;

  private Outcomes() {}

  /** The result of one parse: exactly one of the two fields is set. */
  record Parsed(SkillsRequest request, InvalidSkillsRequestException rejection) {

    boolean accepted() {
      return request != null;
    }

    String path() {
      return rejection == null ? null : rejection.jsonPath();
    }
  }

  static Parsed parse(JsonText event) {
    return parse(event.write().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses a body. Any exception other than {@link InvalidSkillsRequestException} propagates and
   * fails the property.
   */
  static Parsed parse(byte[] body) {
    Tally.add(Tally.CASES, 1);
    try {
      SkillsRequest request = PARSER.parse(body);
      assertUsable(request);
      return new Parsed(request, null);
    } catch (InvalidSkillsRequestException e) {
      assertClear(e);
      return new Parsed(null, e);
    }
  }

  /** Reads every accessor once, so that a lazily computed one cannot hide an exception. */
  private static void assertUsable(SkillsRequest request) {
    assertThat(request.id()).isNotBlank();
    assertThat(request.skill().id()).isNotBlank();
    assertThat(request.file().id()).isNotBlank();
    assertThat(request.file().extension()).isNotNull();
    assertThat(request.file().type()).isNotNull();
    assertThat(request.createdAt()).isNotNull();
    assertThat(request.readToken().expiresAt()).isNotNull();
    assertThat(request.readToken().scopes()).isNotNull();
    String shown = request.toString();
    assertThat(shown).contains("readToken=AccessToken[value=***");
    assertThat(shown).contains("writeToken=AccessToken[value=***");
    // A generated event may carry a secret's text in a field that is shown, such as the id.
    String shownFields =
        String.join(
            "\n",
            request.id(),
            request.skill().id(),
            request.skill().name(),
            request.file().id(),
            request.file().name(),
            request.file().versionId().orElse(""));
    for (String secret : SECRETS) {
      if (!shownFields.contains(secret)) {
        assertThat(shown).doesNotContain(secret);
      }
    }
  }

  static void assertClear(InvalidSkillsRequestException e) {
    String message = e.getMessage();
    String path = e.jsonPath();
    assertThat(message).isNotBlank();
    assertThat(message).hasSizeLessThanOrEqualTo(MAX_MESSAGE_LENGTH);
    assertThat(message.chars().noneMatch(Character::isISOControl))
        .as("message has no control characters: %s", message)
        .isTrue();
    assertThat(path).startsWith("$");
    assertThat(message).containsAnyOf(path.equals("$") ? "body" : parentOf(path), "$.");
    for (String secret : SECRETS) {
      assertThat(message).doesNotContain(secret);
    }
    assertThat(e.getCause()).isNull();
  }

  private static String parentOf(String path) {
    int dot = path.lastIndexOf('.');
    return dot <= 1 ? path : path.substring(0, dot);
  }
}
