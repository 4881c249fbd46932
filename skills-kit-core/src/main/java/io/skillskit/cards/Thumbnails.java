package io.skillskit.cards;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.w3c.dom.Node;

/**
 * Turns image bytes into the 45 x 45 pixel PNG thumbnails the Box web app shows next to timeline
 * entries, as a {@code data:image/png;base64,...} URI.
 *
 * <pre>{@code
 * String dataUri = Thumbnails.toDataUri(pngBytes);
 * TimelineCard faces = TimelineCard.builder(request)
 *     .addEntry("Speaker 1", dataUri, TimeRange.of(0, 5))
 *     .build();
 * }</pre>
 *
 * <p>Reads PNG, JPEG (also CMYK and YCCK JPEGs), GIF (first frame) and BMP with {@code
 * javax.imageio}. The image is stretched to exactly 45 x 45 pixels like the Node Skills Kit does,
 * so the aspect ratio is not kept. Large images are scaled down in halving steps with bilinear
 * interpolation and then one bicubic step, which keeps edges smooth. Transparency is kept. A large
 * image is subsampled while it is decoded, so memory use stays small whatever its size.
 *
 * <p>Unlike the Node kit, which keeps the original image silently when resizing fails, an image
 * that cannot be read raises a {@link ThumbnailException} that says why. A JPEG that ends early is
 * reported as damaged instead of being shown half grey.
 *
 * <p>Thread-safe; each call works on its own decoder.
 */
public final class Thumbnails {

  /** Width and height of a thumbnail in pixels. */
  public static final int SIZE = 45;

  /** Prefix of the data URIs {@link #toDataUri(byte[])} returns. */
  public static final String DATA_URI_PREFIX = "data:image/png;base64,";

  /**
   * Largest number of pixels per side, roughly, that an image is subsampled to while decoding. Four
   * times the thumbnail size leaves enough detail for smooth downscaling.
   */
  private static final int DECODE_TARGET = SIZE * 4;

  private static final String EXPECTED = "expected PNG, JPEG, GIF or BMP bytes";

  private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

  private Thumbnails() {}

  /**
   * Makes a thumbnail and returns it as a PNG data URI.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP image
   * @return {@code data:image/png;base64,} followed by a 45 x 45 PNG
   * @throws ThumbnailException if the bytes are empty, of another format, or damaged
   * @throws NullPointerException if {@code image} is null
   */
  public static String toDataUri(byte[] image) {
    return DATA_URI_PREFIX + Base64.getEncoder().encodeToString(toPng(image));
  }

