package io.skillskit.cards;

import io.skillskit.internal.CardJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Collects the entries given to a card builder and turns them into checked card entries at {@code
 * build()}. The caller's objects are copied when added and never changed.
 */
final class EntryCollector {

  /** The entry rules of one card type. */
  enum Rules {
    KEYWORD("keyword", false, false, true),
    TIMELINE("timeline", true, true, true),
    TRANSCRIPT("transcript", false, false, false);

    final String cardType;
    final boolean imageAllowed;
    final boolean appearsRequired;
    final boolean endRequired;

    Rules(String cardType, boolean imageAllowed, boolean appearsRequired, boolean endRequired) {
      this.cardType = cardType;
      this.imageAllowed = imageAllowed;
      this.appearsRequired = appearsRequired;
      this.endRequired = endRequired;
    }
  }

  /** Maximum number of entry indexes listed in one log line. */
  private static final int MAX_LOGGED_INDEXES = 20;

  private static final byte NO_RAW = 0;
  private static final byte RAW_START = 1;
  private static final byte RAW_RANGE = 2;

  /** One entry as given to the builder, not yet checked. */
  private static final class Pending {
    final String text;
    final String imageUrl;
    final byte[] image;
    final List<TimeRange> appears;
    final byte rawKind;
    final double rawStart;
    final double rawEnd;

    Pending(
        String text,
        String imageUrl,
        byte[] image,
        List<TimeRange> appears,
        byte rawKind,
        double rawStart,
        double rawEnd) {
      this.text = text;
      this.imageUrl = imageUrl;
      this.image = image;
      this.appears = appears;
      this.rawKind = rawKind;
      this.rawStart = rawStart;
      this.rawEnd = rawEnd;
    }
  }

  private final Rules rules;

  /** Logger for warnings; null when reading cards, which logs nothing. */
  private final Logger log;

  private final List<Pending> pending = new ArrayList<>();
  private boolean rejectBlank;
  private boolean allowTextEntries;

  EntryCollector(Rules rules, Logger log) {
    this.rules = rules;
    this.log = log;
  }

  void rejectBlankEntries() {
    rejectBlank = true;
  }

  void allowTextEntries() {
    allowTextEntries = true;
  }

  void add(String text, TimeRange[] appears) {
    pending.add(new Pending(text, null, null, copy(appears), NO_RAW, 0, 0));
  }

  void add(String text, String imageUrl, TimeRange first, TimeRange[] more) {
    Objects.requireNonNull(imageUrl, "imageUrl");
    pending.add(new Pending(text, imageUrl, null, copy(first, more), NO_RAW, 0, 0));
  }

  void add(String text, byte[] image, TimeRange first, TimeRange[] more) {
    Objects.requireNonNull(image, "image");
    pending.add(new Pending(text, null, image.clone(), copy(first, more), NO_RAW, 0, 0));
  }

  void addTimed(String text, String imageUrl, byte[] image, double start, double end) {
    byte[] imageCopy = image == null ? null : image.clone();
    pending.add(new Pending(text, imageUrl, imageCopy, List.of(), RAW_RANGE, start, end));
  }

  void addStart(String text, double start) {
    pending.add(new Pending(text, null, null, List.of(), RAW_START, start, 0));
  }

  void add(CardEntry entry) {
    Objects.requireNonNull(entry, "entry");
    pending.add(
        new Pending(entry.text(), entry.imageUrlOrNull(), null, entry.appears(), NO_RAW, 0, 0));
  }

  void addAll(CardEntry[] entries) {
    Objects.requireNonNull(entries, "entries");
    addAll(Arrays.asList(entries));
  }

  void addAll(Collection<? extends CardEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    // check first so that a null element adds nothing
    int index = 0;
    for (CardEntry entry : entries) {
      if (entry == null) {
        throw new NullPointerException("entries[" + index + "] is null");
      }
      index++;
    }
    for (CardEntry entry : entries) {
      add(entry);
    }
  }

  private static List<TimeRange> copy(TimeRange[] appears) {
    Objects.requireNonNull(appears, "appears");
    for (int i = 0; i < appears.length; i++) {
      if (appears[i] == null) {
        throw new NullPointerException("appears[" + i + "] is null");
      }
    }
    return List.of(appears);
  }

