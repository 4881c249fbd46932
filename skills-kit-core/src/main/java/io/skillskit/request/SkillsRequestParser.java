package io.skillskit.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Parses skill invocation events with set limits. {@link SkillsRequest#parse(byte[])} uses one
 * with the defaults; build another to change a limit or the clock.
 *
 * <pre>{@code
 * SkillsRequestParser parser = SkillsRequest.parser()
 *     .maxBodyBytes(64 * 1024)
 *     .clock(Clock.systemUTC())
 *     .build();
 * SkillsRequest request = parser.parse(body);
 * }</pre>
 *
 * <p><b>Limits.</b> A body larger than {@link #DEFAULT_MAX_BODY_BYTES} (1 MiB) or nested deeper
 * than {@link #DEFAULT_MAX_DEPTH} (32) is rejected before any field is read. Real events are
 * about 2 to 3 KB and nest five levels deep. A field the kit reads that appears twice in one object
 * is rejected too, because the two values would leave the event ambiguous. Duplicates among the
 * fields the kit skips are not looked for: finding them costs as much as the rest of the parse.
 *
 * <p><b>Token expiry.</b> Real events fill {@code expires_in} with an absolute Unix time in
 * seconds, while Box's schema describes seconds to live. A value of at least {@value
 * #EPOCH_SECONDS_THRESHOLD} is read as a Unix time; a smaller one as seconds after the parser's
 * clock reads the event ({@link SkillsRequest#receivedAt()}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SkillsRequestParser {

  /** Default maximum body size in bytes: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  /** Default maximum nesting depth of JSON objects and arrays. */
  public static final int DEFAULT_MAX_DEPTH = 32;

  /**
   * Smallest {@code expires_in} value read as a Unix time in seconds (2001-09-09); smaller values
   * are seconds to live.
   */
  public static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

  private final int maxBodyBytes;
  private final int maxDepth;
  private final Clock clock;
  private final JsonFactory factory;

  private SkillsRequestParser(Builder builder) {
    this.maxBodyBytes = builder.maxBodyBytes;
    this.maxDepth = builder.maxDepth;
    this.clock = builder.clock;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(builder.maxDepth).build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
  }

  /**
   * Returns a builder with the default limits and the system UTC clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses an event from the raw body bytes.
   *
   * @param body the request body exactly as received, in UTF-8
   * @return the parsed event
   * @throws InvalidSkillsRequestException if the body is empty, too large, nested too deeply, not
   *     JSON, not an object, not a {@code skill_invocation}, misses a required field, has one of
   *     the wrong type, or its source is not a file; also if the skill, file or file version id is
   *     not decimal digits, because the kit puts those ids into Box URLs
   * @throws NullPointerException if {@code body} is null
   */
  public SkillsRequest parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    checkSize(body.length);
    try (JsonParser parser = factory.createParser(body)) {
      return new EventReader(factory, parser, clock.instant()).read();
    } catch (StreamConstraintsException e) {
      throw limitExceeded(e);
    } catch (JsonParseException e) {
      throw notJson(e);
    } catch (IOException e) {
      // Parsing an in-memory array does no I/O, so only malformed input gets here.
      throw new InvalidSkillsRequestException("$", "body could not be read as JSON");
    }
  }

  /**
   * Parses an event from a body already decoded to text. The text is encoded as UTF-8 and parsed
   * like {@link #parse(byte[])}.
   *
   * @param body the request body
   * @return the parsed event
   * @throws InvalidSkillsRequestException on the same conditions as {@link #parse(byte[])}
   * @throws NullPointerException if {@code body} is null
   */
  public SkillsRequest parse(String body) {
    Objects.requireNonNull(body, "body");
    // Each char takes at least one UTF-8 byte, so this rejects huge strings before copying them.
    checkSize(body.length());
    return parse(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the maximum body size in bytes this parser accepts.
   *
   * @return the limit in bytes
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Returns the maximum nesting depth of JSON objects and arrays this parser accepts.
   *
   * @return the depth limit
   */
  public int maxDepth() {
    return maxDepth;
  }

  private void checkSize(int length) {
    if (length == 0) {
      throw new InvalidSkillsRequestException(
          "$", "body is empty; expected a JSON object with \"type\": \"skill_invocation\"");
    }
    if (length > maxBodyBytes) {
      throw new InvalidSkillsRequestException(
          "$",
          "body is "
              + length
              + " bytes; the limit is "
              + maxBodyBytes
              + " bytes (raise it with SkillsRequest.parser().maxBodyBytes(...))");
    }
  }

  /**
   * Describes which of Jackson's read limits the body broke. Jackson states the limit in its
   * message, which quotes no content of the body.
   */
  private InvalidSkillsRequestException limitExceeded(StreamConstraintsException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    StreamReadConstraints limits = factory.streamReadConstraints();
    if (original.startsWith("Number value length")) {
      return new InvalidSkillsRequestException(
          "$",
          "body has a number longer than "
              + limits.getMaxNumberLength()
              + " characters; expected ids, sizes and times of at most 19 digits");
    }
    if (original.startsWith("Name length")) {
      return new InvalidSkillsRequestException(
          "$",
          "body has a field name longer than "
              + limits.getMaxNameLength()
              + " characters; expected the short names of a skill event");
    }
    if (original.startsWith("Document nesting depth")) {
      return new InvalidSkillsRequestException(
          "$", "body nests deeper than " + maxDepth + " levels; a skill event nests about five");
    }
    return new InvalidSkillsRequestException(
        "$", "body exceeds a read limit of the JSON parser; a skill event is small and flat");
  }

  private static InvalidSkillsRequestException notJson(JsonParseException e) {
    // Jackson's own message may quote the offending text, which can be part of a token, so only
    // the position is passed on.
    String where =
        e.getLocation() == null
            ? ""
            : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return new InvalidSkillsRequestException("$", "body is not valid JSON" + where);
  }

  /** Builder of {@link SkillsRequestParser}. */
  public static final class Builder {

    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the largest body the parser accepts.
     *
     * @param maxBodyBytes the limit in bytes, at least 1
     * @return this builder
     * @throws IllegalArgumentException if the limit is less than 1
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException(
            "maxBodyBytes is " + maxBodyBytes + "; expected at least 1");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Sets the deepest nesting of JSON objects and arrays the parser accepts.
     *
     * @param maxDepth the depth limit, at least 4 (a skill event needs that many levels)
     * @return this builder
     * @throws IllegalArgumentException if the limit is less than 4
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 4) {
        throw new IllegalArgumentException("maxDepth is " + maxDepth + "; expected at least 4");
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Sets the clock that stamps {@link SkillsRequest#receivedAt()}, from which relative token
     * lifetimes count.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the parser.
     *
     * @return a new parser
     */
    public SkillsRequestParser build() {
      return new SkillsRequestParser(this);
    }
  }
}
