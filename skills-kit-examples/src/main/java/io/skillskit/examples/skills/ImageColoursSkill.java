package io.skillskit.examples.skills;

import io.skillskit.box.FilesReader;
import io.skillskit.box.Usage;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.SkillCard;
import io.skillskit.examples.analysis.ColourPalette;
import io.skillskit.examples.analysis.ColourShare;
import io.skillskit.examples.analysis.DominantColours;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Describes an image with two keyword cards: {@code Colours}, its dominant colours with their share
 * (such as {@code blue (60%)}), and {@code Image}, its size and format (such as {@code 200 x 100
 * px} and {@code PNG}).
 *
 * <p>The skill reads the original file with {@link FilesReader#openContent()} so that the size is
 * the real one; Box's basic format for images is a JPEG scaled to 1024 x 1024 at most. An image
 * without any visible pixel gets only the {@code Image} card. Usage is one file.
 */
public final class ImageColoursSkill implements ExampleSkill {

  /** Title of the card with the dominant colours. */
  public static final String COLOURS_TITLE = "Colours";

  /** Title of the card with the size and format. */
  public static final String IMAGE_TITLE = "Image";

  /** Largest image file the skill reads, in bytes: 50 MiB. */
  public static final long MAX_FILE_BYTES = 50L << 20;

  private final DominantColours colours;

  /** Creates the skill with at most five colours per image. */
  public ImageColoursSkill() {
    this(DominantColours.withDefaults());
  }

  /**
   * Creates the skill with a colour extractor of the caller's settings.
   *
   * @param colours the extractor of dominant colours
   */
  public ImageColoursSkill(DominantColours colours) {
    this.colours = Objects.requireNonNull(colours, "colours");
  }

  @Override
  public Set<String> extensions() {
    return Set.of("png", "jpg", "jpeg", "gif", "bmp");
  }

  @Override
  public SkillResult process(SkillsRequest request, FilesReader reader) throws IOException {
    reader.requireFormat("png", "jpg", "jpeg", "gif", "bmp").requireMaxSize(MAX_FILE_BYTES);

    ColourPalette palette;
    try (InputStream image = reader.openContent()) {
      palette = colours.extract(image);
    }

    List<SkillCard> cards = new ArrayList<>(2);
    if (!palette.colours().isEmpty()) {
      KeywordCard.Builder colourCard = KeywordCard.builder(request).title(COLOURS_TITLE);
      for (ColourShare colour : palette.colours()) {
        colourCard.addEntry(colour.keyword());
      }
      cards.add(colourCard.build());
    }
    cards.add(
        KeywordCard.builder(request)
            .title(IMAGE_TITLE)
            .addEntry(sizeKeyword(palette))
            .addEntry(palette.format().toUpperCase(Locale.ROOT))
            .build());
    return new SkillResult(cards, Usage.ONE_FILE);
  }

  /**
   * Returns the size keyword of an image.
   *
   * @param palette the analysed image
   * @return for example {@code "640 x 480 px"}
   */
  static String sizeKeyword(ColourPalette palette) {
    return palette.width() + " x " + palette.height() + " px";
  }
}
