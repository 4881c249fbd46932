package io.skillskit.box;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.skillskit.cards.SkillCard;
import io.skillskit.cards.SkillsError;
import io.skillskit.cards.StatusCard;
import io.skillskit.request.SkillsRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes skill cards onto the file of an event with the event's write token, and reports the
 * invocation status to Box.
 *
 * <pre>{@code
 * SkillsWriter writer = SkillsWriter.of(request, BoxEndpoints.production());
 * writer.saveProcessingCard();
 * try {
 *   KeywordCard topics = KeywordCard.builder(request).title("Topics")
 *       .addEntry("budget").addEntry("hiring").build();
 *   writer.saveDataCards(List.of(topics));          // status success, usage files:1
 * } catch (RuntimeException e) {
 *   writer.saveErrorCard(SkillsError.FILE_PROCESSING_ERROR);
 * }
 * }</pre>
 *
 * <p><b>Requests.</b> Each save is one {@code PUT /2.0/skill_invocations/{skill_id}}, which
 * replaces every card of the file with the given list. The body carries the invocation status, the
 * file, the file version when the event names one, the cards, and {@code usage}: the given usage
 * for {@code success} (one file by default) and {@code null} for every other status. {@link
 * #saveToMetadata(List)} writes the file's {@code boxSkillsCards} metadata directly instead.
 *
 * <p><b>Order.</b> Writes of one invocation are sent one at a time, in the order they were called,
 * also from several threads and several writers built from the same event and {@link BoxEndpoints}.
 * A processing card called for after a success or failure was written is dropped (logged at DEBUG),
 * so a late status write never hides the results.
 *
 * <p><b>Tokens.</b> Only the write token is used, in the {@code Authorization} header. A token past
 * its expiry fails with {@link TokenExpiredException} before any call. Once Box rejects the token
 * with HTTP 401, every later write for the invocation fails the same way without a call: skill
 * tokens cannot be refreshed, so even an error card cannot be written. Check {@link
 * #remainingTokenLifetime()} before long work.
 *
 * <p>Instances are thread-safe.
 */
public final class SkillsWriter {

  /**
   * Key under which applications put the invocation id into the SLF4J MDC while they handle an
   * invocation, so that each log line of the kit can be traced to its invocation: {@value}.
   */
  public static final String MDC_INVOCATION_ID = "skillsInvocationId";

  private static final Logger log = LoggerFactory.getLogger(SkillsWriter.class);
  private static final JsonFactory JSON = new JsonFactory();

  private final SkillsRequest request;
  private final BoxEndpoints endpoints;

  private SkillsWriter(SkillsRequest request, BoxEndpoints endpoints) {
    this.request = request;
    this.endpoints = endpoints;
  }

  /**
   * Returns a writer for the file of an event.
   *
   * @param request the parsed event
   * @param endpoints where to reach Box
   * @return a new writer
   * @throws NullPointerException if an argument is null
   */
  public static SkillsWriter of(SkillsRequest request, BoxEndpoints endpoints) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(endpoints, "endpoints");
    return new SkillsWriter(request, endpoints);
  }

  /**
   * Returns the event this writer writes cards for.
   *
   * @return the event
   */
  public SkillsRequest request() {
    return request;
  }

  /**
   * Returns how long the write token still works, by the endpoints' clock. Check it before long
   * work: a skill that finds the token expired after the work cannot save the results.
   *
   * <pre>{@code
   * Duration left = writer.remainingTokenLifetime().orElse(Duration.ZERO);
   * if (left.compareTo(expectedJobTime.plusMinutes(5)) < 0) {
   *   writer.saveErrorCard(SkillsError.INVOCATIONS_ERROR, FailureType.TRANSIENT);
   *   return;
   * }
   * }</pre>
   *
   * @return the time left, {@link Duration#ZERO} once expired, or empty when the event did not say
   */
  public Optional<Duration> remainingTokenLifetime() {
    return request.writeToken().remaining(endpoints.clock());
  }

  /**
   * Shows the file as being processed: writes the standard processing card with invocation status
   * {@code processing}. Dropped without a call when a success or failure was already written for
   * the invocation.
   *
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   */
  public void saveProcessingCard() {
    save(InvocationStatus.PROCESSING, List.of(statusCard().processing().build()), null);
  }

  /**
   * Shows the file as being processed with a message of the skill's own, such as the expected time.
   * Dropped like {@link #saveProcessingCard()}.
   *
   * @param message the text shown on the card, not blank
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   * @throws IllegalArgumentException if the message is blank
   */
  public void saveProcessingCard(String message) {
    Objects.requireNonNull(message, "message");
    save(InvocationStatus.PROCESSING, List.of(statusCard().processing(message).build()), null);
  }

  /**
   * Writes the result cards with invocation status {@code success} and a usage of one file.
   *
   * @param cards the cards to show, replacing every card on the file
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   * @throws NullPointerException if the list or one of its cards is null
   */
  public void saveDataCards(List<? extends SkillCard> cards) {
    saveDataCards(cards, Usage.ONE_FILE);
  }

  /**
   * Writes the result cards with invocation status {@code success} and the given usage.
   *
   * @param cards the cards to show, replacing every card on the file
   * @param usage how much work the skill did, such as {@code Usage.seconds(93.5)}
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   * @throws NullPointerException if an argument or one of the cards is null
   */
  public void saveDataCards(List<? extends SkillCard> cards, Usage usage) {
    Objects.requireNonNull(usage, "usage");
    save(InvocationStatus.SUCCESS, cards, usage);
  }

  /**
   * Writes an error card with the given code and invocation status {@code permanent_failure}. The
   * Box web app shows its own text for the code.
   *
   * @param error the error code to show
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   */
  public void saveErrorCard(SkillsError error) {
    saveErrorCard(error, FailureType.PERMANENT);
  }

  /**
   * Writes an error card with the given code, with invocation status {@code transient_failure} or
   * {@code permanent_failure}.
   *
   * @param error the error code to show
   * @param failureType whether a later invocation may succeed
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   */
  public void saveErrorCard(SkillsError error, FailureType failureType) {
    saveErrorCard(error, null, failureType);
  }

  /**
   * Writes an error card with a message of the skill's own and invocation status {@code
   * permanent_failure}.
   *
   * @param error the error the message explains; the card carries it only when {@code
   *     customMessage} is null
   * @param customMessage the text to show, or {@code null} for the web app's text for {@code error}
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   * @throws IllegalArgumentException if the message is blank
   * @see #saveErrorCard(SkillsError, String, FailureType)
   */
  public void saveErrorCard(SkillsError error, String customMessage) {
    saveErrorCard(error, customMessage, FailureType.PERMANENT);
  }

  /**
   * Writes an error card and reports the invocation as failed.
   *
   * <p>The Box web app ignores a message next to most error codes and shows its own text, so a
   * custom message is written under the code {@code custom_error}, which the web app shows as
   * given. The {@code error} is then not on the card; it is logged at DEBUG.
   *
   * @param error the error code to show, or that the message explains
   * @param customMessage the text to show, or {@code null} for the web app's text for {@code error}
   * @param failureType whether a later invocation may succeed: {@code transient_failure} or {@code
   *     permanent_failure}
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   * @throws IllegalArgumentException if the message is blank
   * @throws NullPointerException if {@code error} or {@code failureType} is null
   */
  public void saveErrorCard(SkillsError error, String customMessage, FailureType failureType) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(failureType, "failureType");
    StatusCard card;
    if (customMessage == null) {
      card = statusCard().error(error).build();
    } else {
      log.debug(
          "Error card of invocation {} shows a custom message for {}", request.id(), error.code());
      card = statusCard().customError(customMessage).build();
    }
    save(failureType.invocationStatus(), List.of(card), null);
  }

  /**
   * Writes cards with any invocation status; the other save methods are shortcuts for this one.
   *
   * @param status the invocation status to report
   * @param cards the cards to show, replacing every card on the file
   * @param usage the usage for {@link InvocationStatus#SUCCESS}, or {@code null} to send none
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   * @throws IllegalArgumentException if a usage is given with a status other than success
   * @throws NullPointerException if {@code status}, the list or one of its cards is null
   */
  public void saveCards(InvocationStatus status, List<? extends SkillCard> cards, Usage usage) {
    Objects.requireNonNull(status, "status");
    if (usage != null && status != InvocationStatus.SUCCESS) {
      throw new IllegalArgumentException(
          "usage is reported only with status success; got status " + status.wireValue());
    }
    save(status, cards, usage);
  }

  /**
   * Writes the cards into the file's {@code boxSkillsCards} metadata instead of through {@code
   * skill_invocations}; no invocation status is reported. Use it for files the skill was not
   * invoked for, or where {@code skill_invocations} is not available.
   *
   * <p>The kit first creates the metadata with {@code POST
   * /2.0/files/{id}/metadata/global/boxSkillsCards}. When Box responds 409 because the file already
   * has cards, for example Box's placeholder card, it replaces the whole list with one JSON Patch
   * {@code replace} of {@code /cards}. That makes two requests at most; a second 409 is thrown.
   *
   * @param cards the cards to show, replacing every card on the file
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the write token has expired or Box rejected it
   * @throws NullPointerException if the list or one of its cards is null
   */
  public void saveToMetadata(List<? extends SkillCard> cards) {
    List<? extends SkillCard> list = checkCards(cards);
    HttpUrl url =
        endpoints
            .baseUrl()
            .newBuilder()
            .addPathSegment("2.0")
            .addPathSegment("files")
            .addPathSegment(request.file().id())
            .addPathSegments("metadata/global/boxSkillsCards")
            .build();
    BoxHttp.Call create = writeCall("POST", url).body(metadataBody(list), "application/json");
    BoxHttp.Call replace =
        writeCall("PUT", url).body(patchBody(list), "application/json-patch+json");
    InvocationStates.State state = endpoints.invocationStates().get(request.id());
    state.lock.lock();
    try {
      checkTokenNotRejected(state, create);
      try {
        send(state, create);
      } catch (BoxCallException e) {
        if (e.statusCode() != 409) {
          throw e;
        }
        log.debug(
            "File {} already has skill cards metadata; replacing the card list",
            request.file().id());
        send(state, replace);
      }
    } finally {
      state.lock.unlock();
    }
  }

  /**
   * Returns the ids of the event and the file; never a token.
   *
   * @return text such as {@code SkillsWriter[invocation=..., skill=10027, file=1402003004005]}
   */
  @Override
  public String toString() {
    return "SkillsWriter[invocation="
        + request.id()
        + ", skill="
        + request.skill().id()
        + ", file="
        + request.file().id()
        + ", endpoints="
        + endpoints
        + "]";
  }

  private StatusCard.Builder statusCard() {
    return StatusCard.builder(request).clock(endpoints.clock());
  }

  private void save(InvocationStatus status, List<? extends SkillCard> cards, Usage usage) {
    List<? extends SkillCard> list = checkCards(cards);
    HttpUrl url =
        endpoints
            .baseUrl()
            .newBuilder()
            .addPathSegment("2.0")
            .addPathSegment("skill_invocations")
            .addPathSegment(request.skill().id())
            .build();
    BoxHttp.Call call =
        writeCall("PUT", url)
            .body(invocationBody(status, list, usage), "application/json")
            .header("Cache-Control", "no-cache");

    InvocationStates.State state = endpoints.invocationStates().get(request.id());
    state.lock.lock();
    try {
      checkTokenNotRejected(state, call);
      if (!status.isTerminal() && state.terminalStatus != null) {
        log.debug(
            "Dropped the {} write of invocation {} because status {} was already written",
            status.wireValue(),
            request.id(),
            state.terminalStatus.wireValue());
        return;
      }
      send(state, call);
      if (status.isTerminal()) {
        state.terminalStatus = status;
      }
    } finally {
      state.lock.unlock();
    }
  }

  private BoxHttp.Call writeCall(String method, HttpUrl url) {
    return new BoxHttp.Call(method, url, request).token(BoxHttp.TokenKind.WRITE);
  }

  /** Sends a write and remembers a 401, after which the token is known to be dead. */
  private void send(InvocationStates.State state, BoxHttp.Call call) {
    try {
      endpoints.http().executeAndDiscard(call);
    } catch (TokenExpiredException e) {
      if (e.statusCode().isPresent()) {
        state.writeTokenRejected = true;
      }
      throw e;
    }
  }

  private void checkTokenNotRejected(InvocationStates.State state, BoxHttp.Call call) {
    if (state.writeTokenRejected) {
      throw new TokenExpiredException(
          "Box already rejected the write token of invocation "
              + request.id()
              + " with HTTP 401, so "
              + call.where()
              + " was not sent. Skill tokens cannot be refreshed; Box sends new ones with the next"
              + " invocation.",
          "write",
          request.writeToken().expiresAt().orElse(null),
          request.id(),
          request.skill().id(),
          request.file().id(),
          BoxCallException.NO_STATUS,
          null);
    }
  }

  private static List<? extends SkillCard> checkCards(List<? extends SkillCard> cards) {
    Objects.requireNonNull(cards, "cards");
    for (int i = 0; i < cards.size(); i++) {
      if (cards.get(i) == null) {
        throw new NullPointerException("cards[" + i + "] is null");
      }
    }
    return List.copyOf(cards);
  }

  /** Builds the body of {@code PUT /2.0/skill_invocations/{skill_id}}, keys in the kit's order. */
  private byte[] invocationBody(
      InvocationStatus status, List<? extends SkillCard> cards, Usage usage) {
    return json(
        generator -> {
          generator.writeStartObject();
          generator.writeStringField("status", status.wireValue());
          generator.writeObjectFieldStart("file");
          generator.writeStringField("type", "file");
          generator.writeStringField("id", request.file().id());
          generator.writeEndObject();
          Optional<String> version = request.file().versionId();
          if (version.isPresent()) {
            generator.writeObjectFieldStart("file_version");
            generator.writeStringField("type", "file_version");
            generator.writeStringField("id", version.get());
            generator.writeEndObject();
          }
          generator.writeObjectFieldStart("metadata");
          writeCards(generator, "cards", cards);
          generator.writeEndObject();
          if (usage == null) {
            generator.writeNullField("usage");
          } else {
            generator.writeObjectFieldStart("usage");
            generator.writeStringField("unit", usage.unit().wireValue());
            generator.writeFieldName("value");
            generator.writeNumber(usage.value().toPlainString());
            generator.writeEndObject();
          }
          generator.writeEndObject();
        });
  }

  private static byte[] metadataBody(List<? extends SkillCard> cards) {
    return json(
        generator -> {
          generator.writeStartObject();
          writeCards(generator, "cards", cards);
          generator.writeEndObject();
        });
  }

  private static byte[] patchBody(List<? extends SkillCard> cards) {
    return json(
        generator -> {
          generator.writeStartArray();
          generator.writeStartObject();
          generator.writeStringField("op", "replace");
          generator.writeStringField("path", "/cards");
          writeCards(generator, "value", cards);
          generator.writeEndObject();
          generator.writeEndArray();
        });
  }

  private static void writeCards(
      JsonGenerator generator, String field, List<? extends SkillCard> cards) throws IOException {
    generator.writeArrayFieldStart(field);
    for (SkillCard card : cards) {
      // The card's own JSON is written as is, so numbers and key order stay as the card made them.
      generator.writeRawValue(card.toJson());
    }
    generator.writeEndArray();
  }

  private static byte[] json(JsonWriting writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      writing.write(generator);
    } catch (IOException e) {
      // Writing to memory does no I/O; only a broken card JSON gets here.
      throw new UncheckedIOException("could not write the request body", e);
    }
    return out.toByteArray();
  }

  @FunctionalInterface
  private interface JsonWriting {
    void write(JsonGenerator generator) throws IOException;
  }
}
