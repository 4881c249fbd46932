package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.examples.localbox.ApiError.Problem;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks request bodies that carry skill cards against Box's schemas: the body of {@code PUT
 * /skill_invocations/{skill_id}}, the body of a {@code boxSkillsCards} create, and each card.
 *
 * <p>The invocation body must have exactly the known top-level fields. Cards may carry fields the
 * schema does not define (the Node kit adds {@code type} to entries and Box stores it), but every
 * defined field must have the right type and value.
 */
final class CardValidator {

  static final Set<String> INVOCATION_FIELDS =
      Set.of("status", "metadata", "file", "file_version", "usage");
  static final Set<String> INVOCATION_STATUSES =
      Set.of("invoked", "processing", "success", "transient_failure", "permanent_failure");
  static final Set<String> CARD_TYPES = Set.of("keyword", "timeline", "transcript", "status");

  private static final String DIGITS = "[0-9]{1,19}";

  private final List<Problem> problems = new ArrayList<>();

  private CardValidator() {}

  /** Returns the problems of a {@code PUT /skill_invocations/{skill_id}} body, empty if valid. */
  static List<Problem> checkInvocationUpdate(JsonNode body) {
    CardValidator validator = new CardValidator();
    validator.invocationUpdate(body);
    return validator.problems;
  }

  /** Returns the problems of a {@code boxSkillsCards} body ({@code {"cards": [...]}}). */
  static List<Problem> checkCardsDocument(JsonNode body) {
    CardValidator validator = new CardValidator();
    if (!body.isObject()) {
      validator.add("body", "must be a JSON object with a cards array");
      return validator.problems;
    }
    validator.onlyFields(body, "", Set.of("cards"));
    JsonNode cards = body.get("cards");
    if (cards == null) {
      validator.add("cards", "is required");
    } else {
      validator.cards(cards, "cards");
    }
    return validator.problems;
  }

  private void invocationUpdate(JsonNode body) {
    if (!body.isObject()) {
      add("body", "must be a JSON object");
      return;
    }
    onlyFields(body, "", INVOCATION_FIELDS);

    JsonNode status = body.get("status");
    if (status == null) {
      add("status", "is required");
    } else if (!status.isTextual()) {
      add("status", "must be a string, not " + typeOf(status));
    } else if (!INVOCATION_STATUSES.contains(status.asText())) {
      add(
          "status",
          "must be one of "
              + new TreeSet<>(INVOCATION_STATUSES)
              + ", not '"
              + status.asText()
              + "'");
    }

    JsonNode metadata = body.get("metadata");
    if (metadata == null) {
      add("metadata", "is required");
    } else if (!metadata.isObject()) {
      add("metadata", "must be an object, not " + typeOf(metadata));
    } else {
      onlyFields(metadata, "metadata", Set.of("cards"));
      JsonNode cards = metadata.get("cards");
      if (cards == null) {
        add("metadata.cards", "is required");
      } else {
        cards(cards, "metadata.cards");
      }
    }

    JsonNode file = body.get("file");
    if (file == null) {
      add("file", "is required");
    } else {
      reference(file, "file", "file", true);
    }

    JsonNode fileVersion = body.get("file_version");
    if (fileVersion != null && !fileVersion.isNull()) {
      reference(fileVersion, "file_version", "file_version", true);
    }

    JsonNode usage = body.get("usage");
    if (usage != null && !usage.isNull()) {
      if (!usage.isObject()) {
        add("usage", "must be an object or null, not " + typeOf(usage));
      } else {
        onlyFields(usage, "usage", Set.of("unit", "value"));
        nonBlankText(usage, "usage", "unit");
        JsonNode value = usage.get("value");
        if (value == null) {
          add("usage.value", "is required");
        } else if (!value.isNumber() || value.decimalValue().signum() < 0) {
          add("usage.value", "must be a number of 0 or more, not " + value);
        }
      }
    }
  }

  private void cards(JsonNode cards, String path) {
    if (!cards.isArray()) {
      add(path, "must be an array, not " + typeOf(cards));
      return;
    }
    for (int i = 0; i < cards.size(); i++) {
      card(cards.get(i), path + "[" + i + "]");
    }
  }

