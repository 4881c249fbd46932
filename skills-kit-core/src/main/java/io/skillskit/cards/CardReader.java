package io.skillskit.cards;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.internal.CardJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads card JSON into the kit's card types. A card is read into a typed card only when the typed
 * card would write it back with the same fields and values; anything else becomes a {@link RawCard}
 * with a reason, so reading never loses a field and never fails on a card's content.
 */
final class CardReader {

  private static final Set<String> ENVELOPE_FIELDS =
      Set.of(
          "created_at",
          "type",
          "skill",
          "skill_card_type",
          "skill_card_title",
          "invocation",
          "status");
  private static final Set<String> DATA_FIELDS = Set.of("entries", "duration");
  private static final Set<String> ENTRY_FIELDS = Set.of("text", "type", "image_url", "appears");

  /** Signals that a card cannot be typed; the message is the reason kept on the raw card. */
  private static final class NotTyped extends Exception {
    private static final long serialVersionUID = 1L;

    NotTyped(String reason) {
      super(reason, null, false, false);
    }
  }

  private CardReader() {}

  /** Parses JSON text into a tree, reporting syntax errors without the text itself. */
  static JsonNode parseTree(String json, String label) {
    try {
      return present(CardJson.MAPPER.readTree(json), label);
    } catch (JsonProcessingException e) {
      throw invalid(label, e);
    }
  }

  private static JsonNode present(JsonNode node, String label) {
    if (node == null || node.isMissingNode()) {
      throw new InvalidCardJsonException(label + " is not valid JSON: the text is empty");
    }
    return node;
  }

  /** Parses JSON bytes into a tree, reporting syntax errors without the text itself. */
  static JsonNode parseTree(byte[] json, String label) {
    try {
      return present(CardJson.MAPPER.readTree(json), label);
    } catch (IOException e) {
      throw invalid(label, e);
    }
  }

  private static InvalidCardJsonException invalid(String label, IOException e) {
    String detail = e.getMessage();
    if (e instanceof JacksonException) {
      JacksonException jackson = (JacksonException) e;
      JsonLocation location = jackson.getLocation();
      detail = jackson.getOriginalMessage();
      if (location != null) {
        detail += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      }
    }
    return new InvalidCardJsonException(label + " is not valid JSON: " + detail, e);
  }

  /** Reads one card; the node must be a JSON object. */
  static SkillCard read(JsonNode node) {
    String json = compact(node);
    JsonNode typeNode = node.get("skill_card_type");
    String cardType = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : "";
    try {
      return readTyped(node, cardType);
    } catch (NotTyped e) {
      return new RawCard(json, cardType, e.getMessage());
    } catch (IllegalArgumentException | NoInfoFoundException e) {
      return new RawCard(json, cardType, e.getMessage());
    }
  }

  private static String compact(JsonNode node) {
    try {
      return CardJson.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // a tree the mapper has just read always serialises
      throw new IllegalStateException("could not write a card tree back to JSON", e);
    }
  }

  private static SkillCard readTyped(JsonNode node, String cardType) throws NotTyped {
    switch (cardType) {
      case KeywordCard.CARD_TYPE:
        {
          checkFields(node, true);
          Envelope envelope = envelope(node);
          double duration = duration(node);
          List<CardEntry> entries = entries(node, EntryCollector.Rules.KEYWORD, envelope);
          return new KeywordCard(envelope, entries, duration);
        }
      case TimelineCard.CARD_TYPE:
        {
          checkFields(node, true);
          Envelope envelope = envelope(node);
          double duration = duration(node);
          List<CardEntry> entries = entries(node, EntryCollector.Rules.TIMELINE, envelope);
          return new TimelineCard(envelope, entries, duration);
        }
      case TranscriptCard.CARD_TYPE:
        {
          checkFields(node, true);
          Envelope envelope = envelope(node);
          double duration = duration(node);
          List<CardEntry> entries = entries(node, EntryCollector.Rules.TRANSCRIPT, envelope);
          return new TranscriptCard(envelope, entries, duration);
        }
      case StatusCard.CARD_TYPE:
        {
          checkFields(node, false);
          Envelope envelope = envelope(node);
          JsonNode status = node.get("status");
          if (status == null || !status.isObject()) {
            throw new NotTyped("status card has no status object");
          }
          checkOnly(status, Set.of("code", "message"), "status");
          String code = text(status, "code", "status.code", true);
          String message = text(status, "message", "status.message", false);
          if (message != null && CardText.isBlank(message)) {
            throw new NotTyped("status.message is blank");
          }
          return new StatusCard(envelope, code, message);
        }
      default:
        throw new NotTyped(
            cardType.isEmpty()
                ? "no string skill_card_type"
                : "unknown skill_card_type " + CardText.quote(cardType));
    }
  }

