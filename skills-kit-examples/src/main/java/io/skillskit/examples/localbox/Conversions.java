package io.skillskit.examples.localbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Produces the bytes of a representation. LocalBox converts only what the JDK can: text out of
 * markup documents, and raster images (JPEG, PNG, GIF, BMP) into a JPEG that fits the requested
 * dimensions. Everything else is served as the original bytes, and the response marks this in its
 * {@value #CONVERSION_HEADER} header.
 */
final class Conversions {

  /** Response header naming what LocalBox did to the original bytes. */
  static final String CONVERSION_HEADER = "X-LocalBox-Conversion";

  /** Larger files are served unchanged, because converting means loading them into memory. */
  private static final long MAX_CONVERTED_BYTES = 64L * 1024 * 1024;

  private static final Set<String> READABLE_IMAGES = Set.of("jpg", "jpeg", "png", "gif", "bmp");
  private static final Pattern HIDDEN_BLOCKS =
      Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern LINE_BREAKING_TAGS =
      Pattern.compile("(?i)<(br|/p|/div|/li|/h[1-6]|/tr|/title|/cue)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");

  /** The bytes of a representation with their media type and the conversion applied. */
  record Rendered(FileContent content, String contentType, String conversion) {}

  static {
    // Avoids temporary files on disk while decoding images.
    ImageIO.setUseCache(false);
  }

  private Conversions() {}

  static Rendered render(LocalFile file, FileContent original, Representations.Spec spec)
      throws IOException {
    String extension = file.extension();
    Rendered unchanged = new Rendered(original, FileKinds.contentType(extension), "none");
    if (spec.name().equals(Representations.EXTRACTED_TEXT)) {
      if (FileKinds.isPlainText(extension)) {
        return new Rendered(original, "text/plain; charset=utf-8", "extracted_text");
      }
      if (FileKinds.isMarkup(extension) && original.size() <= MAX_CONVERTED_BYTES) {
        String text = stripMarkup(new String(readAll(original), StandardCharsets.UTF_8));
        FileContent bytes = FileContent.ofUtf8(text);
        return new Rendered(bytes, "text/plain; charset=utf-8", "extracted_text");
      }
      return unchanged;
    }
    if (spec.name().equals("jpg")
        && READABLE_IMAGES.contains(extension)
        && original.size() <= MAX_CONVERTED_BYTES) {
      byte[] jpeg = toJpeg(readAll(original), spec.dimensions());
      return jpeg == null ? unchanged : new Rendered(FileContent.of(jpeg), "image/jpeg", "jpg");
    }
    return unchanged;
  }

  /**
   * Returns the visible text of an HTML or XML document: scripts, styles, comments and tags
   * removed, common entities decoded, one line per block, blank lines dropped.
   */
  static String stripMarkup(String markup) {
    String text = HIDDEN_BLOCKS.matcher(markup).replaceAll(" ");
    text = LINE_BREAKING_TAGS.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = decodeEntities(text);
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      String collapsed = SPACES.matcher(line).replaceAll(" ").trim();
      if (!collapsed.isEmpty()) {
        out.append(collapsed).append('\n');
      }
    }
    return out.toString();
  }

  private static String decodeEntities(String text) {
    Matcher numeric = NUMERIC_ENTITY.matcher(text);
    StringBuilder decoded = new StringBuilder();
    while (numeric.find()) {
      String value = numeric.group(1);
      int codePoint =
          value.startsWith("x")
              ? Integer.parseInt(value.substring(1), 16)
              : Integer.parseInt(value);
      String replacement =
          Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "\uFFFD";
      numeric.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
    }
    numeric.appendTail(decoded);
    return decoded
        .toString()
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** Returns a JPEG that fits within the dimensions (never enlarged), or null if unreadable. */
  private static byte[] toJpeg(byte[] image, String dimensions) throws IOException {
    BufferedImage source = ImageIO.read(new java.io.ByteArrayInputStream(image));
    if (source == null) {
      return null;
    }

    String[] parts = dimensions.toLowerCase(Locale.ROOT).split("x");
    int maxWidth = Integer.parseInt(parts[0]);
    int maxHeight = Integer.parseInt(parts[1]);
    double scale =
        Math.min(
            1.0,
            Math.min(
                (double) maxWidth / source.getWidth(), (double) maxHeight / source.getHeight()));
    int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(source.getHeight() * scale));

    // JPEG has no alpha channel, so transparent pixels are painted on white.
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = target.createGraphics();
    try {
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, width, height);
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.drawImage(source, 0, 0, width, height, null);
    } finally {
      graphics.dispose();
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(target, "jpg", out)) {
      return null;
    }
    return out.toByteArray();
  }

  private static byte[] readAll(FileContent content) throws IOException {
    byte[] inMemory = content.bytesInMemory();
    if (inMemory != null) {
      return inMemory;
    }
    try (InputStream in = content.open()) {
      return in.readAllBytes();
    }
  }
}
