package io.skillskit.box;

import io.skillskit.SkillsKitException;
import io.skillskit.cards.SkillsError;
import java.util.Objects;

/**
 * Thrown when a skill will not process a file, for example because of its format or size. The
 * {@link #skillsError()} is the code to put on the error card, and the failure is permanent: the
 * same file will be rejected again.
 *
 * <pre>{@code
 * try {
 *   reader.requireFormat("mp3", "wav");
 *   reader.requireMaxSize(50L << 20);
 * } catch (FileRejectedException e) {
 *   writer.saveErrorCard(e.skillsError());
 *   return;
 * }
 * }</pre>
 */
public class FileRejectedException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /** Error code for the error card. */
  private final SkillsError skillsError;

  /**
   * Creates an exception for a file the skill does not process.
   *
   * @param skillsError the code for the error card, such as {@link SkillsError#INVALID_FILE_FORMAT}
   * @param message why the file was rejected and what the skill accepts
   * @throws NullPointerException if {@code skillsError} is null
   */
  public FileRejectedException(SkillsError skillsError, String message) {
    super(message);
    this.skillsError = Objects.requireNonNull(skillsError, "skillsError");
  }

  /**
   * Returns the error code to show on the file's error card.
   *
   * @return the error, for example {@link SkillsError#INVALID_FILE_SIZE}
   */
  public SkillsError skillsError() {
    return skillsError;
  }

  /**
   * Returns {@link FailureType#PERMANENT}: the same file would be rejected again.
   *
   * @return the kind of failure
   */
  public FailureType failureType() {
    return FailureType.PERMANENT;
  }
}
