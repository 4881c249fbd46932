package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code global/boxSkillsCards} metadata instance of each file, shared by the metadata
 * endpoints and {@code PUT /skill_invocations/{skill_id}} as on Box, and the invocation status
 * history of each file.
 */
final class CardStore {

  private static final class Instance {
    final String id = UUID.randomUUID().toString();
    int version;
    ArrayNode cards;

    Instance(ArrayNode cards) {
      this.cards = cards;
    }
  }

  private final String templateTypeId = "boxSkillsCards-" + UUID.randomUUID();
  private final Map<String, Instance> instances = new HashMap<>();
  private final Map<String, List<InvocationUpdate>> history = new HashMap<>();

  synchronized Optional<ObjectNode> get(String fileId) {
    Instance instance = instances.get(fileId);
    return instance == null ? Optional.empty() : Optional.of(render(fileId, instance));
  }

  /** Creates the instance, throwing a 409 {@code tuple_already_exists} error when it exists. */
  synchronized ObjectNode create(String fileId, ArrayNode cards) {
    if (instances.containsKey(fileId)) {
      throw ApiError.of(409, "tuple_already_exists", "Already exists");
    }
    Instance instance = new Instance(cards.deepCopy());
    instances.put(fileId, instance);
    return render(fileId, instance);
  }

  /**
   * Applies a JSON Patch to the instance and validates the resulting cards. Throws a 404 error when
   * there is no instance and 400 when the patch or the result is invalid.
   */
  synchronized ObjectNode patch(String fileId, JsonNode patch) {
    Instance instance = instances.get(fileId);
    if (instance == null) {
      throw ApiError.instanceNotFound();
    }
    ObjectNode document = Json.object();
    document.set("cards", instance.cards);
    ObjectNode patched;
    try {
      patched = JsonPatch.apply(document, patch);
    } catch (JsonPatch.PatchException e) {
      ObjectNode context = Json.object();
      context
          .putArray("errors")
          .addObject()
          .put("reason", "invalid_parameter")
          .put("name", e.name)
          .put("message", e.getMessage());
      throw ApiError.of(400, "bad_request", "Invalid JSON Patch: " + e.name + " " + e.getMessage())
          .withContext(context);
    }
    List<ApiError.Problem> problems = CardValidator.checkCardsDocument(patched);
    if (!problems.isEmpty()) {
      throw ApiError.schemaValidation(problems);
    }
    instance.cards = (ArrayNode) patched.get("cards");
    instance.version++;
    return render(fileId, instance);
  }

  synchronized boolean delete(String fileId) {
    return instances.remove(fileId) != null;
  }

  /** Replaces all cards of the file and appends the write to the file's history. */
  synchronized void applyInvocation(String fileId, InvocationUpdate update) {
    ArrayNode cards = Json.MAPPER.createArrayNode();
    update.cards().forEach(card -> cards.add(card.deepCopy()));
    replaceCards(fileId, cards);
    history.computeIfAbsent(fileId, id -> new ArrayList<>()).add(update);
  }

  synchronized void replaceCards(String fileId, ArrayNode cards) {
    Instance instance = instances.get(fileId);
    if (instance == null) {
      instances.put(fileId, new Instance(cards));
    } else {
      instance.cards = cards;
      instance.version++;
    }
  }

  synchronized List<JsonNode> cards(String fileId) {
    Instance instance = instances.get(fileId);
    List<JsonNode> cards = new ArrayList<>();
    if (instance != null) {
      instance.cards.forEach(card -> cards.add(card.deepCopy()));
    }
    return List.copyOf(cards);
  }

  synchronized List<InvocationUpdate> history(String fileId) {
    return List.copyOf(history.getOrDefault(fileId, List.of()));
  }

  private ObjectNode render(String fileId, Instance instance) {
    ObjectNode node = Json.object();
    node.put("$canEdit", true);
    node.put("$id", instance.id);
    node.put("$parent", "file_" + fileId);
    node.put("$scope", "global");
    node.put("$template", "boxSkillsCards");
    node.put("$type", templateTypeId);
    node.put("$typeVersion", 2);
    node.put("$version", instance.version);
    node.set("cards", instance.cards.deepCopy());
    return node;
  }
}
