package io.skillskit.examples.analysis;

import java.util.Locale;
import java.util.Objects;

/** The caption file formats that {@link Captions} reads. */
public enum CaptionFormat {
  /**
   * WebVTT: a {@code WEBVTT} header, then cues timed as {@code hh:mm:ss.mmm} or {@code mm:ss.mmm}.
   */
  WEBVTT,
  /** SubRip: numbered cues timed as {@code hh:mm:ss,mmm}. */
  SRT;

  /**
   * Returns the format of a caption text: WebVTT when the text starts with the {@code WEBVTT}
   * signature (after an optional byte order mark), WebVTT as well when the file name ends in {@code
   * .vtt}, so that a missing header gets a clear error, and SRT otherwise.
   *
   * @param fileName the file name, used only for its extension, or empty
   * @param start the first characters of the text, of which the first 7 are enough
   * @return the detected format
   */
  public static CaptionFormat detect(String fileName, CharSequence start) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(start, "start");
    String text = start.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.startsWith("WEBVTT")) {
      return WEBVTT;
    }
    return fileName.toLowerCase(Locale.ROOT).endsWith(".vtt") ? WEBVTT : SRT;
  }
}