  private static void checkFields(JsonNode node, boolean dataCard) throws NotTyped {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!ENVELOPE_FIELDS.contains(name) && !(dataCard && DATA_FIELDS.contains(name))) {
        throw new NotTyped("field " + CardText.quote(name) + " is not part of a typed card");
      }
    }
    if (dataCard) {
      JsonNode status = node.get("status");
      if (status == null || !status.isObject() || status.size() != 0) {
        throw new NotTyped("data card status is not {}");
      }
    }
  }

  private static void checkOnly(JsonNode node, Set<String> allowed, String path) throws NotTyped {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new NotTyped(
            "field " + CardText.quote(path + "." + name) + " is not part of a typed card");
      }
    }
  }

  private static String text(JsonNode node, String field, String path, boolean required)
      throws NotTyped {
    JsonNode value = node.get(field);
    if (value == null) {
      if (required) {
        throw new NotTyped(path + " is missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new NotTyped(path + " is not a string");
    }
    if (required && CardText.isBlank(value.textValue())) {
      throw new NotTyped(path + " is blank");
    }
    return value.textValue();
  }

  private static Envelope envelope(JsonNode node) throws NotTyped {
    JsonNode type = node.get("type");
    if (type == null || !"skill_card".equals(type.textValue())) {
      throw new NotTyped("type is not 'skill_card'");
    }
    String createdAt = text(node, "created_at", "created_at", false);
    String skillId = typedId(node, "skill", "service");
    String invocationId = typedId(node, "invocation", "skill_invocation");
    JsonNode title = node.get("skill_card_title");
    if (title == null || !title.isObject()) {
      throw new NotTyped("skill_card_title is missing");
    }
    checkOnly(title, Set.of("code", "message"), "skill_card_title");
    String message = text(title, "message", "skill_card_title.message", true);
    String code = text(title, "code", "skill_card_title.code", false);
    if (code != null && CardText.isBlank(code)) {
      throw new NotTyped("skill_card_title.code is blank");
    }
    return new Envelope(createdAt, skillId, invocationId, message, code);
  }

  private static String typedId(JsonNode node, String field, String type) throws NotTyped {
    JsonNode object = node.get(field);
    if (object == null || !object.isObject()) {
      throw new NotTyped(field + " is missing");
    }
    checkOnly(object, Set.of("type", "id"), field);
    if (!type.equals(object.path("type").textValue())) {
      throw new NotTyped(field + ".type is not " + CardText.quote(type));
    }
    JsonNode id = object.get("id");
    if (id == null || !id.isTextual() || CardText.isBlank(id.textValue())) {
      throw new NotTyped(field + ".id is not a non-blank string");
    }
    return id.textValue();
  }

  private static double duration(JsonNode node) throws NotTyped {
    JsonNode duration = node.get("duration");
    if (duration == null) {
      return DataCards.NO_DURATION;
    }
    double seconds = number(duration, "duration");
    EntryCollector.checkDuration(node.path("skill_card_type").asText(), seconds);
    return seconds + 0.0;
  }

  /**
   * Reads a number that the kit writes back unchanged: an integer below 2^53 or a decimal whose
   * shortest double form has the same digits.
   */
  private static double number(JsonNode value, String path) throws NotTyped {
    if (!value.isNumber()) {
      throw new NotTyped(path + " is not a number");
    }
    double seconds = value.doubleValue();
    if (!Double.isFinite(seconds)) {
      throw new NotTyped(path + " is out of range");
    }
    String written = CardJson.secondsText(seconds);
    if (!written.equals(value.asText())
        && value.decimalValue().compareTo(new BigDecimal(written)) != 0) {
      throw new NotTyped(path + " " + value.asText() + " would not be written back unchanged");
    }
    return seconds;
  }

  private static List<CardEntry> entries(
      JsonNode node, EntryCollector.Rules rules, Envelope envelope) throws NotTyped {
    JsonNode entries = node.get("entries");
    if (entries == null || !entries.isArray()) {
      throw new NotTyped("entries is not an array");
    }
    EntryCollector collector = new EntryCollector(rules, null);
    collector.rejectBlankEntries();
    collector.allowTextEntries();
    for (int i = 0; i < entries.size(); i++) {
      collector.add(entry(entries.get(i), i));
    }
    List<CardEntry> checked = collector.finish(envelope.title(), false);
    for (int i = 0; i < checked.size(); i++) {
      if (!checked.get(i).text().equals(entries.get(i).get("text").textValue())) {
        throw new NotTyped("entries[" + i + "].text has spaces around it");
      }
    }
    return checked;
  }

  private static CardEntry entry(JsonNode entry, int index) throws NotTyped {
    String path = "entries[" + index + "]";
    if (!entry.isObject()) {
      throw new NotTyped(path + " is not an object");
    }
    checkOnly(entry, ENTRY_FIELDS, path);
    String text = text(entry, "text", path + ".text", true);
    String imageUrl = text(entry, "image_url", path + ".image_url", false);
    JsonNode type = entry.get("type");
    if (type != null) {
      String expected = imageUrl == null ? "text" : "image";
      if (!expected.equals(type.textValue())) {
        throw new NotTyped(path + ".type is not " + CardText.quote(expected));
      }
    }
    JsonNode appears = entry.get("appears");
    List<TimeRange> ranges = new ArrayList<>();
    if (appears != null) {
      if (!appears.isArray() || appears.size() == 0) {
        throw new NotTyped(path + ".appears is not a non-empty array");
      }
      for (int i = 0; i < appears.size(); i++) {
        ranges.add(range(appears.get(i), path + ".appears[" + i + "]"));
      }
    }
    return imageUrl == null ? CardEntry.of(text, ranges) : CardEntry.image(text, imageUrl, ranges);
  }

  private static TimeRange range(JsonNode range, String path) throws NotTyped {
    if (!range.isObject()) {
      throw new NotTyped(path + " is not an object");
    }
    checkOnly(range, Set.of("start", "end"), path);
    JsonNode start = range.get("start");
    if (start == null) {
      throw new NotTyped(path + ".start is missing");
    }
    double startSeconds = number(start, path + ".start");
    JsonNode end = range.get("end");
    if (end == null) {
      return TimeRange.startingAt(startSeconds);
    }
    return TimeRange.of(startSeconds, number(end, path + ".end"));
  }

  /** Reads the {@code cards} array of a metadata document. */
  static List<SkillCard> readCards(JsonNode cards) {
    List<SkillCard> result = new ArrayList<>(cards.size());
    for (int i = 0; i < cards.size(); i++) {
      JsonNode card = cards.get(i);
      if (!card.isObject()) {
        throw new InvalidCardJsonException(
            "cards[" + i + "] is " + card.getNodeType() + "; expected a card object");
      }
      result.add(read(card));
    }
    return List.copyOf(result);
  }

  /** Returns the top-level fields whose names start with {@code $}. */
  static Map<String, JsonNode> dollarFields(JsonNode document) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    document
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getKey().startsWith("$")) {
                fields.put(field.getKey(), field.getValue());
              }
            });
    return fields;
  }
}
