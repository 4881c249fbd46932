package io.skillskit.cards;

import io.skillskit.SkillsKitException;

/**
 * Thrown when image bytes cannot be made into a thumbnail: they are empty, not a PNG, JPEG, GIF or
 * BMP image, or damaged. The message names the problem and, inside a card builder, the entry.
 */
public class ThumbnailException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be read and what was expected
   */
  public ThumbnailException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param message what could not be read and what was expected
   * @param cause the decoder's failure
   */
  public ThumbnailException(String message, Throwable cause) {
    super(message, cause);
  }
}
