package io.skillskit.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@code boxSkillsCards} metadata instance as Box returns it: the instance's {@code $} fields and
 * its cards. Made by {@link SkillCards#fromMetadata(String)}.
 *
 * <pre>{@code
 * SkillCardsMetadata stored = SkillCards.fromMetadata(responseBody);
 * long version = stored.version().orElse(0);
 * List<SkillCard> cards = stored.cards();
 * }</pre>
 *
 * <p>Each {@code $} field is optional here: a bare {@code {"cards": [...]}} document has none.
 * Instances are immutable.
 */
public final class SkillCardsMetadata {

  private final String id;
  private final String parent;
  private final String scope;
  private final String template;
  private final String type;
  private final Long typeVersion;
  private final Long version;
  private final Boolean canEdit;
  private final List<SkillCard> cards;

  SkillCardsMetadata(Map<String, JsonNode> fields, List<SkillCard> cards) {
    this.id = text(fields.get("$id"));
    this.parent = text(fields.get("$parent"));
    this.scope = text(fields.get("$scope"));
    this.template = text(fields.get("$template"));
    this.type = text(fields.get("$type"));
    this.typeVersion = number(fields.get("$typeVersion"));
    this.version = number(fields.get("$version"));
    JsonNode edit = fields.get("$canEdit");
    this.canEdit = edit != null && edit.isBoolean() ? edit.booleanValue() : null;
    this.cards = List.copyOf(cards);
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  private static Long number(JsonNode node) {
    return node != null && node.canConvertToExactIntegral() && node.canConvertToLong()
        ? node.longValue()
        : null;
  }

  /**
   * Returns the cards in the order Box stores them.
   *
   * @return an unmodifiable list; empty when the instance has no cards
   */
  public List<SkillCard> cards() {
    return cards;
  }

  /**
   * Returns the instance id, {@code $id}.
   *
   * @return the id, or empty when absent or not a string
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * Returns the item the instance belongs to, {@code $parent}, such as {@code file_1402003004005}.
   *
   * @return the parent, or empty when absent or not a string
   */
  public Optional<String> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * Returns the template scope, {@code $scope}; {@code global} for skill cards.
   *
   * @return the scope, or empty when absent or not a string
   */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /**
   * Returns the template key, {@code $template}; {@code boxSkillsCards} for skill cards.
   *
   * @return the template key, or empty when absent or not a string
   */
  public Optional<String> template() {
    return Optional.ofNullable(template);
  }

  /**
   * Returns Box's internal type name, {@code $type}. Do not rely on its form.
   *
   * @return the type name, or empty when absent or not a string
   */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /**
   * Returns Box's internal template version, {@code $typeVersion}.
   *
   * @return the template version, or empty when absent or not an integer
   */
  public OptionalLong typeVersion() {
    return typeVersion == null ? OptionalLong.empty() : OptionalLong.of(typeVersion);
  }

  /**
   * Returns the instance version, {@code $version}: 0 when created, one more on every change.
   *
   * @return the version, or empty when absent or not an integer
   */
  public OptionalLong version() {
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }

  /**
   * Returns whether the caller may edit the instance, {@code $canEdit}.
   *
   * @return the flag, or empty when absent or not a boolean
   */
  public Optional<Boolean> canEdit() {
    return Optional.ofNullable(canEdit);
  }

  /**
   * Returns the instance id, version and the number of cards.
   *
   * @return text such as {@code SkillCardsMetadata[id=..., version=0, cards=3]}
   */
  @Override
  public String toString() {
    return "SkillCardsMetadata[id=" + id + ", version=" + version + ", cards=" + cards.size() + "]";
  }
}
