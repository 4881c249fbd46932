package io.skillskit.cards;

import java.util.Objects;

/**
 * A card read from JSON that the kit does not model: a {@code skill_card_type} it does not know, or
 * a known type with fields it does not hold or values it would not write. The card's JSON is kept,
 * with every field and number as it was, so that it can be written back unchanged.
 *
 * <pre>{@code
 * SkillCard card = SkillCard.parse(json);
 * if (card instanceof RawCard raw) {
 *   log.info("kept a {} card as it is: {}", raw.cardType(), raw.reason());
 * }
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class RawCard implements SkillCard {

  private final String json;
  private final String cardType;
  private final String reason;

  RawCard(String json, String cardType, String reason) {
    this.json = Objects.requireNonNull(json, "json");
    this.cardType = Objects.requireNonNull(cardType, "cardType");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns the {@code skill_card_type} of the JSON.
   *
   * @return the card type, or {@code ""} when the JSON has no string {@code skill_card_type}
   */
  @Override
  public String cardType() {
    return cardType;
  }

  /**
   * Returns why the card was not read into one of the kit's card types.
   *
   * @return a reason such as {@code unknown skill_card_type 'faces'}
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns the card JSON in compact form, with every field and number as read.
   *
   * @return the card JSON
   */
  @Override
  public String toJson() {
    return json;
  }

  /**
   * Compares the card JSON.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a raw card with the same JSON
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof RawCard && json.equals(((RawCard) other).json);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /**
   * Returns the card type and the reason, without the JSON.
   *
   * @return text such as {@code RawCard[cardType=faces, reason=unknown skill_card_type 'faces']}
   */
  @Override
  public String toString() {
    return "RawCard[cardType=" + cardType + ", reason=" + reason + "]";
  }
}