  /**
   * Makes a thumbnail and returns its PNG bytes.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP image
   * @return a 45 x 45 PNG with an alpha channel
   * @throws ThumbnailException if the bytes are empty, of another format, or damaged
   * @throws NullPointerException if {@code image} is null
   */
  public static byte[] toPng(byte[] image) {
    Objects.requireNonNull(image, "image");
    BufferedImage decoded = decode(image);
    BufferedImage thumbnail = scale(decoded);
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try {
      if (!ImageIO.write(thumbnail, "png", out)) {
        throw new ThumbnailException("no PNG encoder is available in this Java runtime");
      }
    } catch (IOException e) {
      throw new ThumbnailException("failed to encode the thumbnail as PNG: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** Returns the ImageIO format name that matches the image's first bytes, or null. */
  static String detectFormat(byte[] image) {
    if (startsWith(image, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "png";
    }
    if (startsWith(image, 0xFF, 0xD8, 0xFF)) {
      return "jpeg";
    }
    if (startsWith(image, 'G', 'I', 'F', '8')) {
      return "gif";
    }
    if (startsWith(image, 'B', 'M')) {
      return "bmp";
    }
    return null;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String firstBytes(byte[] image) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(8, image.length); i++) {
      if (i > 0) {
        hex.append(' ');
      }
      hex.append(String.format(Locale.ROOT, "%02x", image[i] & 0xFF));
    }
    return hex.toString();
  }

  private static BufferedImage decode(byte[] image) {
    if (image.length == 0) {
      throw new ThumbnailException("image is empty; " + EXPECTED);
    }
    String format = detectFormat(image);
    if (format == null) {
      throw new ThumbnailException(
          "image format not recognised (first bytes " + firstBytes(image) + "); " + EXPECTED);
    }
    String label = format.toUpperCase(Locale.ROOT);
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (!readers.hasNext()) {
      throw new ThumbnailException("no " + label + " decoder is available in this Java runtime");
    }
    ImageReader reader = readers.next();
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
      reader.setInput(input, true, !"jpeg".equals(format));
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw new ThumbnailException(
            label + " image has no pixels (" + width + " x " + height + "); " + EXPECTED);
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int stepX = Math.max(1, width / DECODE_TARGET);
      int stepY = Math.max(1, height / DECODE_TARGET);
      param.setSourceSubsampling(stepX, stepY, 0, 0);
      BufferedImage decoded = read(reader, param);
      if (!warnings.isEmpty()) {
        throw new ThumbnailException(label + " image is damaged: " + warnings.get(0));
      }
      return decoded;
    } catch (ThumbnailException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // decoders report damaged data with IOExceptions and with assorted runtime exceptions
      throw new ThumbnailException(label + " image could not be decoded: " + reason(e), e);
    } finally {
      reader.dispose();
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static BufferedImage read(ImageReader reader, ImageReadParam param) throws IOException {
    if ("jpeg".equalsIgnoreCase(reader.getFormatName())) {
      IIOMetadata metadata = reader.getImageMetadata(0);
      Node tree = metadata == null ? null : metadata.getAsTree(JPEG_METADATA);
      // The JDK's JPEG decoder turns CMYK and YCCK pixels into wrong colours (black, in Java 17)
      // or fails, but it returns the raw channels correctly.
      if (tree != null && componentCount(tree) == 4 && reader.canReadRaster()) {
        return cmykToRgb(reader.readRaster(0, param), adobeTransform(tree));
      }
    }
    return reader.read(0, param);
  }

  private static int componentCount(Node tree) {
    Node frame = find(tree, "sof");
    int count = 0;
    if (frame != null) {
      for (Node child = frame.getFirstChild(); child != null; child = child.getNextSibling()) {
        if ("componentSpec".equals(child.getNodeName())) {
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Returns the colour transform of the JPEG's Adobe marker: 0 for CMYK, 2 for YCCK, or -1 when
   * there is no Adobe marker.
   */
  private static int adobeTransform(Node tree) {
    Node adobe = find(tree, "app14Adobe");
    if (adobe == null || adobe.getAttributes() == null) {
      return -1;
    }
    Node transform = adobe.getAttributes().getNamedItem("transform");
    return transform == null ? 0 : Integer.parseInt(transform.getNodeValue());
  }

  private static Node find(Node node, String name) {
    if (name.equals(node.getNodeName())) {
      return node;
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      Node found = find(child, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * Converts four-channel JPEG pixels to RGB. Adobe writes CMYK with inverted values (255 means no
   * ink) and may store it as YCCK, the CMY part converted like YCbCr; JPEGs without an Adobe marker
   * hold plain CMYK. The conversion ignores colour profiles, which is close enough for a 45 pixel
   * thumbnail.
   */
  private static BufferedImage cmykToRgb(Raster raster, int adobeTransform) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] pixel = new int[4];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, pixel);
        int r;
        int g;
        int b;
        int k;
        if (adobeTransform == 2) {
          double luma = pixel[0];
          double cb = pixel[1] - 128.0;
          double cr = pixel[2] - 128.0;
          r = clamp(luma + 1.402 * cr);
          g = clamp(luma - 0.344136 * cb - 0.714136 * cr);
          b = clamp(luma + 1.772 * cb);
          k = pixel[3];
        } else if (adobeTransform >= 0) {
          r = pixel[0];
          g = pixel[1];
          b = pixel[2];
          k = pixel[3];
        } else {
          r = 255 - pixel[0];
          g = 255 - pixel[1];
          b = 255 - pixel[2];
          k = 255 - pixel[3];
        }
        // r, g, b and k now contain 255 for "no ink"
        r = r * k / 255;
        g = g * k / 255;
        b = b * k / 255;
        rgb.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return rgb;
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }

  /**
   * Scales an image to the thumbnail size: halving steps with bilinear interpolation while the
   * image is more than twice as large, then one bicubic step. Works on premultiplied alpha so that
   * transparent pixels do not darken their neighbours.
   */
  private static BufferedImage scale(BufferedImage source) {
    BufferedImage current = source;
    int width = source.getWidth();
    int height = source.getHeight();
    while (width >= 2 * SIZE || height >= 2 * SIZE) {
      int nextWidth = width >= 2 * SIZE ? width / 2 : width;
      int nextHeight = height >= 2 * SIZE ? height / 2 : height;
      current =
          draw(
              current,
              nextWidth,
              nextHeight,
              BufferedImage.TYPE_INT_ARGB_PRE,
              RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      width = nextWidth;
      height = nextHeight;
    }
    BufferedImage premultiplied =
        draw(
            current,
            SIZE,
            SIZE,
            BufferedImage.TYPE_INT_ARGB_PRE,
            RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    // the PNG encoder writes straight (not premultiplied) alpha
    return draw(
        premultiplied,
        SIZE,
        SIZE,
        BufferedImage.TYPE_INT_ARGB,
        RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
  }

  private static BufferedImage draw(
      BufferedImage source, int width, int height, int type, Object interpolation) {
    BufferedImage target = new BufferedImage(width, height, type);
    Graphics2D graphics = target.createGraphics();
    try {
      graphics.setComposite(AlphaComposite.Src);
      graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      graphics.setRenderingHint(
          RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
      graphics.drawImage(source, 0, 0, width, height, null);
    } finally {
      graphics.dispose();
    }
    return target;
  }
}
