package io.skillskit.request;

import java.util.Locale;
import java.util.Set;

/**
 * Kind of media a file holds, decided by its extension with the same lists as Box's Node Skills
 * Kit. The kind decides which basic format a skill requests from Box.
 *
 * <p>Audio is checked first, then image, then video; everything else, including a file without
 * an extension, is a document. The lists do not overlap, and {@code ogg} counts as video.
 */
public enum FileType {
  /** Audio files such as {@code mp3}, {@code wav} or {@code m4a}; basic format {@code mp3}. */
  AUDIO("mp3", "[mp3]"),
  /** Video files such as {@code mp4}, {@code mov} or {@code ogg}; basic format {@code mp4}. */
  VIDEO("mp4", "[mp4]"),
  /** Images such as {@code jpg}, {@code png} or {@code heic}; basic format a 1024x1024 JPEG. */
  IMAGE("jpg", "[jpg?dimensions=1024x1024]"),
  /** Everything else; basic format the extracted text. */
  DOCUMENT("extracted_text", "[extracted_text]");

  private static final Set<String> AUDIO_EXTENSIONS =
      Set.of("aac", "aif", "aifc", "aiff", "amr", "au", "flac", "m4a", "mp3", "ra", "wav", "wma");
  private static final Set<String> IMAGE_EXTENSIONS =
      Set.of(
          "ai", "bmp", "gif", "eps", "heic", "jpeg", "jpg", "png", "ps", "psd", "svg", "tif",
          "tiff", "dcm", "dicm", "dicom", "svs", "tga");
  private static final Set<String> VIDEO_EXTENSIONS =
      Set.of(
          "3g2", "3gp", "avi", "flv", "m2v", "m2ts", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg",
          "ogg", "mts", "qt", "ts", "wmv");

  private final String basicFormat;
  private final String representationHint;

  FileType(String basicFormat, String representationHint) {
    this.basicFormat = basicFormat;
    this.representationHint = representationHint;
  }

  /**
   * Returns the kind of a file with the given extension.
   *
   * @param extension the extension without the dot, in any case; {@code ""} for none
   * @return the kind; {@link #DOCUMENT} for an unknown or empty extension
   */
  public static FileType ofExtension(String extension) {
    if (extension == null || extension.isEmpty()) {
      return DOCUMENT;
    }
    String lower = extension.toLowerCase(Locale.ROOT);
    if (AUDIO_EXTENSIONS.contains(lower)) {
      return AUDIO;
    }
    if (IMAGE_EXTENSIONS.contains(lower)) {
      return IMAGE;
    }
    if (VIDEO_EXTENSIONS.contains(lower)) {
      return VIDEO;
    }
    return DOCUMENT;
  }

  /**
   * Returns the extension of a file name the way Box's Node Skills Kit reads it: the text after
   * the last dot, in lower case. A name with no dot, a name whose only dot is its first character
   * ({@code .bashrc}) and a name ending in a dot ({@code report.}) have no extension.
   *
   * @param fileName the file name, for example {@code "Quarterly Call.MP4"}
   * @return the lower-case extension without the dot, for example {@code "mp4"}, or {@code ""}
   */
  public static String extensionOf(String fileName) {
    if (fileName == null) {
      return "";
    }
    int dot = fileName.lastIndexOf('.');
    if (dot <= 0 || dot == fileName.length() - 1) {
      return "";
    }
    return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the name of the basic format Box generates for this kind of file: {@code mp3},
   * {@code mp4}, {@code jpg} or {@code extracted_text}.
   *
   * @return the representation name
   */
  public String basicFormat() {
    return basicFormat;
  }

  /**
   * Returns the {@code x-rep-hints} header value that requests this kind's basic format from
   * Box, for example {@code [jpg?dimensions=1024x1024]} for images.
   *
   * @return the representation hint
   */
  public String representationHint() {
    return representationHint;
  }
}