  private void card(JsonNode card, String path) {
    if (!card.isObject()) {
      add(path, "must be an object, not " + typeOf(card));
      return;
    }
    constant(card, path, "type", "skill_card");

    JsonNode cardType = card.get("skill_card_type");
    String kind = null;
    if (cardType == null) {
      add(path + ".skill_card_type", "is required");
    } else if (!cardType.isTextual() || !CARD_TYPES.contains(cardType.asText())) {
      add(
          path + ".skill_card_type",
          "must be one of " + new TreeSet<>(CARD_TYPES) + ", not " + cardType);
    } else {
      kind = cardType.asText();
    }

    JsonNode skill = card.get("skill");
    if (skill == null) {
      add(path + ".skill", "is required");
    } else {
      reference(skill, path + ".skill", "service", false);
    }
    JsonNode invocation = card.get("invocation");
    if (invocation == null) {
      add(path + ".invocation", "is required");
    } else {
      reference(invocation, path + ".invocation", "skill_invocation", false);
    }

    JsonNode title = card.get("skill_card_title");
    if (title != null) {
      if (!title.isObject()) {
        add(path + ".skill_card_title", "must be an object, not " + typeOf(title));
      } else {
        JsonNode message = title.get("message");
        if (message == null) {
          add(path + ".skill_card_title.message", "is required when skill_card_title is present");
        } else if (!message.isTextual()) {
          add(path + ".skill_card_title.message", "must be a string, not " + typeOf(message));
        }
        optionalText(title, path + ".skill_card_title", "code");
      }
    }

    JsonNode createdAt = card.get("created_at");
    if (createdAt != null) {
      if (!createdAt.isTextual()) {
        add(path + ".created_at", "must be an RFC 3339 date-time string, not " + typeOf(createdAt));
      } else {
        try {
          OffsetDateTime.parse(createdAt.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
          add(
              path + ".created_at",
              "must be an RFC 3339 date-time, not '" + createdAt.asText() + "'");
        }
      }
    }
    nonNegativeNumber(card.get("duration"), path + ".duration");

    JsonNode status = card.get("status");
    if ("status".equals(kind)) {
      if (status == null) {
        add(path + ".status", "is required for a status card");
      } else if (!status.isObject()) {
        add(path + ".status", "must be an object, not " + typeOf(status));
      } else {
        nonBlankText(status, path + ".status", "code");
        optionalText(status, path + ".status", "message");
      }
    } else if (status != null && !status.isObject()) {
      add(path + ".status", "must be an object, not " + typeOf(status));
    }

    JsonNode entries = card.get("entries");
    if (kind != null && !kind.equals("status")) {
      if (entries == null) {
        add(path + ".entries", "is required for a " + kind + " card");
      } else if (!entries.isArray()) {
        add(path + ".entries", "must be an array, not " + typeOf(entries));
      } else {
        for (int i = 0; i < entries.size(); i++) {
          entry(entries.get(i), path + ".entries[" + i + "]", kind);
        }
      }
    } else if (entries != null && !entries.isArray()) {
      add(path + ".entries", "must be an array, not " + typeOf(entries));
    }
  }

  private void entry(JsonNode entry, String path, String kind) {
    if (!entry.isObject()) {
      add(path, "must be an object, not " + typeOf(entry));
      return;
    }
    nonBlankText(entry, path, "text");
    JsonNode type = entry.get("type");
    if (type != null && !(type.isTextual() && Set.of("text", "image").contains(type.asText()))) {
      add(path + ".type", "must be 'text' or 'image', not " + type);
    }
    if (kind.equals("timeline")) {
      nonBlankText(entry, path, "image_url");
    } else {
      optionalText(entry, path, "image_url");
    }
    JsonNode appears = entry.get("appears");
    if (appears == null) {
      return;
    }
    if (!appears.isArray()) {
      add(path + ".appears", "must be an array, not " + typeOf(appears));
      return;
    }
    for (int i = 0; i < appears.size(); i++) {
      appearance(appears.get(i), path + ".appears[" + i + "]", kind.equals("timeline"));
    }
  }

  private void appearance(JsonNode range, String path, boolean endRequired) {
    if (!range.isObject()) {
      add(path, "must be an object with start and end, not " + typeOf(range));
      return;
    }
    JsonNode start = range.get("start");
    JsonNode end = range.get("end");
    if (start == null) {
      add(path + ".start", "is required");
    }
    if (end == null && endRequired) {
      add(path + ".end", "is required for a timeline entry");
    }
    boolean startValid = nonNegativeNumber(start, path + ".start");
    boolean endValid = nonNegativeNumber(end, path + ".end");
    if (startValid
        && endValid
        && start != null
        && end != null
        && start.decimalValue().compareTo(end.decimalValue()) > 0) {
      add(path, "start " + start + " is after end " + end + "; expected start <= end");
    }
  }

  /** Checks an {@code {type, id}} object whose id must be a string (digits for Box items). */
  private void reference(JsonNode node, String path, String type, boolean digitsOnly) {
    if (!node.isObject()) {
      add(path, "must be an object, not " + typeOf(node));
      return;
    }
    if (digitsOnly) {
      onlyFields(node, path, Set.of("type", "id"));
    }
    constant(node, path, "type", type);
    JsonNode id = node.get("id");
    if (id == null) {
      add(path + ".id", "is required");
    } else if (!id.isTextual()) {
      add(path + ".id", "must be a string, not " + typeOf(id) + " " + id);
    } else if (id.asText().isBlank()) {
      add(path + ".id", "must not be blank");
    } else if (digitsOnly && !id.asText().matches(DIGITS)) {
      add(path + ".id", "must be a string of decimal digits, not '" + id.asText() + "'");
    }
  }

  private void constant(JsonNode node, String path, String field, String expected) {
    JsonNode value = node.get(field);
    if (value == null) {
      add(path + "." + field, "is required and must be '" + expected + "'");
    } else if (!value.isTextual() || !value.asText().equals(expected)) {
      add(path + "." + field, "must be '" + expected + "', not " + value);
    }
  }

  private void nonBlankText(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    String name = path.isEmpty() ? field : path + "." + field;
    if (value == null) {
      add(name, "is required");
    } else if (!value.isTextual()) {
      add(name, "must be a string, not " + typeOf(value));
    } else if (value.asText().isBlank()) {
      add(name, "must not be blank");
    }
  }

  private void optionalText(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value != null && !value.isTextual()) {
      add(path + "." + field, "must be a string, not " + typeOf(value));
    }
  }

  /** Adds a problem unless the value is absent or a number of 0 or more, and returns validity. */
  private boolean nonNegativeNumber(JsonNode value, String path) {
    if (value == null) {
      return true;
    }
    if (!value.isNumber()) {
      add(path, "must be a number, not " + typeOf(value));
      return false;
    }
    if (value.decimalValue().signum() < 0) {
      add(path, "must not be negative, not " + value);
      return false;
    }
    return true;
  }

  private void onlyFields(JsonNode node, String path, Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        add(
            path.isEmpty() ? name : path + "." + name,
            "is not a known field; expected only " + new TreeSet<>(known));
      }
    }
  }

  private void add(String name, String message) {
    problems.add(new Problem(name, message));
  }

  private static String typeOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
