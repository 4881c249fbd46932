package io.skillskit.examples.analysis;

import java.util.List;
import java.util.Objects;

/**
 * The dominant colours of an image, largest share first, with the image's format and size.
 *
 * @param format the image format as Java's image reader names it, lower case: {@code png}, {@code
 *     jpeg}, {@code gif} or {@code bmp}
 * @param width the width of the image in pixels
 * @param height the height of the image in pixels
 * @param colours the dominant colours, largest share first, or empty when every pixel is fully
 *     transparent
 */
public record ColourPalette(String format, int width, int height, List<ColourShare> colours) {

  /**
   * Creates a palette after checking the size and copying the colour list.
   *
   * @param format the image format, lower case
   * @param width the width of the image in pixels, at least 1
   * @param height the height of the image in pixels, at least 1
   * @param colours the dominant colours, largest share first
   * @throws IllegalArgumentException if the width or height is below 1
   */
  public ColourPalette {
    Objects.requireNonNull(format, "format");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "Image size " + width + "x" + height + " is invalid: expected at least 1x1 pixels.");
    }
    colours = List.copyOf(colours);
  }

  /**
   * Returns the distinct colour names in order of their first appearance, for a keyword card. Two
   * dominant colours may share a name, for example a light and a dark blue.
   *
   * @return the names, largest share first
   */
  public List<String> names() {
    return colours.stream().map(ColourShare::name).distinct().toList();
  }
}