  private static List<TimeRange> copy(TimeRange first, TimeRange[] more) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(more, "more");
    TimeRange[] all = new TimeRange[more.length + 1];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return copy(all);
  }

  /**
   * Checks every entry and returns the card's entries.
   *
   * @param title the card title, for messages
   * @param hasDuration whether the card has a duration, for the missing-timing warning
   * @throws NoInfoFoundException if no entry is left
   */
  List<CardEntry> finish(String title, boolean hasDuration) {
    List<CardEntry> entries = new ArrayList<>(pending.size());
    List<Integer> blank = null;
    List<Integer> untimed = null;
    for (int index = 0; index < pending.size(); index++) {
      Pending entry = pending.get(index);
      if (CardText.isBlank(entry.text)) {
        if (rejectBlank) {
          throw new IllegalArgumentException(
              describe(index) + " text must not be blank, got " + CardText.quote(entry.text));
        }
        if (blank == null) {
          blank = new ArrayList<>();
        }
        blank.add(index);
        continue;
      }
      CardEntry checked = check(index, entry);
      if (hasDuration && checked.appears().isEmpty()) {
        if (untimed == null) {
          untimed = new ArrayList<>();
        }
        untimed.add(index);
      }
      entries.add(checked);
    }
    if (blank != null && log != null) {
      log.warn(
          "Dropped {} of {} {} entries for blank text, at indexes {}",
          blank.size(),
          pending.size(),
          rules.cardType,
          firstIndexes(blank));
    }
    if (untimed != null && log != null) {
      log.warn(
          "{} of {} {} entries have no appears although the card has a duration, at indexes {}",
          untimed.size(),
          entries.size(),
          rules.cardType,
          firstIndexes(untimed));
    }
    if (entries.isEmpty()) {
      String why =
          pending.isEmpty()
              ? "no entries were added"
              : "all " + pending.size() + " entries had blank text";
      throw new NoInfoFoundException(
          rules.cardType + " card " + CardText.quote(title) + " has no entries: " + why);
    }
    return List.copyOf(entries);
  }

  private String describe(int index) {
    return rules.cardType + " entry " + index;
  }

  private static String firstIndexes(List<Integer> indexes) {
    if (indexes.size() <= MAX_LOGGED_INDEXES) {
      return indexes.toString();
    }
    return indexes.subList(0, MAX_LOGGED_INDEXES).toString() + " and more";
  }

  private CardEntry check(int index, Pending entry) {
    String text = CardText.strip(entry.text);
    int bad = CardText.unpairedSurrogate(text);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          describe(index)
              + " text has an unpaired UTF-16 surrogate at index "
              + bad
              + "; expected valid Unicode text");
    }
    List<TimeRange> appears = checkAppears(index, entry);
    String imageUrl = checkImage(index, entry);
    return CardEntry.trusted(text, imageUrl, appears);
  }

  private List<TimeRange> checkAppears(int index, Pending entry) {
    List<TimeRange> appears;
    if (entry.rawKind == RAW_RANGE) {
      String problem = TimeRange.problem(entry.rawStart, entry.rawEnd);
      if (problem != null) {
        throw new IllegalArgumentException(describe(index) + " has an invalid time: " + problem);
      }
      appears = List.of(TimeRange.of(entry.rawStart, entry.rawEnd));
    } else if (entry.rawKind == RAW_START) {
      String problem = TimeRange.problem(entry.rawStart);
      if (problem != null) {
        throw new IllegalArgumentException(describe(index) + " has an invalid time: " + problem);
      }
      appears = List.of(TimeRange.startingAt(entry.rawStart));
    } else {
      appears = entry.appears;
    }
    if (rules.appearsRequired && appears.isEmpty()) {
      throw new IllegalArgumentException(
          describe(index) + " has no appears; a " + rules.cardType + " entry needs a time range");
    }
    if (rules.endRequired) {
      for (int i = 0; i < appears.size(); i++) {
        if (!appears.get(i).hasEnd()) {
          throw new IllegalArgumentException(
              describe(index)
                  + " appears["
                  + i
                  + "] "
                  + appears.get(i)
                  + " has no end; "
                  + rules.cardType
                  + " entries need start and end");
        }
      }
    }
    return appears;
  }

  private String checkImage(int index, Pending entry) {
    if (!rules.imageAllowed) {
      if (entry.imageUrl != null) {
        throw new IllegalArgumentException(
            describe(index)
                + " has an image_url; only timeline entries carry images, got "
                + CardEntry.describeUrl(entry.imageUrl));
      }
      return null;
    }
    if (entry.image != null) {
      try {
        return Thumbnails.toDataUri(entry.image);
      } catch (ThumbnailException e) {
        throw new ThumbnailException(
            describe(index) + " image could not be made into a thumbnail: " + e.getMessage(), e);
      }
    }
    if (entry.imageUrl != null) {
      String problem = CardText.imageUrlProblem(entry.imageUrl);
      if (problem != null) {
        throw new IllegalArgumentException(
            describe(index)
                + " image_url "
                + CardText.quote(CardEntry.describeUrl(entry.imageUrl))
                + " "
                + problem);
      }
      return entry.imageUrl;
    }
    if (!allowTextEntries) {
      throw new IllegalArgumentException(
          describe(index)
              + " has no image; Box requires an image_url on every timeline entry. Add an image"
              + " or call allowTextEntries() to write it as a text entry");
    }
    return null;
  }

  /** Checks a duration given to a builder. */
  static void checkDuration(String cardType, double duration) {
    if (!Double.isFinite(duration) || duration < 0) {
      throw new IllegalArgumentException(
          cardType
              + " card duration "
              + CardJson.secondsText(duration)
              + " is invalid; expected a finite number of seconds, not negative");
    }
  }
}
