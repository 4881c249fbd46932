package io.skillskit.cards;

import io.skillskit.SkillsKitException;

/**
 * Thrown by a data card builder when no entry is left to show: none was added, or every entry had a
 * blank text and was dropped. An empty data card would show the user nothing, so the skill should
 * write an error card with {@link SkillsError#NO_INFO_FOUND} instead.
 *
 * <pre>{@code
 * try {
 *   cards.add(KeywordCard.builder(request).addAllEntries(topics).build());
 * } catch (NoInfoFoundException e) {
 *   StatusCard errorCard = StatusCard.error(request, e.error());
 * }
 * }</pre>
 */
public class NoInfoFoundException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which card had no entries and why
   */
  public NoInfoFoundException(String message) {
    super(message);
  }

  /**
   * Returns the error to report on the error card.
   *
   * @return always {@link SkillsError#NO_INFO_FOUND}
   */
  public SkillsError error() {
    return SkillsError.NO_INFO_FOUND;
  }
}
