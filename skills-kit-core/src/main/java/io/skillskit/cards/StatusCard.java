package io.skillskit.cards;

import io.skillskit.internal.CardJson;
import io.skillskit.request.SkillsRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A status card ({@code skill_card_type} {@code status}): shows the user that the skill is working
 * on the file (a processing card) or that it failed (an error card). It has no entries.
 *
 * <pre>{@code
 * StatusCard working = StatusCard.processing(request);
 * StatusCard failed = StatusCard.error(request, SkillsError.FILE_PROCESSING_ERROR);
 * StatusCard custom = StatusCard.error(request, "Provider quota exceeded");
 * }</pre>
 *
 * <p>A processing card has the title {@code Status} (code {@code skills_status}) and the status
 * {@code {"code": "skills_pending_status", "message": "We're preparing to process your file. Please
 * hold on!"}}. An error card has the title {@code Error} (code {@code skills_error}) and the status
 * {@code {"code": "<SkillsError code>"}}, or {@code {"code": "custom_error", "message":
 * "<message>"}} for a custom message. Which invocation status goes with the card ({@code
 * processing}, {@code permanent_failure} or {@code transient_failure}) is decided by the code that
 * writes it.
 *
 * <p>Differences from Box's Node Skills Kit ({@code saveProcessingCard}, {@code saveErrorCard}),
 * all deliberate:
 *
 * <ul>
 *   <li>The error is a {@link SkillsError} constant, not a string that silently becomes {@code
 *       skills_unknown_error} when mistyped.
 *   <li>{@code created_at} comes from an injectable {@link Clock}.
 *   <li>The processing message and both titles can be changed; a custom title gets its code by the
 *       rule of the data cards, with every run of spaces replaced.
 *   <li>A card reports whether it is a processing or an error card, and which error it carries.
 *   <li>Building a card and writing it are separate steps; the invocation status is the writer's.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StatusCard implements SkillCard {

  /** The {@code skill_card_type} of status cards. */
  public static final String CARD_TYPE = "status";

  /** Title of processing cards when the builder is given none. */
  public static final String PROCESSING_TITLE = "Status";

  /** Title of error cards when the builder is given none. */
  public static final String ERROR_TITLE = "Error";

  /** Status code of processing cards. */
  public static final String PENDING_CODE = "skills_pending_status";

  /** Status message of processing cards when none is given, as in Box's Node Skills Kit. */
  public static final String DEFAULT_PROCESSING_MESSAGE =
      "We're preparing to process your file. Please hold on!";

  /** Status code of error cards with a custom message. */
  public static final String CUSTOM_ERROR_CODE = "custom_error";

  private final Envelope envelope;
  private final String statusCode;
  private final String statusMessage;
  private String json;

  StatusCard(Envelope envelope, String statusCode, String statusMessage) {
    this.envelope = envelope;
    this.statusCode = statusCode;
    this.statusMessage = statusMessage;
  }

  /**
   * Creates a processing card with the default message, stamped with the system clock.
   *
   * @param request the parsed skill invocation event
   * @return the card
   * @throws NullPointerException if {@code request} is null
   */
  public static StatusCard processing(SkillsRequest request) {
    return builder(request).processing().build();
  }

  /**
   * Creates a processing card with another message, stamped with the system clock.
   *
   * <pre>{@code
   * StatusCard card = StatusCard.processing(request, "Transcribing, about two minutes left.");
   * }</pre>
   *
   * @param request the parsed skill invocation event
   * @param message the text shown while the skill works; must not be blank
   * @return the card
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code message} is blank
   */
  public static StatusCard processing(SkillsRequest request, String message) {
    return builder(request).processing(message).build();
  }

  /**
   * Creates an error card for one of Box's error codes, stamped with the system clock.
   *
   * @param request the parsed skill invocation event
   * @param error the error; the web app shows its own text for it
   * @return the card
   * @throws NullPointerException if an argument is null
   */
  public static StatusCard error(SkillsRequest request, SkillsError error) {
    return builder(request).error(error).build();
  }

  /**
   * Creates an error card with a custom message ({@code custom_error}), stamped with the system
   * clock.
   *
   * @param request the parsed skill invocation event
   * @param customMessage the text shown to the user; must not be blank
   * @return the card
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code customMessage} is blank
   */
  public static StatusCard error(SkillsRequest request, String customMessage) {
    return builder(request).customError(customMessage).build();
  }

  /**
   * Starts a status card for the invocation a request describes.
   *
   * <pre>{@code
   * StatusCard card = StatusCard.builder(request)
   *     .error(SkillsError.INVALID_FILE_FORMAT)
   *     .clock(clock)
   *     .build();
   * }</pre>
   *
   * @param request the parsed skill invocation event
   * @return a new builder; choose processing or error before {@link Builder#build()}
   * @throws NullPointerException if {@code request} is null
   */
  public static Builder builder(SkillsRequest request) {
    return new Builder(new Envelope.Settings(request));
  }

  /**
   * Starts a status card with an explicit skill id and invocation id.
   *
   * <pre>{@code
   * StatusCard card = StatusCard.builder("10027", "3f1c2a9e_2048001001").processing().build();
   * }</pre>
   *
   * @param skillId the skill id written as {@code skill.id}
   * @param invocationId the invocation id written as {@code invocation.id}
   * @return a new builder; choose processing or error before {@link Builder#build()}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is blank
   */
  public static Builder builder(String skillId, String invocationId) {
    return new Builder(new Envelope.Settings(skillId, invocationId));
  }

  /**
   * Returns {@value #CARD_TYPE}.
   *
   * @return the card type
   */
  @Override
  public String cardType() {
    return CARD_TYPE;
  }

  /**
   * Returns the skill id written as {@code skill.id}.
   *
   * @return the skill id
   */
  public String skillId() {
    return envelope.skillId();
  }

  /**
   * Returns the invocation id written as {@code invocation.id}.
   *
   * @return the invocation id
   */
  public String invocationId() {
    return envelope.invocationId();
  }

  /**
   * Returns the title the web app shows, {@code skill_card_title.message}.
   *
   * @return the title
   */
  public String title() {
    return envelope.title();
  }

  /**
   * Returns the title code, {@code skill_card_title.code}.
   *
   * @return the code; empty only on a card read from JSON without one
   */
  public Optional<String> titleCode() {
    return Optional.ofNullable(envelope.titleCode());
  }

  /**
   * Returns when the card was made, {@code created_at}.
   *
   * @return the instant; empty only on a card read from JSON without one or with another format
   */
  public Optional<Instant> createdAt() {
    return envelope.createdAtInstant();
  }

  /**
   * Returns {@code status.code}: {@value #PENDING_CODE}, a {@link SkillsError} code, {@value
   * #CUSTOM_ERROR_CODE}, or on a card read from JSON any other code, such as Box's invocation
   * states {@code processing} or {@code permanent_failure}.
   *
   * @return the status code
   */
  public String statusCode() {
    return statusCode;
  }

  /**
   * Returns {@code status.message}.
   *
   * @return the message, or empty when the card has only a code
   */
  public Optional<String> statusMessage() {
    return Optional.ofNullable(statusMessage);
  }

  /**
   * Returns whether this card reports that the skill is still working: its code is {@value
   * #PENDING_CODE}, or Box's invocation state {@code invoked} or {@code processing}.
   *
   * @return {@code true} for a processing card
   */
  public boolean isProcessing() {
    return PENDING_CODE.equals(statusCode)
        || "processing".equals(statusCode)
        || "invoked".equals(statusCode);
  }

  /**
   * Returns whether this card reports a failure: its code is a {@link SkillsError} code, {@value
   * #CUSTOM_ERROR_CODE}, or Box's invocation state {@code permanent_failure} or {@code
   * transient_failure}.
   *
   * @return {@code true} for an error card
   */
  public boolean isError() {
    return SkillsError.find(statusCode).isPresent()
        || isCustomError()
        || "permanent_failure".equals(statusCode)
        || "transient_failure".equals(statusCode);
  }

  /**
   * Returns whether this is an error card with a custom message ({@value #CUSTOM_ERROR_CODE}).
   *
   * @return {@code true} for a custom error card
   */
  public boolean isCustomError() {
    return CUSTOM_ERROR_CODE.equals(statusCode);
  }

  /**
   * Returns the Box error code this card carries.
   *
   * @return the error, or empty for a processing card, a custom error card or any other code
   */
  public Optional<SkillsError> skillsError() {
    return SkillsError.find(statusCode);
  }

  /**
   * Returns the card as Box stores it, in compact JSON. Keys are in the order of Box's Node Skills
   * Kit: {@code created_at, type, skill, skill_card_type, skill_card_title, invocation, status}.
   *
   * @return the card JSON
   */
  @Override
  public String toJson() {
    String result = json;
    if (result == null) {
      result =
          CardJson.write(
              envelope.estimatedLength() + 120,
              generator -> {
                envelope.writeHead(generator, CARD_TYPE);
                generator.writeObjectFieldStart("status");
                generator.writeStringField("code", statusCode);
                if (statusMessage != null) {
                  generator.writeStringField("message", statusMessage);
                }
                generator.writeEndObject();
                generator.writeEndObject();
              });
      json = result;
    }
    return result;
  }

  /**
   * Compares the card JSON.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a status card with the same JSON
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof StatusCard && toJson().equals(((StatusCard) other).toJson());
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  /**
   * Returns a short description.
   *
   * @return text such as {@code StatusCard[title=Error, code=skills_unknown_error, invocation=...]}
   */
  @Override
  public String toString() {
    return "StatusCard[title="
        + envelope.title()
        + ", code="
        + statusCode
        + ", invocation="
        + envelope.invocationId()
        + "]";
  }

  /**
   * Collects the kind, title and clock of a status card. Call one of {@link #processing()}, {@link
   * #processing(String)}, {@link #error(SkillsError)} or {@link #customError(String)}; the last
   * call wins. Not thread-safe.
   */
  public static final class Builder {

    private final Envelope.Settings settings;
    private String code;
    private String message;
    private boolean error;

    private Builder(Envelope.Settings settings) {
      this.settings = settings;
    }

    /**
     * Makes a processing card with the default message {@value #DEFAULT_PROCESSING_MESSAGE}.
     *
     * <pre>{@code
     * StatusCard card = StatusCard.builder(request).processing().clock(clock).build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder processing() {
      return processing(DEFAULT_PROCESSING_MESSAGE);
    }

    /**
     * Makes a processing card with another message.
     *
     * <pre>{@code
     * StatusCard card = StatusCard.builder(request).processing("Transcribing your file.").build();
     * }</pre>
     *
     * @param message the text shown while the skill works; must not be blank (checked by {@link
     *     #build()})
     * @return this builder
     * @throws NullPointerException if {@code message} is null
     */
    public Builder processing(String message) {
      this.message = Objects.requireNonNull(message, "message");
      this.code = PENDING_CODE;
      this.error = false;
      return this;
    }

    /**
     * Makes an error card for one of Box's error codes; the card carries the code alone.
     *
     * <pre>{@code
     * StatusCard card = StatusCard.builder(request).error(SkillsError.BILLING_ERROR).build();
     * }</pre>
     *
     * @param error the error
     * @return this builder
     * @throws NullPointerException if {@code error} is null
     */
    public Builder error(SkillsError error) {
      this.code = Objects.requireNonNull(error, "error").code();
      this.message = null;
      this.error = true;
      return this;
    }

    /**
     * Makes an error card with a custom message, written with the code {@value #CUSTOM_ERROR_CODE}.
     *
     * <pre>{@code
     * StatusCard card = StatusCard.builder(request).customError("Provider quota exceeded").build();
     * }</pre>
     *
     * @param message the text shown to the user; must not be blank (checked by {@link #build()})
     * @return this builder
     * @throws NullPointerException if {@code message} is null
     */
    public Builder customError(String message) {
      this.message = Objects.requireNonNull(message, "message");
      this.code = CUSTOM_ERROR_CODE;
      this.error = true;
      return this;
    }

    /**
     * Sets the title instead of {@value #PROCESSING_TITLE} or {@value #ERROR_TITLE}. The title code
     * is derived as for the data cards unless {@link #titleCode(String)} sets one.
     *
     * <pre>{@code
     * StatusCard card = StatusCard.builder(request).title("Transcription").processing().build();
     * // skill_card_title: {"code": "skills_transcription", "message": "Transcription"}
     * }</pre>
     *
     * @param title the title; trimmed, must not be blank (checked by {@link #build()})
     * @return this builder
     * @throws NullPointerException if {@code title} is null
     */
    public Builder title(String title) {
      settings.title(title);
      return this;
    }

    /**
     * Sets the title code instead of deriving it from the title.
     *
     * <pre>{@code
     * StatusCard card = StatusCard.builder(request).title("Fehler").titleCode("skills_error")
     *     .error(SkillsError.UNKNOWN).build();
     * }</pre>
     *
     * @param titleCode the code; trimmed, must not be blank (checked by {@link #build()})
     * @return this builder
     * @throws NullPointerException if {@code titleCode} is null
     */
    public Builder titleCode(String titleCode) {
      settings.titleCode(titleCode);
      return this;
    }

    /**
     * Sets the clock that stamps {@code created_at}; the default is the system clock in UTC.
     *
     * <pre>{@code
     * StatusCard card = StatusCard.builder(request).processing().clock(clock).build();
     * }</pre>
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /**
     * Builds the card, stamped with the clock's current time.
     *
     * @return the card
     * @throws IllegalStateException if neither processing nor an error was chosen
     * @throws IllegalArgumentException if the title, title code or message is blank
     */
    public StatusCard build() {
      if (code == null) {
        throw new IllegalStateException(
            "status card has no status; call processing(), error(SkillsError) or"
                + " customError(String) before build()");
      }
      String finalMessage = message;
      if (message != null) {
        if (CardText.isBlank(message)) {
          throw new IllegalArgumentException(
              "status card message must not be blank, got " + CardText.quote(message));
        }
        int bad = CardText.unpairedSurrogate(message);
        if (bad >= 0) {
          throw new IllegalArgumentException(
              "status card message has an unpaired UTF-16 surrogate at index "
                  + bad
                  + "; expected valid Unicode text");
        }
        finalMessage = CardText.strip(message);
      }
      Envelope envelope = settings.build(CARD_TYPE, error ? ERROR_TITLE : PROCESSING_TITLE);
      return new StatusCard(envelope, code, finalMessage);
    }
  }
}
