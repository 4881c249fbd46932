package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.skillskit.examples.localbox.TokenRegistry.Kind;
import io.skillskit.examples.localbox.TokenRegistry.Token;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Invocation status writes and the {@code boxSkillsCards} metadata endpoints. */
final class CardRoutes {

  private static final Logger log = LoggerFactory.getLogger(LocalBox.class);

  private final LocalBox box;

  CardRoutes(LocalBox box) {
    this.box = box;
  }

  /** {@code PUT /2.0/skill_invocations/{skill_id}}: 200 with an empty body once stored. */
  Reply invocation(RecordedRequest request, String skillId) {
    Token token = Guard.authenticate(box, request);
    if (token.kind() != Kind.WRITE) {
      throw ApiError.insufficientScope();
    }
    if (!skillId.equals(box.skill().id())) {
      throw ApiError.notFound("skill_id", skillId);
    }
    Guard.mediaType(request, "application/json");
    JsonNode body = Json.parseBody(request.bodyBytes());
    List<ApiError.Problem> problems = CardValidator.checkInvocationUpdate(body);
    if (!problems.isEmpty()) {
      throw ApiError.schemaValidation(problems);
    }

    String fileId = body.get("file").get("id").asText();
    Guard.file(box, fileId);
    Guard.scope(token, fileId, Kind.WRITE);
    JsonNode fileVersion = body.path("file_version");
    if (fileVersion.isObject()) {
      Guard.version(box, fileId, fileVersion.get("id").asText());
    }

    List<JsonNode> cards = new ArrayList<>();
    body.get("metadata").get("cards").forEach(cards::add);
    JsonNode usage = body.has("usage") ? body.get("usage") : MissingNode.getInstance();
    String status = body.get("status").asText();
    InvocationUpdate update =
        new InvocationUpdate(
            skillId,
            status,
            cards,
            usage,
            fileVersion,
            box.clock().instant(),
            request.boxRequestId());
    box.cards().applyInvocation(fileId, update);
    log.debug(
        "LocalBox stored {} cards for file {} with invocation status {}",
        cards.size(),
        fileId,
        status);
    return Reply.empty(200);
  }

  /** {@code GET|POST|PUT|DELETE /2.0/files/{id}/metadata/global/boxSkillsCards}. */
  Reply metadata(RecordedRequest request, String fileId) {
    String method = request.method();
    if (!Method.GET.matches(method)
        && !Method.POST.matches(method)
        && !Method.PUT.matches(method)
        && !Method.DELETE.matches(method)) {
      throw ApiError.methodNotAllowed("GET, POST, PUT, DELETE");
    }
    Token token = Guard.authenticate(box, request);
    Guard.file(box, fileId);
    if (Method.GET.matches(method)) {
      Guard.scope(token, fileId, Kind.READ, Kind.WRITE);
      return Reply.json(200, box.cards().get(fileId).orElseThrow(ApiError::instanceNotFound));
    }
    Guard.scope(token, fileId, Kind.WRITE);
    if (Method.DELETE.matches(method)) {
      if (!box.cards().delete(fileId)) {
        throw ApiError.instanceNotFound();
      }
      return Reply.empty(204);
    }
    if (Method.POST.matches(method)) {
      Guard.mediaType(request, "application/json");
      JsonNode body = Json.parseBody(request.bodyBytes());
      List<ApiError.Problem> problems = CardValidator.checkCardsDocument(body);
      if (!problems.isEmpty()) {
        throw ApiError.schemaValidation(problems);
      }
      return Reply.json(201, box.cards().create(fileId, (ArrayNode) body.get("cards")));
    }
    Guard.mediaType(request, "application/json-patch+json");
    JsonNode patch = Json.parseBody(request.bodyBytes());
    return Reply.json(200, box.cards().patch(fileId, patch));
  }
}
