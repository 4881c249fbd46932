package io.skillskit.cards;

import io.skillskit.request.SkillsRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A timeline card ({@code skill_card_type} {@code timeline}): entries such as faces or speakers,
 * each with a small image and the time ranges where it appears. The Box web app lists the images
 * and, when one is clicked, marks its ranges on a timeline of the media.
 *
 * <pre>{@code
 * TimelineCard faces = TimelineCard.builder(request)
 *     .duration(1834)
 *     .addEntry("Speaker 1", pngBytes, TimeRange.of(0, 95), TimeRange.of(410, 702))
 *     .addEntry("Speaker 2", "https://img.example.test/b.png", TimeRange.of(95, 410))
 *     .build();
 * String json = faces.toJson();
 * }</pre>
 *
 * <p>Default title {@code Faces}, code {@code skills_faces}. Every entry needs at least one time
 * range with a start and an end. Box's schema requires an {@code image_url} on every timeline
 * entry, so an entry without an image is an error unless {@link Builder#allowTextEntries()} is set.
 * Image bytes are turned into a 45 x 45 PNG data URI with {@link Thumbnails}; remote image URLs are
 * kept as given unless {@link ThumbnailInliner} replaces them. Instances are immutable and
 * thread-safe; {@link #toJson()} builds the JSON on first use and caches it.
 *
 * <p>Differences from Box's Node Skills Kit ({@code createFacesCard}), all deliberate:
 *
 * <ul>
 *   <li>Image bytes that cannot be read make {@link Builder#build()} fail with a message naming the
 *       entry, instead of the original image being kept silently.
 *   <li>Fetching remote images is a separate, optional step ({@link ThumbnailInliner}) that reports
 *       each image it could not use.
 *   <li>An entry without an image is rejected, as Box's schema requires, unless text entries are
 *       allowed.
 *   <li>An entry with a blank text is dropped with a warning instead of failing the whole card, and
 *       a card left without entries raises {@link NoInfoFoundException} instead of being written
 *       empty; {@link Builder#rejectBlankEntries()} turns blank texts into errors.
 *   <li>Texts are trimmed; times are checked (finite, not negative, start not after end).
 *   <li>The title code of a custom title is lower-cased in the root locale with every run of spaces
 *       replaced by {@code _}. The Node kit replaces only the first space and turns {@code My Card
 *       Title} into {@code skills_my_card title}.
 *   <li>{@code created_at} comes from an injectable {@link Clock}.
 *   <li>The builder copies what it is given and never changes the caller's objects.
 *   <li>A duration of {@code 0} is written; the Node kit drops it.
 * </ul>
 */
public final class TimelineCard implements SkillCard {

  /** The {@code skill_card_type} of timeline cards. */
  public static final String CARD_TYPE = "timeline";

  /** The title used when the builder is given none. */
  public static final String DEFAULT_TITLE = "Faces";

  private static final Logger log = LoggerFactory.getLogger(TimelineCard.class);

  private final Envelope envelope;
  private final List<CardEntry> entries;
  private final double duration;
  private String json;

  TimelineCard(Envelope envelope, List<CardEntry> entries, double duration) {
    this.envelope = envelope;
    this.entries = entries;
    this.duration = duration;
  }

  /**
   * Starts a timeline card for the invocation a request describes: the card's skill id and
   * invocation id come from the request.
   *
   * @param request the parsed skill invocation event
   * @return a new builder
   * @throws NullPointerException if {@code request} is null
   */
  public static Builder builder(SkillsRequest request) {
    return new Builder(new Envelope.Settings(request));
  }

  /**
   * Starts a timeline card with an explicit skill id and invocation id.
   *
   * <pre>{@code
   * TimelineCard card = TimelineCard.builder("10027", "3f1c2a9e_2048001001")
   *     .addEntry("Speaker 1", dataUri, 0, 5)
   *     .build();
   * }</pre>
   *
   * @param skillId the skill id written as {@code skill.id}
   * @param invocationId the invocation id written as {@code invocation.id}
   * @return a new builder
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
   * Returns the length of the media in seconds, {@code duration}.
   *
   * @return the duration, or empty when none was set
   */
  public OptionalDouble duration() {
    return Double.isNaN(duration) ? OptionalDouble.empty() : OptionalDouble.of(duration);
  }

  /**
   * Returns the entries.
   *
   * @return an unmodifiable, non-empty list of entries with trimmed, non-blank texts
   */
  public List<CardEntry> entries() {
    return entries;
  }

  /**
   * Returns the card as Box stores it, in compact JSON. Keys are in the order of Box's Node Skills
   * Kit: {@code created_at, type, skill, skill_card_type, skill_card_title, invocation, status,
   * entries, duration}.
   *
   * @return the card JSON
   */
  @Override
  public String toJson() {
    String result = json;
    if (result == null) {
      result = DataCards.toJson(envelope, CARD_TYPE, entries, duration);
      json = result;
    }
    return result;
  }

  Envelope envelope() {
    return envelope;
  }

  /** Returns a copy with other entries, keeping everything else; for the thumbnail inliner. */
  TimelineCard withEntries(List<CardEntry> newEntries) {
    return new TimelineCard(envelope, List.copyOf(newEntries), duration);
  }

  /**
   * Compares the card JSON.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a timeline card with the same JSON
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof TimelineCard && toJson().equals(((TimelineCard) other).toJson());
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
   * Returns a short description without the entry texts.
   *
   * @return text such as {@code TimelineCard[title=Faces, entries=3, invocation=...]}
   */
  @Override
  public String toString() {
    return "TimelineCard[title="
        + envelope.title()
        + ", entries="
        + entries.size()
        + ", invocation="
        + envelope.invocationId()
        + "]";
  }

  /**
   * Collects the title, entries and options of a timeline card. Not thread-safe; {@link #build()}
   * may be called more than once.
   *
   * <p><b>Blank texts.</b> By default every entry text is trimmed, and an entry whose text is
   * {@code null}, empty or blank is dropped with one WARN log line naming the entry indexes, so
   * that one empty label from an analysis service does not cost the whole card. If no entry is
   * left, {@link #build()} throws {@link NoInfoFoundException}. After {@link #rejectBlankEntries()}
   * a blank text makes {@link #build()} throw {@link IllegalArgumentException} instead. Entry
   * indexes in messages count from 0 in the order the entries were added, dropped ones included.
   */
  public static final class Builder {

    private final Envelope.Settings settings;
    private final EntryCollector entries;
    private double duration = DataCards.NO_DURATION;
    private boolean hasDuration;

    private Builder(Envelope.Settings settings) {
      this.settings = settings;
      this.entries = new EntryCollector(EntryCollector.Rules.TIMELINE, log);
    }

    /**
     * Sets the title the web app shows. The title code becomes {@code skills_} plus the title in
     * lower case with each run of spaces replaced by {@code _}, unless {@link #titleCode(String)}
     * sets one.
     *
     * <pre>{@code
     * TimelineCard card = TimelineCard.builder(request).title("On Screen")
     *     .addEntry("Logo", dataUri, 0, 5).build();
     * // skill_card_title: {"code": "skills_on_screen", "message": "On Screen"}
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
     * TimelineCard card = TimelineCard.builder(request)
     *     .title("People (revised)").titleCode("skills_faces")
     *     .addEntry("Speaker 1", dataUri, 0, 5).build();
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
     * Sets the length of the media in seconds.
     *
     * <pre>{@code
     * TimelineCard card = TimelineCard.builder(request).duration(1834).addEntry("Speaker 1", dataUri, 0, 5).build();
     * }</pre>
     *
     * @param seconds finite and not negative (checked by {@link #build()}); integral values are
     *     written without a fraction
     * @return this builder
     */
    public Builder duration(double seconds) {
      this.duration = seconds;
      this.hasDuration = true;
      return this;
    }

    /**
     * Sets the clock that stamps {@code created_at}; the default is the system clock in UTC.
     *
     * <pre>{@code
     * Clock clock = Clock.fixed(Instant.parse("2026-03-14T16:27:05.417Z"), ZoneOffset.UTC);
     * TimelineCard card = TimelineCard.builder(request).clock(clock).addEntry("Speaker 1", dataUri, 0, 5).build();
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
     * Makes a blank entry text an error instead of dropping the entry.
     *
     * <pre>{@code
     * TimelineCard.Builder strict = TimelineCard.builder(request).rejectBlankEntries()
     *     .addEntry(" ", dataUri, 0, 5);
     * // strict.build() throws IllegalArgumentException: timeline entry 0 text must not be blank
     * }</pre>
     *
     * @return this builder
     */
    public Builder rejectBlankEntries() {
      entries.rejectBlankEntries();
      return this;
    }

    /**
     * Allows entries without an image, written with {@code "type": "text"} as the Node Skills Kit
     * does. Box's schema requires an image on timeline entries, so use this only for timelines such
     * as speech and silence, where no image fits.
     *
     * <pre>{@code
     * TimelineCard speech = TimelineCard.builder(request).title("Speech").allowTextEntries()
     *     .addEntry("Speech", TimeRange.of(0, 4.5), TimeRange.of(6, 9))
     *     .build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder allowTextEntries() {
      entries.allowTextEntries();
      return this;
    }

    /**
     * Adds an entry whose image is given by URL: an {@code https} or {@code http} URL, or a {@code
     * data:image/...;base64,} URI.
     *
     * <pre>{@code
     * TimelineCard card = TimelineCard.builder(request)
     *     .addEntry("Speaker 2", "https://img.example.test/b.png", TimeRange.of(95, 410))
     *     .build();
     * }</pre>
     *
     * @param text the label; a {@code null} or blank text is dropped or rejected as the class
     *     comment describes
     * @param imageUrl the image URL, checked by {@link #build()}
     * @param first where the entry appears
     * @param more further ranges
     * @return this builder
     * @throws NullPointerException if {@code imageUrl}, a range or {@code more} is null
     */
    public Builder addEntry(String text, String imageUrl, TimeRange first, TimeRange... more) {
      entries.add(text, imageUrl, first, more);
      return this;
    }

    /**
     * Adds an entry whose image is given as bytes; {@link #build()} turns them into a 45 x 45 PNG
     * data URI. The bytes are copied.
     *
     * <pre>{@code
     * TimelineCard card = TimelineCard.builder(request)
     *     .addEntry("Speaker 1", pngBytes, TimeRange.of(0, 95), TimeRange.of(410, 702))
     *     .build();
     * }</pre>
     *
     * @param text the label; a {@code null} or blank text is dropped or rejected as the class
     *     comment describes
     * @param image the bytes of a PNG, JPEG, GIF or BMP image
     * @param first where the entry appears
     * @param more further ranges
     * @return this builder
     * @throws NullPointerException if {@code image}, a range or {@code more} is null
     */
    public Builder addEntry(String text, byte[] image, TimeRange first, TimeRange... more) {
      entries.add(text, image, first, more);
      return this;
    }

    /**
     * Adds an entry with an image URL that appears once, from {@code start} to {@code end} seconds.
     * The times are checked by {@link #build()}, whose message then names the entry.
     *
     * <pre>{@code
     * TimelineCard card = TimelineCard.builder(request).addEntry("Logo", dataUri, 0, 5).build();
     * }</pre>
     *
     * @param text the label; a {@code null} or blank text is dropped or rejected as the class
     *     comment describes
     * @param imageUrl the image URL, checked by {@link #build()}
     * @param start seconds; finite and not negative
     * @param end seconds; finite and not before {@code start}
     * @return this builder
     * @throws NullPointerException if {@code imageUrl} is null
     */
    public Builder addEntry(String text, String imageUrl, double start, double end) {
      Objects.requireNonNull(imageUrl, "imageUrl");
      entries.addTimed(text, imageUrl, null, start, end);
      return this;
    }

    /**
     * Adds an entry with image bytes that appears once, from {@code start} to {@code end} seconds.
     * The bytes are copied and turned into a thumbnail by {@link #build()}.
     *
     * <pre>{@code
     * TimelineCard card = TimelineCard.builder(request).addEntry("Logo", pngBytes, 0, 5).build();
     * }</pre>
     *
     * @param text the label; a {@code null} or blank text is dropped or rejected as the class
     *     comment describes
     * @param image the bytes of a PNG, JPEG, GIF or BMP image
     * @param start seconds; finite and not negative
     * @param end seconds; finite and not before {@code start}
     * @return this builder
     * @throws NullPointerException if {@code image} is null
     */
    public Builder addEntry(String text, byte[] image, double start, double end) {
      Objects.requireNonNull(image, "image");
      entries.addTimed(text, null, image, start, end);
      return this;
    }

    /**
     * Adds an entry without an image. {@link #build()} rejects it unless {@link
     * #allowTextEntries()} is set.
     *
     * <pre>{@code
     * TimelineCard card = TimelineCard.builder(request).allowTextEntries()
     *     .addEntry("Silence", TimeRange.of(4.5, 6))
     *     .build();
     * }</pre>
     *
     * @param text the label; a {@code null} or blank text is dropped or rejected as the class
     *     comment describes
     * @param first where the entry appears
     * @param more further ranges
     * @return this builder
     * @throws NullPointerException if a range or {@code more} is null
     */
    public Builder addEntry(String text, TimeRange first, TimeRange... more) {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(more, "more");
      TimeRange[] all = new TimeRange[more.length + 1];
      all[0] = first;
      System.arraycopy(more, 0, all, 1, more.length);
      entries.add(text, all);
      return this;
    }

    /**
     * Adds entries.
     *
     * <pre>{@code
     * TimelineCard card = TimelineCard.builder(request)
     *     .addEntries(CardEntry.image("Speaker 1", dataUri, TimeRange.of(0, 5)))
     *     .build();
     * }</pre>
     *
     * @param entries the entries, in order
     * @return this builder
     * @throws NullPointerException if {@code entries} or one of its elements is null
     */
    public Builder addEntries(CardEntry... entries) {
      this.entries.addAll(entries);
      return this;
    }

    /**
     * Adds entries from a collection, in its iteration order. The collection is copied; later
     * changes to it do not reach the card.
     *
     * <pre>{@code
     * List<CardEntry> found = List.of(CardEntry.image("Speaker 1", dataUri, TimeRange.of(0, 5)));
     * TimelineCard card = TimelineCard.builder(request).addAllEntries(found).build();
     * }</pre>
     *
     * @param entries the entries
     * @return this builder
     * @throws NullPointerException if {@code entries} or one of its elements is null
     */
    public Builder addAllEntries(Collection<? extends CardEntry> entries) {
      this.entries.addAll(entries);
      return this;
    }

    /**
     * Checks everything and builds the card, stamped with the clock's current time.
     *
     * @return the card
     * @throws IllegalArgumentException if the title or title code is blank, the duration or a time
     *     is negative, NaN or infinite, a start is after its end, an entry has no range or a range
     *     has no end, an image URL is blank or neither {@code http(s)} nor a base64 {@code
     *     data:image} URI, an entry has no image (unless {@link #allowTextEntries()} is set), or
     *     (after {@link #rejectBlankEntries()}) a text is blank; the message names the entry index
     *     and the value
     * @throws ThumbnailException if the image bytes of an entry cannot be read; the message names
     *     the entry index and the reason
     * @throws NoInfoFoundException if no entry is left after blank ones are dropped
     */
    public TimelineCard build() {
      if (hasDuration) {
        EntryCollector.checkDuration(CARD_TYPE, duration);
      }
      Envelope envelope = settings.build(CARD_TYPE, DEFAULT_TITLE);
      List<CardEntry> checked = entries.finish(envelope.title(), hasDuration);
      return new TimelineCard(envelope, checked, duration + 0.0);
    }
  }
}
