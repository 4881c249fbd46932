package io.skillskit.examples.analysis;

import java.util.Locale;

/**
 * Everyday names for colours, chosen from an RGB value by its hue, saturation and lightness (the
 * HSL model).
 *
 * <p>The rules in {@link #of(int)}, in order:
 *
 * <ol>
 *   <li>Lightness below 10% is {@link #BLACK}, above 94% {@link #WHITE}.
 *   <li>Saturation below 15% is {@link #GREY}, or {@link #BLACK} below 20% lightness and {@link
 *       #WHITE} above 85%.
 *   <li>Otherwise the hue decides: red below 15 degrees and from 345 (pink when lightness is above
 *       75%), orange from 15 (brown when lightness is below 38%), yellow from 45 (brown below 30%
 *       lightness), green from 70, teal from 165, blue from 195, purple from 260, pink from 310.
 * </ol>
 */
public enum ColourName {
  /** Hues around 0 degrees. */
  RED,
  /** Hues from 15 to 45 degrees. */
  ORANGE,
  /** Hues from 45 to 70 degrees. */
  YELLOW,
  /** Hues from 70 to 165 degrees. */
  GREEN,
  /** Hues from 165 to 195 degrees. */
  TEAL,
  /** Hues from 195 to 260 degrees. */
  BLUE,
  /** Hues from 260 to 310 degrees. */
  PURPLE,
  /** Hues from 310 to 345 degrees, and light reds. */
  PINK,
  /** Dark oranges and yellows. */
  BROWN,
  /** Very dark colours. */
  BLACK,
  /** Colours with little saturation. */
  GREY,
  /** Very light colours. */
  WHITE;

  /**
   * Returns the name in lower case, as shown to users.
   *
   * @return for example {@code "blue"}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the name of an RGB colour by the rules in the class description.
   *
   * @param rgb the colour as {@code 0xRRGGBB}; higher bits, such as alpha, are ignored
   * @return the name of the colour
   */
  public static ColourName of(int rgb) {
    double red = ((rgb >> 16) & 0xFF) / 255.0;
    double green = ((rgb >> 8) & 0xFF) / 255.0;
    double blue = (rgb & 0xFF) / 255.0;
    double max = Math.max(red, Math.max(green, blue));
    double min = Math.min(red, Math.min(green, blue));
    double chroma = max - min;
    double lightness = (max + min) / 2;
    double saturation = chroma == 0 ? 0 : chroma / (1 - Math.abs(2 * lightness - 1));

    if (lightness < 0.10) {
      return BLACK;
    }
    if (lightness > 0.94) {
      return WHITE;
    }
    if (saturation < 0.15) {
      if (lightness < 0.20) {
        return BLACK;
      }
      return lightness > 0.85 ? WHITE : GREY;
    }
    return byHue(hueDegrees(red, green, blue, max, chroma), lightness);
  }

  private static ColourName byHue(double hue, double lightness) {
    if (hue < 15 || hue >= 345) {
      return lightness > 0.75 ? PINK : RED;
    }
    if (hue < 45) {
      return lightness < 0.38 ? BROWN : ORANGE;
    }
    if (hue < 70) {
      return lightness < 0.30 ? BROWN : YELLOW;
    }
    if (hue < 165) {
      return GREEN;
    }
    if (hue < 195) {
      return TEAL;
    }
    if (hue < 260) {
      return BLUE;
    }
    if (hue < 310) {
      return PURPLE;
    }
    return PINK;
  }

  private static double hueDegrees(
      double red, double green, double blue, double max, double chroma) {
    double hue;
    if (max == red) {
      hue = ((green - blue) / chroma) % 6;
    } else if (max == green) {
      hue = (blue - red) / chroma + 2;
    } else {
      hue = (red - green) / chroma + 4;
    }
    hue *= 60;
    return hue < 0 ? hue + 360 : hue;
  }
}
