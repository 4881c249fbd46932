package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One accepted {@code PUT /2.0/skill_invocations/{skill_id}}, as LocalBox stored it. The history of
 * a file lists them in the order LocalBox applied them, which lets a test check, for example, that
 * no {@code processing} write landed after {@code success}.
 *
 * @param skillId the skill id from the request path
 * @param status the invocation status, such as {@code processing} or {@code success}
 * @param cards the cards of {@code metadata.cards}, in order
 * @param usage the {@code usage} value: an object, a JSON null, or a missing node when the field
 *     was absent
 * @param fileVersion the {@code file_version} object, or a missing node when the field was absent
 * @param appliedAt when LocalBox applied the write, on its clock
 * @param boxRequestId the {@code box-request-id} of LocalBox's response
 */
public record InvocationUpdate(
    String skillId,
    String status,
    List<JsonNode> cards,
    JsonNode usage,
    JsonNode fileVersion,
    Instant appliedAt,
    String boxRequestId) {

  /**
   * Checks the components and copies the card list.
   *
   * @param skillId the skill id from the request path
   * @param status the invocation status, such as {@code processing} or {@code success}
   * @param cards the cards of {@code metadata.cards}, in order
   * @param usage the {@code usage} value: an object, a JSON null, or a missing node when the field
   *     was absent
   * @param fileVersion the {@code file_version} object, or a missing node when the field was absent
   * @param appliedAt when LocalBox applied the write, on its clock
   * @param boxRequestId the {@code box-request-id} of LocalBox's response
   * @throws NullPointerException when a component is null
   */
  public InvocationUpdate {
    Objects.requireNonNull(skillId, "skillId");
    Objects.requireNonNull(status, "status");
    cards = cards.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    usage = Objects.requireNonNull(usage, "usage").deepCopy();
    fileVersion = Objects.requireNonNull(fileVersion, "fileVersion").deepCopy();
    Objects.requireNonNull(appliedAt, "appliedAt");
    Objects.requireNonNull(boxRequestId, "boxRequestId");
  }
}
