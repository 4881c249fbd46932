package io.skillskit.cards;

import io.skillskit.SkillsKitException;

/**
 * Thrown when text given to the card reader is not JSON, or not the shape of a card or a card
 * document at all. A card whose content the kit does not model is not an error: it is read as a
 * {@link RawCard}.
 */
public class InvalidCardJsonException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, where, and what was expected
   */
  public InvalidCardJsonException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the parser's failure.
   *
   * @param message what is wrong, where, and what was expected
   * @param cause the parser's failure
   */
  public InvalidCardJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
