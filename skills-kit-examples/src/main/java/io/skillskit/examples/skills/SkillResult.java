package io.skillskit.examples.skills;

import io.skillskit.box.Usage;
import io.skillskit.cards.SkillCard;
import java.util.List;
import java.util.Objects;

/**
 * Result of an {@link ExampleSkill}: the cards to write onto the file and the usage to report to
 * Box with them.
 *
 * @param cards the data cards, in the order Box shows them; at least one
 * @param usage how much work the skill did, such as {@code Usage.seconds(5.5)}
 */
public record SkillResult(List<SkillCard> cards, Usage usage) {

  /**
   * Creates a result after copying the card list.
   *
   * @param cards the data cards; at least one, none null
   * @param usage the usage to report
   * @throws IllegalArgumentException if {@code cards} is empty
   * @throws NullPointerException if an argument or a card is null
   */
  public SkillResult {
    Objects.requireNonNull(usage, "usage");
    cards = List.copyOf(cards);
    if (cards.isEmpty()) {
      throw new IllegalArgumentException(
          "cards is empty; a skill that found nothing throws NoInfoFoundException instead");
    }
  }
}
