package io.skillskit.cards;

/**
 * A Box skill card: the JSON object a skill writes onto a file and the Box web app shows in the
 * file's sidebar. The kit knows four card types and keeps any other card it reads as a {@link
 * RawCard}.
 *
 * <pre>{@code
 * KeywordCard topics = KeywordCard.builder(request).title("Topics")
 *     .addEntry("budget").addEntry("hiring").build();
 * String json = topics.toJson();
 * }</pre>
 *
 * <p>Every card is immutable; {@link #toJson()} returns the same text on every call.
 */
public sealed interface SkillCard
    permits KeywordCard, TimelineCard, TranscriptCard, StatusCard, RawCard {

  /**
   * Returns the card's {@code skill_card_type}: {@code keyword}, {@code timeline}, {@code
   * transcript}, {@code status}, or for a {@link RawCard} whatever the JSON holds.
   *
   * @return the card type; {@code ""} for a raw card without a string {@code skill_card_type}
   */
  String cardType();

  /**
   * Returns the card as Box stores it, in compact JSON: one object with the fields of the card,
   * ready to go into a {@code cards} list.
   *
   * @return the card JSON
   */
  String toJson();
}
