package io.skillskit.cards;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.internal.CardJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whole card documents: the {@code {"cards": [...]}} body of Box's {@code boxSkillsCards} metadata
 * calls, and the metadata instance Box returns for them.
 *
 * <pre>{@code
 * String body = SkillCards.toCardsDocument(List.of(topics, transcript));
 * SkillCardsMetadata stored = SkillCards.fromMetadata(responseBody);
 * List<SkillCard> cards = stored.cards();
 * }</pre>
 */
public final class SkillCards {

  private SkillCards() {}

  /**
   * Writes cards as the body of a {@code POST .../metadata/global/boxSkillsCards} call, {@code
   * {"cards": [...]}}, with each card exactly as {@link SkillCard#toJson()} returns it.
   *
   * @param cards the cards, in the order the web app shows them; may be empty
   * @return the compact JSON document
   * @throws NullPointerException if {@code cards} or one of its elements is null
   */
  public static String toCardsDocument(List<? extends SkillCard> cards) {
    Objects.requireNonNull(cards, "cards");
    String[] jsons = new String[cards.size()];
    int size = 16;
    for (int i = 0; i < jsons.length; i++) {
      SkillCard card = cards.get(i);
      if (card == null) {
        throw new NullPointerException("cards[" + i + "] is null");
      }
      jsons[i] = card.toJson();
      size += jsons[i].length() + 1;
    }
    return CardJson.write(
        size,
        generator -> {
          generator.writeStartObject();
          generator.writeArrayFieldStart("cards");
          for (String json : jsons) {
            generator.writeRawValue(json);
          }
          generator.writeEndArray();
          generator.writeEndObject();
        });
  }

  /**
   * Reads the response of {@code GET .../metadata/global/boxSkillsCards}: the {@code $} fields of
   * the metadata instance and its cards. Also reads a bare {@code {"cards": [...]}} document. Cards
   * the kit does not model come back as {@link RawCard}s.
   *
   * @param json the response body
   * @return the instance with its cards
   * @throws InvalidCardJsonException if the text is not JSON, not an object, or its {@code cards}
   *     is not an array of objects
   * @throws NullPointerException if {@code json} is null
   */
  public static SkillCardsMetadata fromMetadata(String json) {
    Objects.requireNonNull(json, "json");
    return fromTree(CardReader.parseTree(json, "metadata JSON"));
  }

  /**
   * Reads the response of {@code GET .../metadata/global/boxSkillsCards} from its raw bytes in
   * UTF-8; see {@link #fromMetadata(String)}.
   *
   * @param json the response body
   * @return the instance with its cards
   * @throws InvalidCardJsonException if the bytes are not JSON, not an object, or its {@code cards}
   *     is not an array of objects
   * @throws NullPointerException if {@code json} is null
   */
  public static SkillCardsMetadata fromMetadata(byte[] json) {
    Objects.requireNonNull(json, "json");
    return fromTree(CardReader.parseTree(json, "metadata JSON"));
  }

  private static SkillCardsMetadata fromTree(JsonNode document) {
    if (!document.isObject()) {
      throw new InvalidCardJsonException(
          "metadata JSON is " + document.getNodeType() + "; expected an object with \"cards\"");
    }
    JsonNode cards = document.get("cards");
    List<SkillCard> read;
    if (cards == null || cards.isNull()) {
      read = List.of();
    } else if (cards.isArray()) {
      read = CardReader.readCards(cards);
    } else {
      throw new InvalidCardJsonException(
          "metadata JSON field \"cards\" is " + cards.getNodeType() + "; expected an array");
    }
    Map<String, JsonNode> fields = CardReader.dollarFields(document);
    return new SkillCardsMetadata(fields, read);
  }
}
