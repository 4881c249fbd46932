package io.skillskit.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThumbnailsTest {

  private static void assertThumbnail(byte[] png) {
    BufferedImage image = TestImages.decode(png);
    assertThat(image.getWidth()).isEqualTo(Thumbnails.SIZE);
    assertThat(image.getHeight()).isEqualTo(Thumbnails.SIZE);
    assertThat(image.getColorModel().hasAlpha()).isTrue();
  }

  private static void assertColour(int argb, Color expected) {
    Color actual = new Color(argb, true);
    assertThat(actual.getAlpha()).as("alpha").isEqualTo(255);
    assertThat(Math.abs(actual.getRed() - expected.getRed())).as("red").isLessThan(40);
    assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as("green").isLessThan(40);
    assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as("blue").isLessThan(40);
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
  void makesThumbnailFromEachFormat(String format) {
    byte[] image =
        TestImages.encode(TestImages.halves(100, 80, BufferedImage.TYPE_INT_RGB), format);

    byte[] png = Thumbnails.toPng(image);

    assertThumbnail(png);
    BufferedImage thumbnail = TestImages.decode(png);
    assertColour(thumbnail.getRGB(5, 22), Color.RED);
    assertColour(thumbnail.getRGB(40, 22), Color.BLUE);
  }

  @Test
  void dataUriHoldsBase64Png() {
    String uri = Thumbnails.toDataUri(TestImages.png100());

    assertThat(uri).startsWith("data:image/png;base64,iVBORw0KGgo");
    assertThumbnail(CardFixtures.dataUriBytes(uri));
    assertThat(CardText.imageUrlProblem(uri)).isNull();
  }

  @Test
  void keepsTransparency() {
    BufferedImage thumbnail = TestImages.decode(Thumbnails.toPng(TestImages.transparentPng()));

    assertThat(new Color(thumbnail.getRGB(5, 20), true).getAlpha()).isZero();
    assertColour(thumbnail.getRGB(40, 20), Color.GREEN);
  }

  @Test
  void scalesLargeAndThinImages() {
    byte[] large =
        TestImages.encode(TestImages.halves(3000, 2000, BufferedImage.TYPE_INT_RGB), "png");
    byte[] thin = TestImages.encode(TestImages.halves(6000, 3, BufferedImage.TYPE_INT_RGB), "png");
    byte[] tiny = TestImages.encode(TestImages.halves(2, 1, BufferedImage.TYPE_INT_RGB), "png");

    BufferedImage fromLarge = TestImages.decode(Thumbnails.toPng(large));

    assertColour(fromLarge.getRGB(3, 3), Color.RED);
    assertColour(fromLarge.getRGB(41, 41), Color.BLUE);
    assertThumbnail(Thumbnails.toPng(thin));
    assertThumbnail(Thumbnails.toPng(tiny));
  }

  @Test
  void readsGreyAndIndexedImages() {
    byte[] grey = TestImages.encode(TestImages.halves(50, 50, BufferedImage.TYPE_BYTE_GRAY), "png");
    byte[] indexed =
        TestImages.encode(TestImages.halves(50, 50, BufferedImage.TYPE_BYTE_INDEXED), "gif");
    byte[] greyJpeg =
        TestImages.encode(TestImages.halves(50, 50, BufferedImage.TYPE_BYTE_GRAY), "jpeg");

    assertThumbnail(Thumbnails.toPng(grey));
    assertThumbnail(Thumbnails.toPng(indexed));
    assertThumbnail(Thumbnails.toPng(greyJpeg));
  }

  @Test
  void convertsCmykJpegs() {
    // plain CMYK: no cyan, full magenta and yellow, no black is red
    byte[] plain = TestImages.fourChannelJpeg(new int[] {0, 255, 255, 0}, null);
    // Adobe stores the inverted values, so the same red is 255, 0, 0, 255
    byte[] adobe = TestImages.fourChannelJpeg(new int[] {255, 0, 0, 255}, 0);
    byte[] ycck = TestImages.fourChannelJpeg(new int[] {128, 128, 128, 255}, 2);

    assertColour(TestImages.decode(Thumbnails.toPng(plain)).getRGB(20, 20), Color.RED);
    assertColour(TestImages.decode(Thumbnails.toPng(adobe)).getRGB(20, 20), Color.RED);
    assertColour(
        TestImages.decode(Thumbnails.toPng(ycck)).getRGB(20, 20), new Color(128, 128, 128));
  }

  @Test
  void sameInputGivesSameBytes() {
    byte[] image = TestImages.png100();

    assertThat(Thumbnails.toPng(image)).isEqualTo(Thumbnails.toPng(image));
  }

  @Test
  void rejectsEmptyBytes() {
    assertThatThrownBy(() -> Thumbnails.toPng(new byte[0]))
        .isInstanceOf(ThumbnailException.class)
        .hasMessage("image is empty; expected PNG, JPEG, GIF or BMP bytes");
  }

  @Test
  void rejectsOtherFormats() {
    byte[] html = "<!DOCTYPE html><p>Not found</p>".getBytes(StandardCharsets.US_ASCII);
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> Thumbnails.toPng(html))
        .isInstanceOf(ThumbnailException.class)
        .hasMessage(
            "image format not recognised (first bytes 3c 21 44 4f 43 54 59 50);"
                + " expected PNG, JPEG, GIF or BMP bytes");
    assertThatThrownBy(() -> Thumbnails.toDataUri(webp))
        .isInstanceOf(ThumbnailException.class)
        .hasMessageStartingWith("image format not recognised (first bytes 52 49 46 46");
    assertThatThrownBy(() -> Thumbnails.toPng(new byte[] {(byte) 0x89}))
        .isInstanceOf(ThumbnailException.class)
        .hasMessageStartingWith("image format not recognised (first bytes 89)");
  }

  @Test
  void rejectsTruncatedPng() {
    byte[] png = TestImages.png100();
    byte[] truncated = Arrays.copyOf(png, png.length / 2);

    assertThatThrownBy(() -> Thumbnails.toPng(truncated))
        .isInstanceOf(ThumbnailException.class)
        .hasMessageStartingWith("PNG image could not be decoded: ");
  }

  @Test
  void rejectsTruncatedJpegInsteadOfShowingHalf() {
    byte[] jpeg =
        TestImages.encode(TestImages.halves(200, 200, BufferedImage.TYPE_INT_RGB), "jpeg");
    byte[] truncated = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);

    assertThatThrownBy(() -> Thumbnails.toPng(truncated))
        .isInstanceOf(ThumbnailException.class)
        .hasMessageStartingWith("JPEG image ");
  }

  @Test
  void rejectsHeaderOnlyImages() {
    byte[] pngSignature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    byte[] gifHeader = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    byte[] bmpHeader = "BM".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> Thumbnails.toPng(pngSignature))
        .isInstanceOf(ThumbnailException.class)
        .hasMessageStartingWith("PNG image could not be decoded: ");
    assertThatThrownBy(() -> Thumbnails.toPng(gifHeader))
        .isInstanceOf(ThumbnailException.class)
        .hasMessageStartingWith("GIF image could not be decoded: ");
    assertThatThrownBy(() -> Thumbnails.toPng(bmpHeader))
        .isInstanceOf(ThumbnailException.class)
        .hasMessageStartingWith("BMP image could not be decoded: ");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Thumbnails.toPng(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("image");
  }

  @Test
  void timelineBuilderTurnsBytesIntoThumbnails() {
    byte[] png = TestImages.png100();

    TimelineCard card =
        TimelineCard.builder(CardFixtures.request())
            .addEntry("Speaker 1", png, TimeRange.of(0, 5))
            .addEntry("Speaker 2", png, 5, 9)
            .build();

    String first = card.entries().get(0).imageUrl().orElseThrow();
    assertThat(first).startsWith(Thumbnails.DATA_URI_PREFIX);
    assertThumbnail(CardFixtures.dataUriBytes(first));
    assertThat(card.entries().get(1).imageUrl()).contains(first);
    assertThat(card.entries().get(0).type()).isEqualTo("image");
  }

  @Test
  void timelineBuilderNamesEntryWithUnreadableImage() {
    TimelineCard.Builder builder =
        TimelineCard.builder(CardFixtures.request())
            .addEntry("Speaker 1", TestImages.png100(), TimeRange.of(0, 5))
            .addEntry("Speaker 2", "not an image".getBytes(StandardCharsets.US_ASCII), 5, 9);

    assertThatThrownBy(builder::build)
        .isInstanceOf(ThumbnailException.class)
        .hasMessage(
            "timeline entry 1 image could not be made into a thumbnail: image format not"
                + " recognised (first bytes 6e 6f 74 20 61 6e 20 69); expected PNG, JPEG, GIF or"
                + " BMP bytes")
        .hasCauseInstanceOf(ThumbnailException.class);
  }

  @Test
  void timelineBuilderCopiesImageBytes() {
    byte[] png = TestImages.png100();
    TimelineCard.Builder builder =
        TimelineCard.builder(CardFixtures.request()).addEntry("Speaker 1", png, 0, 5);

    Arrays.fill(png, (byte) 0);

    assertThat(builder.build().entries().get(0).imageUrl().orElseThrow())
        .startsWith(Thumbnails.DATA_URI_PREFIX);
  }
}
