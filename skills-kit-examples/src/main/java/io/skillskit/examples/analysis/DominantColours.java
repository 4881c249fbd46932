package io.skillskit.examples.analysis;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Finds the dominant colours of a PNG, JPEG, GIF or BMP image and names them.
 *
 * <p>The image is decoded with subsampling, so that its longer side has at most {@link
 * Builder#sampleSize(int) sampleSize} pixels (256 by default): a photo of many megapixels costs
 * about as much memory and time to decode as a thumbnail. The colours are then grouped in two
 * steps:
 *
 * <ol>
 *   <li>Each visible pixel is counted in one of 4096 boxes, 16 levels per channel, which also sum
 *       the exact colours so that each box yields its average colour.
 *   <li>Boxes are taken from the fullest down, and each joins the first group whose average colour
 *       is within a distance of 40 in RGB space (0 to 441), or starts a new group.
 * </ol>
 *
 * <p>The largest groups are returned with their share of the visible pixels, their average colour
 * as a hex code and a {@link ColourName}. Fully transparent pixels are ignored, while partly
 * transparent pixels count like opaque ones. Of an animated GIF only the first frame is read. The
 * result is deterministic: the same bytes always give the same palette.
 *
 * <pre>{@code
 * ColourPalette palette = DominantColours.withDefaults().extract(imageBytes);
 * ColourShare top = palette.colours().get(0);
 * System.out.println(top.name() + " " + top.hex() + " " + top.percent() + "%");
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class DominantColours {

  /** Default number of colours returned. */
  public static final int DEFAULT_MAX_COLOURS = 5;

  /** Default limit, in pixels, for the longer side of the decoded image. */
  public static final int DEFAULT_SAMPLE_SIZE = 256;

  /** Image formats read, as Java's image readers name them. */
  private static final Set<String> SUPPORTED_FORMATS = Set.of("png", "jpeg", "gif", "bmp");

  private static final String EXPECTED = "expected a PNG, JPEG, GIF or BMP image";

  /** Maximum RGB distance between a box and a group it joins, about 9% of black to white. */
  private static final double MERGE_DISTANCE = 40;

  private final int maxColours;
  private final int sampleSize;

  private DominantColours(Builder builder) {
    this.maxColours = builder.maxColours;
    this.sampleSize = builder.sampleSize;
  }

  /**
   * Returns an extractor with the default number of colours and sample size.
   *
   * @return an extractor with default settings
   */
  public static DominantColours withDefaults() {
    return builder().build();
  }

  /**
   * Returns a builder that starts from the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the dominant colours of an image held in memory.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @return the image's format, size and dominant colours
   * @throws UnsupportedFormatException if the bytes are empty or not an image of a supported format
   * @throws AnalysisException if the image is of a supported format but truncated or damaged
   */
  public ColourPalette extract(byte[] image) {
    Objects.requireNonNull(image, "image");
    try {
      return extract(new ByteArrayInputStream(image));
    } catch (IOException e) {
      // Reading from a byte array does not fail, and decoding errors are reported before this.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads an image from a stream and returns its dominant colours. The stream is not closed.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file, from its first byte
   * @return the image's format, size and dominant colours
   * @throws UnsupportedFormatException if the stream is empty or not an image of a supported format
   * @throws AnalysisException if the image is of a supported format but truncated or damaged
   * @throws IOException if reading the stream fails
   */
  public ColourPalette extract(InputStream image) throws IOException {
    Objects.requireNonNull(image, "image");
    // A memory cache instead of ImageIO.createImageInputStream, which may write a temporary file.
    try (ImageInputStream stream = new MemoryCacheImageInputStream(image)) {
      ImageReader reader = findReader(stream);
      String format = reader.getFormatName().toLowerCase(Locale.ROOT);
      try {
        reader.setInput(stream, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, (Math.max(width, height) + sampleSize - 1) / sampleSize);
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage sample = reader.read(0, param);
        return new ColourPalette(format, width, height, dominantColours(sample));
      } catch (IIOException | EOFException | RuntimeException e) {
        // Image readers report damaged data as IIOException, and some as runtime exceptions.
        throw decodingFailure(format, e);
      } finally {
        reader.dispose();
      }
    }
  }

  private static AnalysisException decodingFailure(String format, Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof EOFException) {
        return new AnalysisException(
            "The " + format + " image is truncated: the data ends before the image is complete.",
            failure);
      }
    }
    return new AnalysisException(
        "The " + format + " image could not be decoded: " + failure.getMessage(), failure);
  }

  private static ImageReader findReader(ImageInputStream stream) throws IOException {
    String otherFormat = null;
    Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      String format = reader.getFormatName().toLowerCase(Locale.ROOT);
      if (SUPPORTED_FORMATS.contains(format)) {
        return reader;
      }
      otherFormat = otherFormat == null ? format : otherFormat;
      reader.dispose();
    }
    if (otherFormat != null) {
      throw new UnsupportedFormatException(
          "Image format '" + otherFormat + "' is not supported: " + EXPECTED + ".");
    }

    stream.mark();
    byte[] start = new byte[8];
    int length = stream.read(start);
    stream.reset();
    if (length <= 0) {
      throw new UnsupportedFormatException("The image data is empty (0 bytes): " + EXPECTED + ".");
    }
    throw new UnsupportedFormatException(
        "Not a readable image: "
            + EXPECTED
            + ", but the data starts with bytes "
            + hexBytes(start, length)
            + ".");
  }

  private List<ColourShare> dominantColours(BufferedImage image) {
    ColourBoxes boxes = new ColourBoxes();
    int[] row = new int[image.getWidth()];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, row.length, 1, row, 0, row.length);
      for (int argb : row) {
        if ((argb >>> 24) != 0) {
          boxes.add(argb);
        }
      }
    }
    if (boxes.visiblePixels == 0) {
      return List.of();
    }

    List<ColourGroup> groups = boxes.group();
    groups.sort(Comparator.comparingLong((ColourGroup group) -> group.pixels).reversed());
    List<ColourShare> shares = new ArrayList<>();
    for (ColourGroup group : groups.subList(0, Math.min(maxColours, groups.size()))) {
      int rgb = group.averageRgb();
      double percent = Math.round(group.pixels * 1000.0 / boxes.visiblePixels) / 10.0;
      shares.add(
          new ColourShare(
              ColourName.of(rgb).label(), String.format(Locale.ROOT, "#%06X", rgb), percent));
    }
    return shares;
  }

  private static String hexBytes(byte[] bytes, int length) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < length; i++) {
      hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", bytes[i] & 0xFF));
    }
    return hex.toString();
  }

  /** Pixel counts and colour sums in 16 x 16 x 16 boxes of the RGB cube. */
  private static final class ColourBoxes {
    private final long[] pixels = new long[4096];
    private final long[] redSums = new long[4096];
    private final long[] greenSums = new long[4096];
    private final long[] blueSums = new long[4096];
    private long visiblePixels;

    void add(int argb) {
      int red = (argb >> 16) & 0xFF;
      int green = (argb >> 8) & 0xFF;
      int blue = argb & 0xFF;
      int box = (red >> 4) << 8 | (green >> 4) << 4 | (blue >> 4);
      pixels[box]++;
      redSums[box] += red;
      greenSums[box] += green;
      blueSums[box] += blue;
      visiblePixels++;
    }

    /** Merges boxes into groups, fullest box first, with ties going to the lower box index. */
    List<ColourGroup> group() {
      List<Integer> order = new ArrayList<>();
      for (int box = 0; box < pixels.length; box++) {
        if (pixels[box] > 0) {
          order.add(box);
        }
      }
      order.sort(Comparator.comparingLong((Integer box) -> -pixels[box]).thenComparing(box -> box));

      List<ColourGroup> groups = new ArrayList<>();
      for (int box : order) {
        ColourGroup candidate =
            new ColourGroup(pixels[box], redSums[box], greenSums[box], blueSums[box]);
        ColourGroup target = null;
        for (ColourGroup group : groups) {
          if (group.distanceTo(candidate) <= MERGE_DISTANCE) {
            target = group;
            break;
          }
        }
        if (target == null) {
          groups.add(candidate);
        } else {
          target.absorb(candidate);
        }
      }
      return groups;
    }
  }

  /** A set of pixels with close colours, kept as a count and per-channel sums. */
  private static final class ColourGroup {
    private long pixels;
    private long redSum;
    private long greenSum;
    private long blueSum;

    ColourGroup(long pixels, long redSum, long greenSum, long blueSum) {
      this.pixels = pixels;
      this.redSum = redSum;
      this.greenSum = greenSum;
      this.blueSum = blueSum;
    }

    void absorb(ColourGroup other) {
      pixels += other.pixels;
      redSum += other.redSum;
      greenSum += other.greenSum;
      blueSum += other.blueSum;
    }

    double distanceTo(ColourGroup other) {
      double red = (double) redSum / pixels - (double) other.redSum / other.pixels;
      double green = (double) greenSum / pixels - (double) other.greenSum / other.pixels;
      double blue = (double) blueSum / pixels - (double) other.blueSum / other.pixels;
      return Math.sqrt(red * red + green * green + blue * blue);
    }

    int averageRgb() {
      int red = (int) Math.round((double) redSum / pixels);
      int green = (int) Math.round((double) greenSum / pixels);
      int blue = (int) Math.round((double) blueSum / pixels);
      return red << 16 | green << 8 | blue;
    }
  }

  /** Settings for a {@link DominantColours} extractor, each starting at its documented default. */
  public static final class Builder {

    private int maxColours = DEFAULT_MAX_COLOURS;
    private int sampleSize = DEFAULT_SAMPLE_SIZE;

    private Builder() {}

    /**
     * Sets how many colours are returned at most.
     *
     * @param maxColours from 1 to 32; 5 by default
     * @return this builder
     * @throws IllegalArgumentException if the number is outside that range
     */
    public Builder maxColours(int maxColours) {
      if (maxColours < 1 || maxColours > 32) {
        throw new IllegalArgumentException("maxColours is " + maxColours + ": expected 1 to 32.");
      }
      this.maxColours = maxColours;
      return this;
    }

    /**
     * Sets the largest side, in pixels, of the subsampled image whose colours are counted. The
     * image is read every n-th pixel in both directions, with n the smallest whole number that
     * brings the longer side down to this size.
     *
     * @param sampleSize from 16 to 4096; 256 by default
     * @return this builder
     * @throws IllegalArgumentException if the size is outside that range
     */
    public Builder sampleSize(int sampleSize) {
      if (sampleSize < 16 || sampleSize > 4096) {
        throw new IllegalArgumentException(
            "sampleSize is " + sampleSize + ": expected 16 to 4096 pixels.");
      }
      this.sampleSize = sampleSize;
      return this;
    }

    /**
     * Creates the extractor.
     *
     * @return an extractor with these settings
     */
    public DominantColours build() {
      return new DominantColours(this);
    }
  }
}
