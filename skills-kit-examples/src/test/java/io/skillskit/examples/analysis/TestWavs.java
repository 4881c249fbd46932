package io.skillskit.examples.analysis;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files of any PCM layout, and deliberately broken ones, for the tests. */
final class TestWavs {

  static final int PCM = 1;
  static final int IEEE_FLOAT = 3;
  static final int A_LAW = 6;
  static final int IMA_ADPCM = 0x11;
  static final int EXTENSIBLE = 0xFFFE;

  private TestWavs() {}

  /**
   * Returns samples at a sample rate from a pattern of alternating tone and silence lengths in
   * seconds, starting with a tone. The tone is a 500 Hz sine at the given amplitude.
   */
  static double[] pattern(int sampleRate, double amplitude, double... toneThenSilenceSeconds) {
    int total = 0;
    for (double seconds : toneThenSilenceSeconds) {
      total += (int) Math.round(seconds * sampleRate);
    }
    double[] samples = new double[total];
    int position = 0;
    for (int part = 0; part < toneThenSilenceSeconds.length; part++) {
      int length = (int) Math.round(toneThenSilenceSeconds[part] * sampleRate);
      if (part % 2 == 0) {
        for (int i = 0; i < length; i++) {
          samples[position + i] = amplitude * Math.sin(2 * Math.PI * 500 * i / sampleRate);
        }
      }
      position += length;
    }
    return samples;
  }

  /** Returns a PCM WAV file with the same samples on every channel. */
  static byte[] pcm(int sampleRate, int channels, int bits, double[] samples) {
    double[][] perChannel = new double[channels][];
    for (int channel = 0; channel < channels; channel++) {
      perChannel[channel] = samples;
    }
    return pcm(sampleRate, bits, perChannel);
  }

  /** Returns a PCM WAV file with one sample array per channel, all of the same length. */
  static byte[] pcm(int sampleRate, int bits, double[][] channels) {
    byte[] data = encode(bits, channels);
    return concat(header(PCM, channels.length, sampleRate, bits, data.length), data);
  }

  /** Returns a 44-byte canonical WAV header announcing {@code dataSize} bytes of data. */
  static byte[] header(int formatTag, int channels, int sampleRate, int bits, long dataSize) {
    int blockAlign = channels * bits / 8;
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt((int) (36 + dataSize)).put(ascii("WAVE"));
    header.put(ascii("fmt ")).putInt(16);
    header.putShort((short) formatTag).putShort((short) channels);
    header.putInt(sampleRate).putInt(sampleRate * blockAlign);
    header.putShort((short) blockAlign).putShort((short) bits);
    header.put(ascii("data")).putInt((int) dataSize);
    return header.array();
  }

  /**
   * Returns a WAV file with a {@code WAVE_FORMAT_EXTENSIBLE} header whose sub-format is the given
   * format tag, and a {@code LIST} chunk before the data.
   */
  static byte[] extensible(int subFormat, int sampleRate, int channels, int bits, byte[] data) {
    int blockAlign = channels * bits / 8;
    byte[] list = ascii("INFOISFT\u0006\u0000\u0000\u0000tests\u0000");
    ByteBuffer header = ByteBuffer.allocate(12 + 8 + 40 + 8 + list.length + 8);
    header.order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt(header.capacity() - 8 + data.length).put(ascii("WAVE"));
    header.put(ascii("fmt ")).putInt(40);
    header.putShort((short) EXTENSIBLE).putShort((short) channels);
    header.putInt(sampleRate).putInt(sampleRate * blockAlign);
    header.putShort((short) blockAlign).putShort((short) bits);
    header.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4);
    // Sub-format GUID: the format tag, then the fixed tail 0000-0010-8000-00AA00389B71.
    header.putShort((short) subFormat).putShort((short) 0);
    header.put(
        new byte[] {0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
    header.put(ascii("LIST")).putInt(list.length).put(list);
    header.put(ascii("data")).putInt(data.length);
    return concat(header.array(), data);
  }

  /** Encodes samples from -1 to 1 as interleaved little-endian PCM; 8-bit is unsigned. */
  static byte[] encode(int bits, double[][] channels) {
    int bytesPerSample = bits / 8;
    int length = channels[0].length;
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(length * channels.length * bytesPerSample);
    long max = (1L << (bits - 1)) - 1;
    for (int i = 0; i < length; i++) {
      for (double[] channel : channels) {
        long value = Math.round(Math.max(-1, Math.min(1, channel[i])) * max);
        if (bits == 8) {
          value += 128;
        }
        for (int b = 0; b < bytesPerSample; b++) {
          out.write((int) (value >> (8 * b)) & 0xFF);
        }
      }
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
