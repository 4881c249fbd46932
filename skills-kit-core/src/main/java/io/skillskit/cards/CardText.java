package io.skillskit.cards;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;

/** Text rules shared by the card builders and the card reader. */
final class CardText {

  private CardText() {}

  /**
   * Tells whether a code point shows nothing: white space, a space separator such as the no-break
   * space, a control character, or a format character such as the zero-width space.
   */
  static boolean isInvisible(int codePoint) {
    if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.CONTROL || type == Character.FORMAT;
  }

  /** Tells whether a text is null or shows nothing. */
  static boolean isBlank(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (!isInvisible(codePoint)) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }

  /** Removes invisible code points from both ends of a text that is not blank. */
  static String strip(String text) {
    int begin = 0;
    while (begin < text.length()) {
      int codePoint = text.codePointAt(begin);
      if (!isInvisible(codePoint)) {
        break;
      }
      begin += Character.charCount(codePoint);
    }
    int end = text.length();
    while (end > begin) {
      int codePoint = text.codePointBefore(end);
      if (!isInvisible(codePoint)) {
        break;
      }
      end -= Character.charCount(codePoint);
    }
    return begin == 0 && end == text.length() ? text : text.substring(begin, end);
  }

  /** Returns the index of the first unpaired surrogate, or -1 when the text is valid UTF-16. */
  static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Derives a title code: {@code "skills_"} plus the title in lower case (root locale), with every
   * run of invisible characters replaced by one {@code _}. {@code "My Card Title"} gives {@code
   * skills_my_card_title}.
   */
  static String titleCode(String title) {
    String lower = strip(title).toLowerCase(Locale.ROOT);
    StringBuilder code = new StringBuilder(lower.length() + 7).append("skills_");
    boolean inGap = false;
    for (int i = 0; i < lower.length(); ) {
      int codePoint = lower.codePointAt(i);
      if (isInvisible(codePoint)) {
        inGap = true;
      } else {
        if (inGap) {
          code.append('_');
          inGap = false;
        }
        code.appendCodePoint(codePoint);
      }
      i += Character.charCount(codePoint);
    }
    return code.toString();
  }

  /** Quotes a value for a message, cutting a long one; {@code null} stays {@code null}. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return "'" + CardEntry.shorten(value, 60) + "'";
  }

  /**
   * Describes what is wrong with an image URL, or returns null when it is an absolute {@code
   * http(s)} URL with a host or a base64 {@code data:image/} URI.
   */
  static String imageUrlProblem(String url) {
    if (isBlank(url)) {
      return "is blank";
    }
    if (url.regionMatches(true, 0, "data:", 0, 5)) {
      return dataUriProblem(url);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "is not a valid URI (" + e.getReason() + " at index " + e.getIndex() + ")";
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
      return "is not an http(s) URL or a data:image URI";
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "has no host";
    }
    return null;
  }

  private static String dataUriProblem(String url) {
    int comma = url.indexOf(',');
    if (comma < 0) {
      return "is a data URI without a comma before its data";
    }
    String header = url.substring(5, comma).toLowerCase(Locale.ROOT);
    if (!header.startsWith("image/")) {
      return "is a data URI of type '" + header + "'; expected an image/ type";
    }
    if (!header.endsWith(";base64")) {
      return "is a data URI without ;base64; expected base64 image data";
    }
    if (comma == url.length() - 1) {
      return "is a data URI with no data";
    }
    try {
      Base64.getDecoder().decode(url.substring(comma + 1));
    } catch (IllegalArgumentException e) {
      return "is a data URI whose data is not valid base64 (" + e.getMessage() + ")";
    }
    return null;
  }
}
