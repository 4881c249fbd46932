package io.skillskit.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed skill invocation event: the body Box POSTs to a skill when a file lands in a watched
 * folder.
 *
 * <p>Verify the signature over the raw bytes first, then parse the same bytes:
 *
 * <pre>{@code
 * validator.verify(body, headers);
 * SkillsRequest request = SkillsRequest.parse(body);
 * String fileId = request.file().id();
 * FileType type = request.file().type();
 * AccessToken read = request.readToken();
 * }</pre>
 *
 * <p>Ids arrive as JSON strings or numbers and are kept as strings. Unknown fields are ignored.
 * {@link #toString()} shows ids and the file name but never a token or the skill's API key, and
 * the raw body, which contains both tokens, is not kept.
 *
 * @see SkillsRequestParser for the limits on body size and nesting depth, and the expiry rule
 */
public final class SkillsRequest {

  private static final SkillsRequestParser DEFAULT_PARSER = SkillsRequestParser.builder().build();

  private final String id;
  private final Skill skill;
  private final SourceFile file;
  private final AccessToken readToken;
  private final AccessToken writeToken;
  private final String enterpriseId;
  private final String createdAt;
  private final String trigger;
  private final String eventType;
  private final Instant receivedAt;

  SkillsRequest(
      String id,
      Skill skill,
      SourceFile file,
      AccessToken readToken,
      AccessToken writeToken,
      String enterpriseId,
      String createdAt,
      String trigger,
      String eventType,
      Instant receivedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.skill = Objects.requireNonNull(skill, "skill");
    this.file = Objects.requireNonNull(file, "file");
    this.readToken = Objects.requireNonNull(readToken, "readToken");
    this.writeToken = Objects.requireNonNull(writeToken, "writeToken");
    this.enterpriseId = enterpriseId;
    this.createdAt = createdAt;
    this.trigger = trigger;
    this.eventType = eventType;
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * Parses an event from the raw body bytes, with the default limits and the system clock.
   *
   * @param body the request body exactly as received, in UTF-8
   * @return the parsed event
   * @throws InvalidSkillsRequestException if the body is not a skill invocation event the kit can
   *     work with; the message names the JSON path and the expectation
   * @throws NullPointerException if {@code body} is null
   */
  public static SkillsRequest parse(byte[] body) {
    return DEFAULT_PARSER.parse(body);
  }

  /**
   * Parses an event from a body already decoded to text, with the default limits and the system
   * clock. Prefer {@link #parse(byte[])}: the signature covers the raw bytes.
   *
   * @param body the request body
   * @return the parsed event
   * @throws InvalidSkillsRequestException if the body is not a skill invocation event the kit can
   *     work with; the message names the JSON path and the expectation
   * @throws NullPointerException if {@code body} is null
   */
  public static SkillsRequest parse(String body) {
    return DEFAULT_PARSER.parse(body);
  }

  /**
   * Returns a builder for a parser with other limits or another clock.
   *
   * @return a new parser builder
   */
  public static SkillsRequestParser.Builder parser() {
    return SkillsRequestParser.builder();
  }

  /**
   * Returns the invocation id. Box delivers the same id again when it re-sends an event, so it is
   * the key to de-duplicate on. Cards written for this event carry it as {@code invocation.id}.
   *
   * @return the invocation id, for example {@code "3f1c2a9e-..._2048001001"}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the skill that Box invoked.
   *
   * @return the skill's id, name and API key
   */
  public Skill skill() {
    return skill;
  }

  /**
   * Returns the file the skill was invoked for.
   *
   * @return the file's id, name, size, version and kind
   */
  public SourceFile file() {
    return file;
  }

  /**
   * Returns the token that reads the file and its basic formats.
   *
   * @return the read token
   */
  public AccessToken readToken() {
    return readToken;
  }

  /**
   * Returns the token that writes cards onto the file.
   *
   * @return the write token
   */
  public AccessToken writeToken() {
    return writeToken;
  }

  /**
   * Returns the id of the enterprise the event came from.
   *
   * @return the enterprise id, or empty when the event has none
   */
  public Optional<String> enterpriseId() {
    return Optional.ofNullable(enterpriseId);
  }

  /**
   * Returns when Box created the invocation.
   *
   * @return the creation time with Box's offset, or empty when the event has none or it is not an
   *     RFC 3339 timestamp
   */
  public Optional<OffsetDateTime> createdAt() {
    if (createdAt == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(createdAt));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns what triggered the invocation; Box sends {@code FILE_CONTENT}.
   *
   * @return the trigger, or empty when the event has none
   */
  public Optional<String> trigger() {
    return Optional.ofNullable(trigger);
  }

  /**
   * Returns the type of the Box event behind the invocation, such as {@code ITEM_UPLOAD}.
   *
   * @return the event type, or empty when the event has none
   */
  public Optional<String> eventType() {
    return Optional.ofNullable(eventType);
  }

  /**
   * Returns when the kit parsed the event, by the parser's clock. Relative token lifetimes count
   * from this instant.
   *
   * @return the receipt instant
   */
  public Instant receivedAt() {
    return receivedAt;
  }

  /**
   * Returns a description with ids and the file name, and with every secret masked.
   *
   * @return text such as {@code SkillsRequest[id=..., skill=Skill[...], file=SourceFile[...]]}
   */
  @Override
  public String toString() {
    return "SkillsRequest[id="
        + id
        + ", skill="
        + skill
        + ", file="
        + file
        + ", readToken="
        + readToken
        + ", writeToken="
        + writeToken
        + "]";
  }
}
