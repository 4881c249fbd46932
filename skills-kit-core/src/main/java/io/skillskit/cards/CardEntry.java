package io.skillskit.cards;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a keyword, timeline or transcript card: a text, for timeline cards an image, and
 * where the entry appears in the file.
 *
 * <pre>{@code
 * CardEntry topic = CardEntry.of("budget", TimeRange.of(12, 48));
 * CardEntry face = CardEntry.image("Speaker 1", "https://img.example.test/a.png", TimeRange.of(0, 5));
 * }</pre>
 *
 * <p>An entry is plain data and is checked only when a card builder takes it: the builder trims the
 * text, drops or rejects blank texts, and checks the image URL and the time ranges against the
 * rules of its card type. The text of an entry passed to a builder may therefore be {@code null} or
 * blank; the entries of a built card always have a trimmed, non-blank text.
 *
 * <p>In the card JSON an entry has {@code "type": "image"} when it has an image URL and {@code
 * "type": "text"} otherwise, as in Box's Node Skills Kit. Instances are immutable.
 */
public final class CardEntry {

  private final String text;
  private final String imageUrl;
  private final List<TimeRange> appears;

  private CardEntry(String text, String imageUrl, List<TimeRange> appears) {
    this.text = text;
    this.imageUrl = imageUrl;
    this.appears = appears;
  }

  /**
   * Creates an entry with a text and no timing.
   *
   * @param text the text shown on the card; a card builder drops or rejects a {@code null} or blank
   *     text
   * @return the entry
   */
  public static CardEntry of(String text) {
    return new CardEntry(text, null, List.of());
  }

  /**
   * Creates an entry with a text and where it appears.
   *
   * @param text the text shown on the card; a card builder drops or rejects a {@code null} or blank
   *     text
   * @param appears where the entry appears, in order; may be empty
   * @return the entry
   * @throws NullPointerException if {@code appears} or one of its elements is null
   */
  public static CardEntry of(String text, TimeRange... appears) {
    return new CardEntry(text, null, copy(appears));
  }

  /**
   * Creates an entry with a text and where it appears.
   *
   * @param text the text shown on the card; a card builder drops or rejects a {@code null} or blank
   *     text
   * @param appears where the entry appears, in order; may be empty; copied
   * @return the entry
   * @throws NullPointerException if {@code appears} or one of its elements is null
   */
  public static CardEntry of(String text, List<TimeRange> appears) {
    return new CardEntry(text, null, copy(appears));
  }

  /**
   * Creates a timeline entry with an image given by URL: an {@code https} or {@code http} URL, or a
   * {@code data:image/...;base64,} URI such as {@link Thumbnails#toDataUri(byte[])} returns.
   *
   * @param text the text shown next to the image
   * @param imageUrl the image; checked by the card builder
   * @param appears where the entry appears, in order
   * @return the entry
   * @throws NullPointerException if {@code imageUrl}, {@code appears} or one of its elements is
   *     null
   */
  public static CardEntry image(String text, String imageUrl, TimeRange... appears) {
    Objects.requireNonNull(imageUrl, "imageUrl");
    return new CardEntry(text, imageUrl, copy(appears));
  }

  /**
   * Creates a timeline entry with an image given by URL: an {@code https} or {@code http} URL, or a
   * {@code data:image/...;base64,} URI such as {@link Thumbnails#toDataUri(byte[])} returns.
   *
   * @param text the text shown next to the image
   * @param imageUrl the image; checked by the card builder
   * @param appears where the entry appears, in order; copied
   * @return the entry
   * @throws NullPointerException if {@code imageUrl}, {@code appears} or one of its elements is
   *     null
   */
  public static CardEntry image(String text, String imageUrl, List<TimeRange> appears) {
    Objects.requireNonNull(imageUrl, "imageUrl");
    return new CardEntry(text, imageUrl, copy(appears));
  }

