package io.skillskit.examples.samples;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A generated file: its suggested name, its media type and its bytes.
 *
 * <p>The byte array is copied on the way in and out, so a sample cannot be changed after it is
 * made. {@link #equals(Object)} compares the bytes.
 *
 * @param fileName the suggested file name, with extension
 * @param mediaType the media type of the content, for example {@code audio/wav}
 * @param content the bytes of the file
 */
public record SampleFile(String fileName, String mediaType, byte[] content) {

  /**
   * Creates a sample after checking the name and copying the bytes.
   *
   * @param fileName the suggested file name, not blank
   * @param mediaType the media type of the content
   * @param content the bytes of the file
   * @throws IllegalArgumentException if the file name is blank
   */
  public SampleFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
    if (fileName.isBlank()) {
      throw new IllegalArgumentException("Sample file name is blank: expected a name.");
    }
    content = content.clone();
  }

  /**
   * Returns a copy of the bytes of the file.
   *
   * @return the content
   */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /**
   * Returns the extension of the file name, in lower case and without the dot.
   *
   * @return for example {@code "wav"}, or {@code ""} when the name has no extension
   */
  public String extension() {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Returns whether another sample has the same name, media type and bytes.
   *
   * @param other the object to compare with
   * @return {@code true} if all three are equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof SampleFile that
        && fileName.equals(that.fileName)
        && mediaType.equals(that.mediaType)
        && Arrays.equals(content, that.content);
  }

  /**
   * Returns a hash code over the name, media type and bytes.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(fileName, mediaType, Arrays.hashCode(content));
  }

  /**
   * Returns the name, media type and size, without the bytes.
   *
   * @return for example {@code SampleFile[tones.wav, audio/wav, 176044 bytes]}
   */
  @Override
  public String toString() {
    return "SampleFile[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
  }
}
