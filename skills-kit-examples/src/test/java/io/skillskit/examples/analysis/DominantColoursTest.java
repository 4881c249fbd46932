package io.skillskit.examples.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.skillskit.examples.samples.SampleFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DominantColoursTest {

  private final DominantColours colours = DominantColours.withDefaults();

  @Test
  void samplePngHasKnownShares() {
    ColourPalette palette = colours.extract(SampleFiles.colourBlocksPng().content());

    assertThat(palette.format()).isEqualTo("png");
    assertThat(palette.width()).isEqualTo(200);
    assertThat(palette.height()).isEqualTo(100);
    assertThat(palette.colours())
        .containsExactly(
            new ColourShare("blue", "#1E5AC8", 60.0),
            new ColourShare("orange", "#FF8C00", 30.0),
            new ColourShare("white", "#FFFFFF", 10.0));
    assertThat(palette.names()).containsExactly("blue", "orange", "white");
  }

  @Test
  void sharesMatchTheSampleAnswer() {
    ColourPalette palette = colours.extract(SampleFiles.colourBlocksPng().content());

    Map<String, Double> expected = SampleFiles.colourBlocksShares();

    assertThat(palette.names()).containsExactlyElementsOf(expected.keySet());
    for (ColourShare share : palette.colours()) {
      assertThat(share.percent()).as(share.name()).isEqualTo(expected.get(share.name()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gif", "bmp"})
  void losslessFormatsGiveExactShares(String format) throws IOException {
    byte[] image = encode(bands(200, 100), format);

    ColourPalette palette = colours.extract(image);

    assertThat(palette.format()).isEqualTo(format);
    assertThat(palette.colours())
        .extracting(ColourShare::name, ColourShare::percent)
        .containsExactly(tuple("blue", 60.0), tuple("orange", 30.0), tuple("white", 10.0));
  }

  @Test
  void jpegArtefactsMergeIntoTheMainColours() throws IOException {
    byte[] jpeg = encode(bands(400, 200), "jpg");

    ColourPalette palette = colours.extract(jpeg);

    assertThat(palette.format()).isEqualTo("jpeg");
    assertThat(palette.colours().get(0).name()).isEqualTo("blue");
    assertThat(palette.colours().get(0).percent()).isCloseTo(60.0, within(2.0));
    assertThat(palette.colours().get(1).name()).isEqualTo("orange");
    assertThat(palette.colours().get(1).percent()).isCloseTo(30.0, within(2.0));
    assertThat(palette.colours().get(2).name()).isEqualTo("white");
    assertThat(palette.colours().get(2).percent()).isCloseTo(10.0, within(2.0));
  }

  @Test
  void largeImageIsSubsampledButReportsFullSize() throws IOException {
    byte[] png = encode(bands(3000, 2000), "png");

    ColourPalette palette = colours.extract(new ByteArrayInputStream(png));

    assertThat(palette.width()).isEqualTo(3000);
    assertThat(palette.height()).isEqualTo(2000);
    assertThat(palette.colours())
        .extracting(ColourShare::percent)
        .containsExactly(60.0, 30.0, 10.0);
  }

  @Test
  void fullyTransparentPixelsAreIgnored() throws IOException {
    BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(220, 20, 30));
    graphics.fillRect(0, 0, 25, 100);
    graphics.dispose();

    ColourPalette palette = colours.extract(encode(image, "png"));

    assertThat(palette.colours()).containsExactly(new ColourShare("red", "#DC141E", 100.0));
  }

  @Test
  void fullyTransparentImageHasNoColours() throws IOException {
    BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);

    ColourPalette palette = colours.extract(encode(image, "png"));

    assertThat(palette.colours()).isEmpty();
    assertThat(palette.names()).isEmpty();
  }

  @Test
  void maxColoursLimitsTheResult() {
    DominantColours topOne = DominantColours.builder().maxColours(1).build();

    ColourPalette palette = topOne.extract(SampleFiles.colourBlocksPng().content());

    assertThat(palette.colours()).containsExactly(new ColourShare("blue", "#1E5AC8", 60.0));
  }

  @Test
  void closeShadesMergeIntoOneColour() throws IOException {
    BufferedImage image = new BufferedImage(100, 10, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(30, 90, 200));
    graphics.fillRect(0, 0, 50, 10);
    graphics.setColor(new Color(40, 100, 210));
    graphics.fillRect(50, 0, 50, 10);
    graphics.dispose();

    ColourPalette palette = colours.extract(encode(image, "png"));

    assertThat(palette.colours()).containsExactly(new ColourShare("blue", "#235FCD", 100.0));
  }

  @Test
  void sameBytesGiveSamePalette() {
    byte[] png = SampleFiles.colourBlocksPng().content();

    assertThat(colours.extract(png)).isEqualTo(colours.extract(png));
  }

  @Test
  void rejectsTextAsNotAnImage() {
    byte[] text = "plain text".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> colours.extract(text))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage(
            "Not a readable image: expected a PNG, JPEG, GIF or BMP image, but the data starts"
                + " with bytes 70 6C 61 69 6E 20 74 65.");
  }

  @Test
  void rejectsEmptyInput() {
    assertThatThrownBy(() -> colours.extract(new byte[0]))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("The image data is empty (0 bytes): expected a PNG, JPEG, GIF or BMP image.");
  }

  @Test
  void rejectsOtherImageFormatsByName() throws IOException {
    byte[] tiff = encode(bands(20, 10), "tiff");

    assertThatThrownBy(() -> colours.extract(tiff))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("Image format 'tif' is not supported: expected a PNG, JPEG, GIF or BMP image.");
  }

  @Test
  void rejectsTruncatedPng() {
    byte[] png = SampleFiles.colourBlocksPng().content();
    byte[] truncated = Arrays.copyOf(png, 60);

    assertThatThrownBy(() -> colours.extract(truncated))
        .isInstanceOf(AnalysisException.class)
        .isNotInstanceOf(UnsupportedFormatException.class)
        .hasMessage("The png image is truncated: the data ends before the image is complete.");
  }

  @Test
  void rejectsDamagedPng() {
    byte[] damaged = SampleFiles.colourBlocksPng().content();
    // Overwrite the start of the compressed pixel data, after the 8-byte signature and the
    // 25-byte header chunk, so that the chunk checksum no longer matches.
    for (int i = 41; i < 60; i++) {
      damaged[i] = 0;
    }

    assertThatThrownBy(() -> colours.extract(damaged))
        .isInstanceOf(AnalysisException.class)
        .isNotInstanceOf(UnsupportedFormatException.class)
        .hasMessageStartingWith("The png image could not be decoded: ");
  }

  @Test
  void rejectsUnsupportedSampleFile() {
    assertThatThrownBy(() -> colours.extract(SampleFiles.unsupportedFile().content()))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageStartingWith("Not a readable image: ");
  }

  @Test
  void builderRejectsOutOfRangeSettings() {
    assertThatThrownBy(() -> DominantColours.builder().maxColours(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxColours is 0: expected 1 to 32.");
    assertThatThrownBy(() -> DominantColours.builder().sampleSize(8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sampleSize is 8: expected 16 to 4096 pixels.");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "FF0000, red",
    "A52A2A, red",
    "FFA500, orange",
    "FF8C00, orange",
    "8B4513, brown",
    "FFFF00, yellow",
    "FFD700, yellow",
    "808000, brown",
    "008000, green",
    "7CFC00, green",
    "008080, teal",
    "00FFFF, teal",
    "0000FF, blue",
    "1E5AC8, blue",
    "87CEEB, blue",
    "000080, blue",
    "800080, purple",
    "FF00FF, purple",
    "FFC0CB, pink",
    "FF69B4, pink",
    "000000, black",
    "1A1A1A, black",
    "808080, grey",
    "C0C0C0, grey",
    "FFFFFF, white",
    "F5F5F0, white"
  })
  void namesCommonColours(String hex, String name) {
    assertThat(ColourName.of(Integer.parseInt(hex, 16)).label()).isEqualTo(name);
  }

  @Test
  void colourShareOffersKeywordText() {
    ColourShare share = new ColourShare("blue", "#1E5AC8", 59.6);

    assertThat(share.keyword()).isEqualTo("blue (60%)");
    assertThat(share.rgb()).isEqualTo(0x1E5AC8);
  }

  @Test
  void colourShareRejectsMalformedValues() {
    assertThatThrownBy(() -> new ColourShare("blue", "1E5AC8", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Colour code '1E5AC8' is malformed: expected '#' and six upper-case hex digits.");
    assertThatThrownBy(() -> new ColourShare("blue", "#1E5AC8", 100.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Colour share 100.5% is outside the range 0 to 100.");
  }

  private static BufferedImage bands(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    int blue = width * 6 / 10;
    int orange = width * 3 / 10;
    graphics.setColor(new Color(0x1E5AC8));
    graphics.fillRect(0, 0, blue, height);
    graphics.setColor(new Color(0xFF8C00));
    graphics.fillRect(blue, 0, orange, height);
    graphics.setColor(Color.WHITE);
    graphics.fillRect(blue + orange, 0, width - blue - orange, height);
    graphics.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).as("a writer for " + format).isTrue();
    return out.toByteArray();
  }
}
