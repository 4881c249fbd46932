package io.skillskit.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A Box skill card: the JSON object a skill writes onto a file and the Box web app shows in the
 * file's sidebar. The kit models four card types and reads any other card as a {@link RawCard}.
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

  /**
   * Reads one card from its JSON, such as {@link #toJson()} returns. A card of a type the kit does
   * not know, or with fields or values its card types do not hold, is returned as a {@link RawCard}
   * that keeps the JSON as it was.
   *
   * <pre>{@code
   * SkillCard card = SkillCard.parse(json);
   * if (card instanceof TranscriptCard transcript) {
   *   int lines = transcript.entries().size();
   * }
   * }</pre>
   *
   * <p>Reading normalises only the form: the JSON of a typed card comes back compact, in the key
   * order of {@link #toJson()}, with numbers in their shortest form ({@code 12.50} becomes {@code
   * 12.5}). A build, {@code toJson}, {@code parse}, {@code toJson} round trip returns the same
   * text.
   *
   * @param cardJson the JSON of one card object
   * @return a {@link KeywordCard}, {@link TimelineCard}, {@link TranscriptCard}, {@link StatusCard}
   *     or {@link RawCard}
   * @throws InvalidCardJsonException if the text is not JSON or not a JSON object
   * @throws NullPointerException if {@code cardJson} is null
   */
  static SkillCard parse(String cardJson) {
    Objects.requireNonNull(cardJson, "cardJson");
    JsonNode node = CardReader.parseTree(cardJson, "card JSON");
    if (!node.isObject()) {
      throw new InvalidCardJsonException(
          "card JSON is " + node.getNodeType() + "; expected a card object");
    }
    return CardReader.read(node);
  }
}
