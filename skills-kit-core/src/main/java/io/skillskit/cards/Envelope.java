package io.skillskit.cards;

import com.fasterxml.jackson.core.JsonGenerator;
import io.skillskit.internal.CardJson;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields every card shares: when it was made, which skill and invocation made it, and its
 * title. {@code createdAt} and {@code titleCode} are null on a card read from Box without them.
 */
record Envelope(
    String createdAt, String skillId, String invocationId, String title, String titleCode) {

  /** Writes the start of a card object up to and including {@code invocation}. */
  void writeHead(JsonGenerator generator, String cardType) throws IOException {
    generator.writeStartObject();
    if (createdAt != null) {
      generator.writeStringField("created_at", createdAt);
    }
    generator.writeStringField("type", "skill_card");
    generator.writeObjectFieldStart("skill");
    generator.writeStringField("type", "service");
    generator.writeStringField("id", skillId);
    generator.writeEndObject();
    generator.writeStringField("skill_card_type", cardType);
    generator.writeObjectFieldStart("skill_card_title");
    if (titleCode != null) {
      generator.writeStringField("code", titleCode);
    }
    generator.writeStringField("message", title);
    generator.writeEndObject();
    generator.writeObjectFieldStart("invocation");
    generator.writeStringField("type", "skill_invocation");
    generator.writeStringField("id", invocationId);
    generator.writeEndObject();
  }

  /** Parses {@code created_at}; empty when absent or not an ISO-8601 instant. */
  Optional<Instant> createdAtInstant() {
    if (createdAt == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(createdAt).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  int estimatedLength() {
    return 260 + skillId.length() + invocationId.length() + 2 * title.length();
  }

  /** The envelope settings a card builder collects before {@code build()}. */
  static final class Settings {
    private final String skillId;
    private final String invocationId;
    private String title;
    private String titleCode;
    private Clock clock = Clock.systemUTC();

    Settings(SkillsRequest request) {
      Objects.requireNonNull(request, "request");
      this.skillId = request.skill().id();
      this.invocationId = request.id();
    }

    Settings(String skillId, String invocationId) {
      this.skillId = requireId(skillId, "skillId");
      this.invocationId = requireId(invocationId, "invocationId");
    }

    private static String requireId(String id, String name) {
      Objects.requireNonNull(id, name);
      if (CardText.isBlank(id)) {
        throw new IllegalArgumentException(name + " must not be blank, got '" + id + "'");
      }
      return id;
    }

    void title(String title) {
      this.title = Objects.requireNonNull(title, "title");
    }

    void titleCode(String titleCode) {
      this.titleCode = Objects.requireNonNull(titleCode, "titleCode");
    }

    void clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    boolean hasTitle() {
      return title != null;
    }

    /** Checks the settings and stamps the card with the clock's current time. */
    Envelope build(String cardKind, String defaultTitle) {
      String finalTitle = title == null ? defaultTitle : checkTitle(cardKind, title);
      String finalCode;
      if (titleCode == null) {
        finalCode = CardText.titleCode(finalTitle);
      } else if (CardText.isBlank(titleCode)) {
        throw new IllegalArgumentException(
            cardKind + " card title code must not be blank, got " + CardText.quote(titleCode));
      } else {
        finalCode = CardText.strip(titleCode);
      }
      String createdAt = CardJson.formatCreatedAt(clock.instant());
      return new Envelope(createdAt, skillId, invocationId, finalTitle, finalCode);
    }

    private static String checkTitle(String cardKind, String title) {
      if (CardText.isBlank(title)) {
        throw new IllegalArgumentException(
            cardKind + " card title must not be blank, got " + CardText.quote(title));
      }
      int bad = CardText.unpairedSurrogate(title);
      if (bad >= 0) {
        throw new IllegalArgumentException(
            cardKind
                + " card title has an unpaired UTF-16 surrogate at index "
                + bad
                + "; expected valid Unicode text");
      }
      return CardText.strip(title);
    }
  }
}
