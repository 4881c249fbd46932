package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Applies a JSON Patch (RFC 6902: add, remove, replace, move, copy, test) to the cards of a {@code
 * boxSkillsCards} instance. Every path must start with {@code /cards}; the {@code $} fields Box
 * manages cannot be patched. The patch applies to a copy, so a failed operation leaves the document
 * unchanged.
 */
final class JsonPatch {

  /** A patch that cannot be applied: the offending operation's field and what went wrong. */
  static final class PatchException extends Exception {
    private static final long serialVersionUID = 1L;

    final String name;

    PatchException(String name, String message) {
      super(message, null, false, false);
      this.name = name;
    }
  }

  private static final Set<String> OPERATIONS =
      Set.of("add", "remove", "replace", "move", "copy", "test");

  /** Treats numbers as equal when their values are, as RFC 6902 requires for {@code test}. */
  private static final Comparator<JsonNode> SAME_VALUE =
      (left, right) -> {
        if (left.equals(right)) {
          return 0;
        }
        if (left.isNumber() && right.isNumber()) {
          return left.decimalValue().compareTo(right.decimalValue()) == 0 ? 0 : 1;
        }
        return 1;
      };

  private JsonPatch() {}

  static ObjectNode apply(ObjectNode document, JsonNode patch) throws PatchException {
    if (!patch.isArray()) {
      throw new PatchException("body", "must be a JSON array of operations");
    }
    ObjectNode result = document.deepCopy();
    for (int i = 0; i < patch.size(); i++) {
      applyOne(result, patch.get(i), "[" + i + "]");
    }
    return result;
  }

  private static void applyOne(ObjectNode document, JsonNode operation, String name)
      throws PatchException {
    if (!operation.isObject()) {
      throw new PatchException(name, "must be an object with op and path");
    }
    JsonNode op = operation.get("op");
    if (op == null || !op.isTextual() || !OPERATIONS.contains(op.asText())) {
      throw new PatchException(
          name + ".op", "must be one of add, copy, move, remove, replace, " + "test, not " + op);
    }
    List<String> path = pointer(operation, "path", name);
    switch (op.asText()) {
      case "add" -> add(document, path, value(operation, name), name);
      case "remove" -> remove(document, path, name);
      case "replace" -> replace(document, path, value(operation, name), name);
      case "move" -> {
        List<String> from = pointer(operation, "from", name);
        if (path.size() > from.size() && path.subList(0, from.size()).equals(from)) {
          throw new PatchException(name + ".from", "must not be a parent of path");
        }
        JsonNode moved = existing(document, from, name + ".from");
        remove(document, from, name);
        add(document, path, moved, name);
      }
      case "copy" -> {
        List<String> from = pointer(operation, "from", name);
        add(document, path, existing(document, from, name + ".from").deepCopy(), name);
      }
      case "test" -> {
        JsonNode actual = existing(document, path, name + ".path");
        if (!actual.equals(SAME_VALUE, value(operation, name))) {
          throw new PatchException(
              name, "test failed: the value at " + operation.get("path").asText() + " differs");
        }
      }
      default -> throw new IllegalStateException("unhandled op " + op);
    }
  }

  private static JsonNode value(JsonNode operation, String name) throws PatchException {
    JsonNode value = operation.get("value");
    if (value == null) {
      throw new PatchException(name + ".value", "is required for op " + operation.get("op"));
    }
    return value.deepCopy();
  }

  /** Parses a JSON Pointer (RFC 6901) that must start with {@code /cards}. */
  private static List<String> pointer(JsonNode operation, String field, String name)
      throws PatchException {
    JsonNode value = operation.get(field);
    if (value == null || !value.isTextual()) {
      throw new PatchException(name + "." + field, "is required and must be a string");
    }
    String text = value.asText();
    if (!text.equals("/cards") && !text.startsWith("/cards/")) {
      throw new PatchException(
          name + "." + field,
          "'" + text + "' is not patchable; expected /cards or a path below it");
    }
    List<String> tokens = new ArrayList<>();
    for (String token : text.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static JsonNode find(JsonNode document, List<String> path) {
    JsonNode current = document;
    for (String token : path) {
      if (current.isObject()) {
        current = current.get(token);
      } else if (current.isArray()) {
        int index = index(token);
        current = index >= 0 && index < current.size() ? current.get(index) : null;
      } else {
        current = null;
      }
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private static JsonNode existing(JsonNode document, List<String> path, String name)
      throws PatchException {
    JsonNode found = find(document, path);
    if (found == null) {
      throw new PatchException(name, "'/" + String.join("/", path) + "' does not exist");
    }
    return found;
  }

  private static JsonNode parent(JsonNode document, List<String> path, String name)
      throws PatchException {
    JsonNode parent = find(document, path.subList(0, path.size() - 1));
    if (parent == null || !parent.isContainerNode()) {
      throw new PatchException(
          name + ".path", "the parent of '/" + String.join("/", path) + "' does not exist");
    }
    return parent;
  }

  private static void add(JsonNode document, List<String> path, JsonNode value, String name)
      throws PatchException {
    JsonNode parent = parent(document, path, name);
    String last = path.get(path.size() - 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, value);
      return;
    }
    ArrayNode array = (ArrayNode) parent;
    if (last.equals("-")) {
      array.add(value);
      return;
    }
    int index = index(last);
    if (index < 0 || index > array.size()) {
      throw new PatchException(
          name + ".path",
          "index " + last + " is out of range; the array has " + array.size() + " elements");
    }
    array.insert(index, value);
  }

  private static void remove(JsonNode document, List<String> path, String name)
      throws PatchException {
    existing(document, path, name + ".path");
    JsonNode parent = parent(document, path, name);
    String last = path.get(path.size() - 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ArrayNode) parent).remove(index(last));
    }
  }

  private static void replace(JsonNode document, List<String> path, JsonNode value, String name)
      throws PatchException {
    existing(document, path, name + ".path");
    JsonNode parent = parent(document, path, name);
    String last = path.get(path.size() - 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, value);
    } else {
      ((ArrayNode) parent).set(index(last), value);
    }
  }

  /** Returns the array index a token names, or -1 when it is not a valid index. */
  private static int index(String token) {
    if (!token.matches("0|[1-9][0-9]{0,8}")) {
      return -1;
    }
    return Integer.parseInt(token);
  }
}
