package io.skillskit.box;

import io.skillskit.SkillsKitException;
import io.skillskit.cards.SkillsError;
import java.util.Optional;

/**
 * Thrown when Box cannot provide a basic format of the file: an mp3, mp4, jpg or the extracted
 * text. Either generation failed, Box does not offer that format for the file, or the format was
 * not ready before the deadline the skill set.
 *
 * <p>The error code for the card is always {@link SkillsError#FILE_PROCESSING_ERROR}. A deadline
 * that passed is {@link FailureType#TRANSIENT}, because a later invocation may find the format
 * ready; every other cause is {@link FailureType#PERMANENT}.
 *
 * <pre>{@code
 * try (InputStream mp3 = reader.openBasicFormat(Duration.ofMinutes(2))) {
 *   // ...
 * } catch (BasicFormatException e) {
 *   writer.saveErrorCard(e.skillsError(), e.failureType());
 * }
 * }</pre>
 */
public class BasicFormatException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /** Name of the representation requested, such as {@code mp3}. */
  private final String representation;

  /** Last generation state Box reported, or {@code null}. */
  private final String lastState;

  /** Whether a later invocation may succeed. */
  private final FailureType failureType;

  BasicFormatException(
      String message, String representation, String lastState, FailureType failureType) {
    super(message);
    this.representation = representation;
    this.lastState = lastState;
    this.failureType = failureType;
  }

  /**
   * Returns the error code to show on the file's error card.
   *
   * @return {@link SkillsError#FILE_PROCESSING_ERROR}
   */
  public SkillsError skillsError() {
    return SkillsError.FILE_PROCESSING_ERROR;
  }

  /**
   * Tells whether a later invocation may succeed.
   *
   * @return {@link FailureType#TRANSIENT} when the deadline passed, otherwise {@link
   *     FailureType#PERMANENT}
   */
  public FailureType failureType() {
    return failureType;
  }

  /**
   * Returns the name of the representation the kit requested.
   *
   * @return for example {@code "mp3"} or {@code "extracted_text"}
   */
  public String representation() {
    return representation;
  }

  /**
   * Returns the last generation state Box reported, such as {@code pending} or {@code error}.
   *
   * @return the state, or empty when Box reported none
   */
  public Optional<String> lastState() {
    return Optional.ofNullable(lastState);
  }
}
