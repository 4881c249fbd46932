package io.skillskit.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;

class SampleFilesTest {

  @Test
  void everyGeneratorIsDeterministic() {
    List<SampleFile> first = SampleFiles.all();
    List<SampleFile> second = SampleFiles.all();

    assertThat(first).isEqualTo(second);
    assertThat(first).hasSize(6);
  }

  @Test
  void samplesHaveDistinctNamesAndExpectedExtensions() {
    List<SampleFile> samples = SampleFiles.all();

    assertThat(samples)
        .extracting(SampleFile::fileName)
        .containsExactly(
            "tones-and-pauses.wav",
            "colour-blocks.png",
            "meeting-notes.txt",
            "weekly-sync.vtt",
            "weekly-sync.srt",
            "sensor-readings.xyz");
    assertThat(samples)
        .extracting(SampleFile::extension)
        .containsExactly("wav", "png", "txt", "vtt", "srt", "xyz");
  }

  @Test
  void tonesWavIs16BitMono16Khz() throws IOException, UnsupportedAudioFileException {
    byte[] wav = SampleFiles.tonesWav().content();

    AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
    AudioFormat format = file.getFormat();

    assertThat(file.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
    assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
    assertThat(format.getSampleRate()).isEqualTo(16_000f);
    assertThat(format.getSampleSizeInBits()).isEqualTo(16);
    assertThat(format.getChannels()).isEqualTo(1);
    assertThat(file.getFrameLength()).isEqualTo(88_000);
    assertThat(wav).hasSize(44 + 2 * 88_000);
  }

  @Test
  void colourBlocksPngHasItsBands() throws IOException {
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(SampleFiles.colourBlocksPng().content()));

    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(100);
    assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x1E5AC8);
    assertThat(image.getRGB(119, 99) & 0xFFFFFF).isEqualTo(0x1E5AC8);
    assertThat(image.getRGB(120, 0) & 0xFFFFFF).isEqualTo(0xFF8C00);
    assertThat(image.getRGB(179, 50) & 0xFFFFFF).isEqualTo(0xFF8C00);
    assertThat(image.getRGB(180, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }

  @Test
  void textSamplesAreUtf8() {
    String notes = new String(SampleFiles.meetingNotesText().content(), StandardCharsets.UTF_8);
    String srt = new String(SampleFiles.captionsSrt().content(), StandardCharsets.UTF_8);

    assertThat(notes).startsWith("Weekly sync: notes\n").contains("budget");
    assertThat(srt).startsWith("\uFEFF1\r\n00:00:00,000 --> 00:00:02,500\r\n");
  }

  @Test
  void unsupportedFileHasFixedPrefix() {
    byte[] bytes = SampleFiles.unsupportedFile().content();

    assertThat(bytes).hasSize(512);
    assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("XYZ1");
  }

  @Test
  void sampleFileCopiesItsBytes() {
    byte[] bytes = {1, 2, 3};
    SampleFile file = new SampleFile("a.bin", "application/octet-stream", bytes);

    bytes[0] = 9;
    file.content()[1] = 9;

    assertThat(file.content()).containsExactly(1, 2, 3);
    assertThat(file).hasToString("SampleFile[a.bin, application/octet-stream, 3 bytes]");
    assertThat(file)
        .isEqualTo(new SampleFile("a.bin", "application/octet-stream", new byte[] {1, 2, 3}));
    assertThat(file.hashCode())
        .isEqualTo(
            new SampleFile("a.bin", "application/octet-stream", new byte[] {1, 2, 3}).hashCode());
    assertThat(new SampleFile("noextension", "text/plain", new byte[0]).extension()).isEmpty();
  }

  @Test
  void sampleFileRejectsBlankName() {
    assertThatThrownBy(() -> new SampleFile(" ", "text/plain", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Sample file name is blank: expected a name.");
  }
}
