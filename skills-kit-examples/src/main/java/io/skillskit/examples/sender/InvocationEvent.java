package io.skillskit.examples.sender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillskit.examples.localbox.InvocationGrant;
import io.skillskit.examples.localbox.LocalFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The body of one skill invocation event, built the way Box builds it, as the exact bytes that are
 * signed and sent. Re-deliveries send the same bytes.
 *
 * <p>The event has the shape of real events: string ids, {@code restricted_to} as a JSON string
 * holding a JSON array, {@code expires_in} as an absolute epoch second, status {@code invoked},
 * trigger {@code FILE_CONTENT}, an {@code ITEM_UPLOAD} event and empty {@code parameters}. Its id
 * is {@code <event uuid>_<digits>}. By default the JSON is written as Box's serialiser writes it:
 * compact, with {@code /} escaped as {@code \/} and every character from U+007F up as a lower-case
 * {@code \}{@code uXXXX} escape.
 *
 * <pre>{@code
 * InvocationEvent event = InvocationEvent.builder(box.invocationFor(file.id()))
 *     .clock(clock)
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} shows the ids and size only: the body contains both tokens.
 */
public final class InvocationEvent {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String invocationId;
  private final byte[] body;

  private InvocationEvent(String invocationId, byte[] body) {
    this.invocationId = invocationId;
    this.body = body;
  }

  /**
   * Starts an event for the file and tokens of a grant.
   *
   * @param grant the skill, file and tokens, usually from {@code LocalBox.invocationFor}
   * @return a builder with Box's defaults
   */
  public static Builder builder(InvocationGrant grant) {
    return new Builder(Objects.requireNonNull(grant, "grant"));
  }

