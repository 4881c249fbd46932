package io.skillskit.examples.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * One dominant colour of an image and how much of the image it covers.
 *
 * @param name the everyday name of the colour, from {@link ColourName#label()}, for example {@code
 *     "blue"}
 * @param hex the average colour of the pixels in this group as {@code #RRGGBB}, upper case
 * @param percent the share of the image's visible pixels in this group, from 0 to 100, rounded to
 *     one decimal
 */
public record ColourShare(String name, String hex, double percent) {

  /**
   * Creates a colour share after checking its values.
   *
   * @param name the everyday name of the colour, not blank
   * @param hex the colour as {@code #RRGGBB}
   * @param percent the share from 0 to 100
   * @throws IllegalArgumentException if the name is blank, the hex code is malformed or the share
   *     is outside 0 to 100
   */
  public ColourShare {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hex, "hex");
    if (name.isBlank()) {
      throw new IllegalArgumentException("Colour name is blank: expected a name such as 'blue'.");
    }
    if (!hex.matches("#[0-9A-F]{6}")) {
      throw new IllegalArgumentException(
          "Colour code '" + hex + "' is malformed: expected '#' and six upper-case hex digits.");
    }
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException(
          "Colour share " + percent + "% is outside the range 0 to 100.");
    }
  }

  /**
   * Returns the colour as an integer.
   *
   * @return the colour as {@code 0xRRGGBB}
   */
  public int rgb() {
    return Integer.parseInt(hex.substring(1), 16);
  }

  /**
   * Returns a short text for a keyword card, such as {@code "blue (60%)"}.
   *
   * @return the name and the share rounded to a whole percent
   */
  public String keyword() {
    return String.format(Locale.ROOT, "%s (%d%%)", name, Math.round(percent));
  }
}
