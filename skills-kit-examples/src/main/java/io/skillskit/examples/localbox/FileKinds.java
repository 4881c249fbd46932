package io.skillskit.examples.localbox;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File extensions and kinds, with the same tables Box Skills use to choose a basic format: audio
 * before image before video, and everything else a document.
 */
final class FileKinds {

  enum Kind {
    AUDIO,
    VIDEO,
    IMAGE,
    DOCUMENT
  }

  private static final Set<String> AUDIO =
      Set.of("aac", "aif", "aifc", "aiff", "amr", "au", "flac", "m4a", "mp3", "ra", "wav", "wma");
  private static final Set<String> IMAGE =
      Set.of(
          "ai", "bmp", "gif", "eps", "heic", "jpeg", "jpg", "png", "ps", "psd", "svg", "tif",
          "tiff", "dcm", "dicm", "dicom", "svs", "tga");
  private static final Set<String> VIDEO =
      Set.of(
          "3g2", "3gp", "avi", "flv", "m2v", "m2ts", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg",
          "ogg", "mts", "qt", "ts", "wmv");

  /** Documents whose bytes are UTF-8 text that LocalBox returns as extracted text unchanged. */
  private static final Set<String> PLAIN_TEXT =
      Set.of("txt", "text", "md", "markdown", "csv", "tsv", "vtt", "srt", "json", "log");

  /** Documents whose text LocalBox extracts by removing markup. */
  private static final Set<String> MARKUP = Set.of("html", "htm", "xhtml", "xml");

  private static final Map<String, String> CONTENT_TYPES =
      Map.ofEntries(
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("wav", "audio/wav"),
          Map.entry("m4a", "audio/mp4"),
          Map.entry("flac", "audio/flac"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("png", "image/png"),
          Map.entry("gif", "image/gif"),
          Map.entry("bmp", "image/bmp"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("md", "text/markdown; charset=utf-8"),
          Map.entry("csv", "text/csv; charset=utf-8"),
          Map.entry("vtt", "text/vtt; charset=utf-8"),
          Map.entry("srt", "application/x-subrip"),
          Map.entry("json", "application/json"),
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("htm", "text/html; charset=utf-8"),
          Map.entry("xml", "application/xml"));

  private FileKinds() {}

  /**
   * Returns the lower-case extension of a file name without the dot: the text after the last dot,
   * or "" when there is none, when the only dot leads the name, or when the name ends in a dot.
   */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      return "";
    }
    return name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static Kind kindOf(String extension) {
    if (AUDIO.contains(extension)) {
      return Kind.AUDIO;
    }
    if (IMAGE.contains(extension)) {
      return Kind.IMAGE;
    }
    if (VIDEO.contains(extension)) {
      return Kind.VIDEO;
    }
    return Kind.DOCUMENT;
  }

  static boolean isPlainText(String extension) {
    return PLAIN_TEXT.contains(extension);
  }

  static boolean isMarkup(String extension) {
    return MARKUP.contains(extension);
  }

  static String contentType(String extension) {
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