  /**
   * Wraps arbitrary body bytes, for sending events that Box would never send, such as fixtures or
   * malformed JSON. The invocation id is read from a top-level {@code id} string when there is one.
   *
   * @param body the exact bytes to sign and send; the array is copied
   * @return the event
   */
  public static InvocationEvent ofBody(byte[] body) {
    Objects.requireNonNull(body, "body");
    String id = "";
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node != null && node.path("id").isTextual()) {
        id = node.get("id").asText();
      }
    } catch (IOException e) {
      // Not JSON: the id stays empty, which is what a test of malformed bodies expects.
    }
    return new InvocationEvent(id, body.clone());
  }

  /**
   * Returns the invocation id, the top-level {@code id} of the event.
   *
   * @return the id, or "" for a body without one
   */
  public String invocationId() {
    return invocationId;
  }

  /**
   * Returns a copy of the body bytes.
   *
   * @return the exact bytes that are signed and sent
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns the body decoded as UTF-8. It contains both tokens, so never log it.
   *
   * @return the body text
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Returns the invocation id and body size, but never the body. */
  @Override
  public String toString() {
    return "InvocationEvent[id=" + invocationId + ", bytes=" + body.length + "]";
  }

  /** Settings of one event. Every one but the grant has a default. */
  public static final class Builder {
    private final InvocationGrant grant;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("America/Los_Angeles");
    private UUID eventId;
    private Long invocationNumber;
    private String uploaderId = "3000100001";
    private String uploaderName = "LocalBox Uploader";
    private String uploaderLogin = "uploader@example.com";
    private String eventType = "ITEM_UPLOAD";
    private String skillRuleId = "1000001";
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private boolean boxStyleEscaping = true;
    private boolean numericIds;
    private boolean expiresInAsTtl;

    private Builder(InvocationGrant grant) {
      this.grant = grant;
    }

    /**
     * Sets the clock for {@code created_at}.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the zone whose offset timestamps are written with.
     *
     * @param zone the zone; default {@code America/Los_Angeles}, as Box writes them
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the event id, the part of the invocation id before {@code _}.
     *
     * @param id the event id; default a random UUID
     * @return this builder
     */
    public Builder eventId(UUID id) {
      this.eventId = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets the number after {@code _} in the invocation id.
     *
     * @param number 0 or more; default a random ten-digit number
     * @return this builder
     * @throws IllegalArgumentException when the number is negative
     */
    public Builder invocationNumber(long number) {
      if (number < 0) {
        throw new IllegalArgumentException(
            "invocationNumber is " + number + "; expected 0 or more");
      }
      this.invocationNumber = number;
      return this;
    }

    /**
     * Sets the user who uploaded the file, shown in {@code event.created_by}.
     *
     * @param id the user id, decimal digits
     * @param name the user's name
     * @param login the user's login e-mail
     * @return this builder
     */
    public Builder uploader(String id, String name, String login) {
      this.uploaderId = Objects.requireNonNull(id, "id");
      this.uploaderName = Objects.requireNonNull(name, "name");
      this.uploaderLogin = Objects.requireNonNull(login, "login");
      return this;
    }

    /**
     * Sets {@code event.event_type}.
     *
     * @param type such as {@code ITEM_UPLOAD}, {@code ITEM_COPY} or {@code ITEM_MOVE}; default
     *     {@code ITEM_UPLOAD}
     * @return this builder
     */
    public Builder eventType(String type) {
      this.eventType = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets the id of the skill rule in {@code skill_rules}.
     *
     * @param id the rule id; default {@code 1000001}
     * @return this builder
     */
    public Builder skillRuleId(String id) {
      this.skillRuleId = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Adds an entry to {@code parameters}, which real events send empty.
     *
     * @param name the parameter name
     * @param value the parameter value
     * @return this builder
     */
    public Builder parameter(String name, String value) {
      parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Chooses whether to escape {@code /} and non-ASCII characters as Box's serialiser does.
     *
     * @param enabled true to escape (the default), false for plain UTF-8 JSON
     * @return this builder
     */
    public Builder boxStyleEscaping(boolean enabled) {
      this.boxStyleEscaping = enabled;
      return this;
    }

    /**
     * Chooses whether to write ids as JSON numbers, as some older events and the Node kit's tests
     * do, instead of strings.
     *
     * @param enabled true for numbers; default false
     * @return this builder
     */
    public Builder numericIds(boolean enabled) {
      this.numericIds = enabled;
      return this;
    }

    /**
     * Chooses whether {@code expires_in} is the seconds left (as Box's schema documents it) instead
     * of the absolute epoch second real events carry.
     *
     * @param enabled true for seconds left; default false
     * @return this builder
     */
    public Builder expiresInAsTtl(boolean enabled) {
      this.expiresInAsTtl = enabled;
      return this;
    }

    /**
     * Builds the event body.
     *
     * @return the event
     */
    public InvocationEvent build() {
      UUID event = eventId != null ? eventId : UUID.randomUUID();
      long number =
          invocationNumber != null
              ? invocationNumber
              : ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
      String invocationId = event + "_" + number;
      Instant now = clock.instant();
      String createdAt = DeliverySigner.timestamp(now, zone);
      LocalFile file = grant.file();

      ObjectNode root = MAPPER.createObjectNode();
      root.put("type", "skill_invocation");
      ObjectNode skill = root.putObject("skill");
      id(skill, "id", grant.skill().id());
      skill.put("type", "skill");
      skill.put("name", grant.skill().name());
      skill.put("api_key", grant.skill().apiKey());

      ObjectNode token = root.putObject("token");
      long expiresIn =
          expiresInAsTtl
              ? Math.max(0, grant.expiresAt().getEpochSecond() - now.getEpochSecond())
              : grant.expiresAt().getEpochSecond();
      token.set("write", token(grant.writeToken(), expiresIn, file.id(), "item_upload", true));
      token.set("read", token(grant.readToken(), expiresIn, file.id(), "item_read", false));

      ObjectNode status = root.putObject("status");
      status.put("state", "invoked");
      status.put("message", "");
      status.put("error_code", "");
      status.put("additional_info", "");
      ObjectNode rule = root.putArray("skill_rules").addObject();
      id(rule, "id", skillRuleId);
      rule.put("type", "skill_rule");
      rule.put("config", "");
      root.put("id", invocationId);
      root.put("created_at", createdAt);
      root.put("trigger", "FILE_CONTENT");
      ObjectNode enterprise = root.putObject("enterprise");
      enterprise.put("type", "enterprise");
      id(enterprise, "id", grant.enterpriseId());
      enterprise.put("name", grant.enterpriseName());

      ObjectNode source = source(file);
      source.put("size", file.size());
      root.set("source", source);

      ObjectNode details = root.putObject("event");
      details.put("event_id", event.toString());
      details.put("event_type", eventType);
      details.put("created_at", createdAt);
      ObjectNode createdBy = details.putObject("created_by");
      createdBy.put("type", "user");
      id(createdBy, "id", uploaderId);
      createdBy.put("name", uploaderName);
      createdBy.put("login", uploaderLogin);
      details.set("source", source(file));
      details.putObject("skill_rule").put("id", "*");

      ObjectNode params = root.putObject("parameters");
      parameters.forEach(params::put);

      String json = write(root);
      String wire = boxStyleEscaping ? escapeLikeBox(json) : json;
      return new InvocationEvent(invocationId, wire.getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode source(LocalFile file) {
      ObjectNode source = MAPPER.createObjectNode();
      source.put("type", "file");
      id(source, "id", file.id());
      source.put("name", file.name());
      id(source, "sequence_id", "0");
      id(source.putObject("file_version"), "id", file.versionId());
      id(source, "owner_enterprise_id", grant.enterpriseId());
      id(source.putObject("parent"), "id", file.parentFolderId());
      id(source, "old_parent_id", file.parentFolderId());
      ObjectNode collaborators = source.putObject("collab_accessible_by");
      collaborators.put("type", "");
      collaborators.put("id", "");
      collaborators.put("name", "");
      collaborators.put("login", "");
      return source;
    }

    private ObjectNode token(
        String value, long expiresIn, String fileId, String fileScope, boolean write) {
      ArrayNode scopes = MAPPER.createArrayNode();
      scopes.addObject().put("scope", "gcm");
      ObjectNode item = scopes.addObject().put("scope", fileScope);
      // Inside restricted_to, real events carry the file id as a JSON number.
      if (fileId.matches("[0-9]{1,19}")) {
        item.put("object_id", new BigInteger(fileId));
      } else {
        item.put("object_id", fileId);
      }
      item.put("object_type", "file");
      if (write) {
        scopes.addObject().put("scope", "manage_skill_invocations");
      }
      ObjectNode token = MAPPER.createObjectNode();
      token.put("access_token", value);
      token.put("expires_in", expiresIn);
      token.put("restricted_to", write(scopes));
      token.put("token_type", "bearer");
      return token;
    }

    private void id(ObjectNode node, String field, String value) {
      if (numericIds && value.matches("[0-9]{1,19}")) {
        node.put(field, new BigInteger(value));
      } else {
        node.put(field, value);
      }
    }
  }

  /**
   * Rewrites compact JSON the way Box's serialiser writes it: {@code /} as {@code \/}, and every
   * UTF-16 unit from U+007F up as {@code \}{@code u} and four lower-case hex digits. Both can only
   * occur inside strings in JSON that Jackson wrote, and Jackson never writes {@code \/}, so every
   * {@code /} is escaped.
   */
  static String escapeLikeBox(String json) {
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '/') {
        out.append("\\/");
      } else if (c >= 0x7F) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
