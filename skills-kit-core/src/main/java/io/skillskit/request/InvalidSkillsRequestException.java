package io.skillskit.request;

import io.skillskit.SkillsKitException;

/**
 * Thrown when a request body is not a skill invocation event the kit can work with: an empty
 * body, text that is not JSON, a JSON value that is not an object, a {@code type} other than
 * {@code skill_invocation}, a missing or wrongly typed required field, or a source that is not a
 * file.
 *
 * <p>The message names the JSON path (for example {@code $.token.write.access_token}) and what
 * was expected. It never contains a token or any other value of a token field. A skill responds
 * to such a request with HTTP 400 and, when it has usable write access, an error card with the code
 * {@code skills_invalid_event_error}.
 */
public class InvalidSkillsRequestException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /** JSON path of the offending value, such as {@code $.source.id}. */
  private final String jsonPath;

  /**
   * Creates an exception for a problem at a JSON path.
   *
   * @param jsonPath where in the body the problem is, for example {@code $.source.id}; {@code $}
   *     for the body as a whole
   * @param message what is wrong and what was expected, with no secret value in it
   */
  public InvalidSkillsRequestException(String jsonPath, String message) {
    super(message);
    this.jsonPath = jsonPath;
  }

  /**
   * Returns the JSON path of the value that made the body invalid.
   *
   * @return a path such as {@code $.token.read.access_token}, or {@code $} for the whole body
   */
  public String jsonPath() {
    return jsonPath;
  }
}
