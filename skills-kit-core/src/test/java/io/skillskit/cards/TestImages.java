package io.skillskit.cards;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Makes small images in memory for the thumbnail tests. */
final class TestImages {

  private TestImages() {}

  /** Draws an opaque image whose left half is red and right half blue. */
  static BufferedImage halves(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.RED);
    graphics.fillRect(0, 0, width / 2, height);
    graphics.setColor(Color.BLUE);
    graphics.fillRect(width / 2, 0, width - width / 2, height);
    graphics.dispose();
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Encodes a 100 x 100 red and blue PNG. */
  static byte[] png100() {
    return encode(halves(100, 100, BufferedImage.TYPE_INT_RGB), "png");
  }

  /** Encodes a 100 x 100 PNG whose left half is transparent and right half opaque green. */
  static byte[] transparentPng() {
    BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.GREEN);
    graphics.fillRect(50, 0, 50, 100);
    graphics.dispose();
    return encode(image, "png");
  }

  /**
   * Encodes a four-channel JPEG of one colour. With {@code adobeTransform} an Adobe APP14 marker
   * with that transform is added: 0 makes readers take the channels as inverted CMYK, 2 as YCCK.
   */
  static byte[] fourChannelJpeg(int[] channels, Integer adobeTransform) {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 48, 4, null);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        raster.setPixel(x, y, channels);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(raster, null, null), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    byte[] plain = out.toByteArray();
    if (adobeTransform == null) {
      return plain;
    }
    byte[] app14 = {
      (byte) 0xFF,
      (byte) 0xEE,
      0,
      14,
      'A',
      'd',
      'o',
      'b',
      'e',
      0,
      100,
      0,
      0,
      0,
      0,
      adobeTransform.byteValue()
    };
    byte[] marked = new byte[plain.length + app14.length];
    System.arraycopy(plain, 0, marked, 0, 2);
    System.arraycopy(app14, 0, marked, 2, app14.length);
    System.arraycopy(plain, 2, marked, 2 + app14.length, plain.length - 2);
    return marked;
  }

  static BufferedImage decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new IllegalStateException("not an image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