  /** Creates an entry without copying or checking; for builders and the reader. */
  static CardEntry trusted(String text, String imageUrl, List<TimeRange> appears) {
    return new CardEntry(text, imageUrl, appears);
  }

  /** Returns a copy of this entry with another image URL; for the thumbnail inliner. */
  CardEntry withImageUrl(String newImageUrl) {
    return new CardEntry(text, newImageUrl, appears);
  }

  private static List<TimeRange> copy(TimeRange[] appears) {
    Objects.requireNonNull(appears, "appears");
    return copy(Arrays.asList(appears));
  }

  private static List<TimeRange> copy(List<TimeRange> appears) {
    Objects.requireNonNull(appears, "appears");
    for (int i = 0; i < appears.size(); i++) {
      if (appears.get(i) == null) {
        throw new NullPointerException("appears[" + i + "] is null");
      }
    }
    return List.copyOf(appears);
  }

  /**
   * Returns the text. On an entry of a built card it is trimmed and not blank.
   *
   * @return the text; {@code null} only on an entry that was created with a {@code null} text and
   *     has not been through a card builder
   */
  public String text() {
    return text;
  }

  /**
   * Returns the image URL, if the entry has one.
   *
   * @return an {@code http(s)} URL or a {@code data:} URI, or empty for a text entry
   */
  public Optional<String> imageUrl() {
    return Optional.ofNullable(imageUrl);
  }

  /**
   * Returns the entry type written into the card.
   *
   * @return {@code "image"} if the entry has an image URL, else {@code "text"}
   */
  public String type() {
    return imageUrl == null ? "text" : "image";
  }

  /**
   * Returns where the entry appears.
   *
   * @return an unmodifiable list in the order given; empty when the entry has no timing
   */
  public List<TimeRange> appears() {
    return appears;
  }

  /** Returns the image URL or null, without an Optional; for the writer and the inliner. */
  String imageUrlOrNull() {
    return imageUrl;
  }

  /**
   * Compares text, image URL and time ranges.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is an entry with equal parts
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof CardEntry)) {
      return false;
    }
    CardEntry that = (CardEntry) other;
    return Objects.equals(text, that.text)
        && Objects.equals(imageUrl, that.imageUrl)
        && appears.equals(that.appears);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(text, imageUrl, appears);
  }

  /**
   * Returns a short description. A long text is cut, a data URI is shown by its start, and the
   * query string of an image URL, which may carry a signature, is left out.
   *
   * @return text such as {@code CardEntry[text=budget, appears=[12-48]]}
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("CardEntry[text=").append(shorten(text, 80));
    if (imageUrl != null) {
      out.append(", imageUrl=").append(describeUrl(imageUrl));
    }
    if (!appears.isEmpty()) {
      out.append(", appears=").append(appears);
    }
    return out.append(']').toString();
  }

  static String shorten(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    return value.substring(0, max) + "...(" + value.length() + " chars)";
  }

  /** Describes an image URL for logs and messages: scheme, host and path, never the query. */
  static String describeUrl(String url) {
    if (url.regionMatches(true, 0, "data:", 0, 5)) {
      int comma = url.indexOf(',');
      String head = comma < 0 ? shorten(url, 40) : url.substring(0, Math.min(comma, 60));
      return head + ",...(" + url.length() + " chars)";
    }
    int cut = url.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = url.indexOf(stop);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    String withoutQuery = url.substring(0, cut);
    int authority = withoutQuery.indexOf("://");
    if (authority >= 0) {
      int pathStart = withoutQuery.indexOf('/', authority + 3);
      int hostEnd = pathStart < 0 ? withoutQuery.length() : pathStart;
      int at = withoutQuery.lastIndexOf('@', hostEnd - 1);
      if (at > authority) {
        // user:password@ in front of the host is a credential
        withoutQuery = withoutQuery.substring(0, authority + 3) + withoutQuery.substring(at + 1);
      }
    }
    return shorten(withoutQuery, 200);
  }
}
