package io.skillskit.cards;

import io.skillskit.request.SkillsRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A keyword card ({@code skill_card_type} {@code keyword}): a list of topics or labels, each
 * optionally with where it appears in the file. The Box web app shows the texts as pills.
 *
 * <pre>{@code
 * KeywordCard topics = KeywordCard.builder(request).title("Topics")
 *     .addEntry("budget").addEntry("hiring").build();
 * String json = topics.toJson();
 * }</pre>
 *
 * <p>Default title {@code Topics}, code {@code skills_topics}. Instances are immutable and
 * thread-safe; {@link #toJson()} builds the JSON on first use and caches it.
 *
 * <p>Differences from Box's Node Skills Kit ({@code createTopicsCard}), all deliberate:
 *
 * <ul>
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
public final class KeywordCard implements SkillCard {

  /** The {@code skill_card_type} of keyword cards. */
  public static final String CARD_TYPE = "keyword";

  /** The title used when the builder is given none. */
  public static final String DEFAULT_TITLE = "Topics";

  private static final Logger log = LoggerFactory.getLogger(KeywordCard.class);

  private final Envelope envelope;
  private final List<CardEntry> entries;
  private final double duration;
  private String json;

  KeywordCard(Envelope envelope, List<CardEntry> entries, double duration) {
    this.envelope = envelope;
    this.entries = entries;
    this.duration = duration;
  }

  /**
   * Starts a keyword card for the invocation a request describes: the card's skill id and
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
   * Starts a keyword card with an explicit skill id and invocation id.
   *
   * <pre>{@code
   * KeywordCard card = KeywordCard.builder("10027", "3f1c2a9e_2048001001")
   *     .addEntry("budget")
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

  /**
   * Compares the card JSON.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a keyword card with the same JSON
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof KeywordCard && toJson().equals(((KeywordCard) other).toJson());
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
   * @return text such as {@code KeywordCard[title=Topics, entries=3, invocation=...]}
   */
  @Override
  public String toString() {
    return "KeywordCard[title="
        + envelope.title()
        + ", entries="
        + entries.size()
        + ", invocation="
        + envelope.invocationId()
        + "]";
  }

  /**
   * Collects the title, entries and options of a keyword card. Not thread-safe; {@link #build()}
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
      this.entries = new EntryCollector(EntryCollector.Rules.KEYWORD, log);
    }

    /**
     * Sets the title the web app shows. The title code becomes {@code skills_} plus the title in
     * lower case with each run of spaces replaced by {@code _}, unless {@link #titleCode(String)}
     * sets one.
     *
     * <pre>{@code
     * KeywordCard card = KeywordCard.builder(request).title("Key Phrases").addEntry("budget").build();
     * // skill_card_title: {"code": "skills_key_phrases", "message": "Key Phrases"}
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
     * KeywordCard card = KeywordCard.builder(request)
     *     .title("Topics (revised)").titleCode("skills_topics")
     *     .addEntry("budget").build();
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
     * KeywordCard card = KeywordCard.builder(request).duration(1834).addEntry("budget").build();
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
     * KeywordCard card = KeywordCard.builder(request).clock(clock).addEntry("budget").build();
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
     * KeywordCard.Builder strict = KeywordCard.builder(request).rejectBlankEntries().addEntry(" ");
     * // strict.build() throws IllegalArgumentException: keyword entry 0 text must not be blank
     * }</pre>
     *
     * @return this builder
     */
    public Builder rejectBlankEntries() {
      entries.rejectBlankEntries();
      return this;
    }

    /**
     * Adds an entry without timing.
     *
     * <pre>{@code
     * KeywordCard card = KeywordCard.builder(request).addEntry("budget").addEntry("hiring").build();
     * }</pre>
     *
     * @param text the keyword; a {@code null} or blank text is dropped or rejected as the class
     *     comment describes
     * @return this builder
     */
    public Builder addEntry(String text) {
      entries.add(text, new TimeRange[0]);
      return this;
    }

    /**
     * Adds an entry with where it appears in the file.
     *
     * <pre>{@code
     * KeywordCard card = KeywordCard.builder(request)
     *     .addEntry("quarterly roadmap", TimeRange.of(12, 48), TimeRange.of(903, 960))
     *     .build();
     * }</pre>
     *
     * @param text the keyword; a {@code null} or blank text is dropped or rejected as the class
     *     comment describes
     * @param appears where it appears; each range needs an end
     * @return this builder
     * @throws NullPointerException if {@code appears} or one of its elements is null
     */
    public Builder addEntry(String text, TimeRange... appears) {
      entries.add(text, appears);
      return this;
    }

    /**
     * Adds an entry that appears once, from {@code start} to {@code end} seconds. The times are
     * checked by {@link #build()}, whose message then names the entry.
     *
     * <pre>{@code
     * KeywordCard card = KeywordCard.builder(request).addEntry("budget", 12, 48).build();
     * }</pre>
     *
     * @param text the keyword; a {@code null} or blank text is dropped or rejected as the class
     *     comment describes
     * @param start seconds; finite and not negative
     * @param end seconds; finite and not before {@code start}
     * @return this builder
     */
    public Builder addEntry(String text, double start, double end) {
      entries.addTimed(text, null, null, start, end);
      return this;
    }

    /**
     * Adds entries. Entries with an image URL are rejected by {@link #build()}: only timeline
     * entries carry images.
     *
     * <pre>{@code
     * KeywordCard card = KeywordCard.builder(request)
     *     .addEntries(CardEntry.of("budget"), CardEntry.of("hiring", TimeRange.of(5, 9)))
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
     * List<CardEntry> found = List.of(CardEntry.of("budget"), CardEntry.of("hiring"));
     * KeywordCard card = KeywordCard.builder(request).addAllEntries(found).build();
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
     *     is negative, NaN or infinite, a start is after its end, a range has no end, an entry has
     *     an image URL, or (after {@link #rejectBlankEntries()}) a text is blank; the message names
     *     the entry index and the value
     * @throws NoInfoFoundException if no entry is left after blank ones are dropped
     */
    public KeywordCard build() {
      if (hasDuration) {
        EntryCollector.checkDuration(CARD_TYPE, duration);
      }
      Envelope envelope = settings.build(CARD_TYPE, DEFAULT_TITLE);
      List<CardEntry> checked = entries.finish(envelope.title(), hasDuration);
      return new KeywordCard(envelope, checked, duration + 0.0);
    }
  }
}
