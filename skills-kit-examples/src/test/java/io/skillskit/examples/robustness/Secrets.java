package io.skillskit.examples.robustness;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets no log line, exception message or {@code toString()} may contain: tokens, signing
 * keys, skill API keys, URLs that carry a token and LocalBox download paths. Tests register the
 * values they use; tokens LocalBox mints and its download paths are recognised by their shape.
 */
public final class Secrets {

  /** A kind of secret recognised by its shape. */
  private record Shape(String kind, Pattern pattern) {}

  private static final List<Shape> SHAPES =
      List.of(
          // LocalBox mints "1!" + 32 and 16 URL-safe Base64 characters around a dot.
          new Shape("a LocalBox token", Pattern.compile("1![A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{16}")),
          // LocalBox download URLs carry 43 URL-safe Base64 characters instead of a token.
          new Shape("a LocalBox download path", Pattern.compile("/d/1/[A-Za-z0-9_-]{43}/download")),
          new Shape(
              "a URL that carries a token",
              Pattern.compile("access_token=(?!\\*\\*\\*)[^&\\s\"'<>]+")),
          new Shape(
              "an Authorization header value",
              Pattern.compile("Bearer (?!\\*\\*\\*|realm=)[A-Za-z0-9!._~+/=-]{8,}")));

  /** Values registered by tests, with the kind of secret each is. */
  private static final ConcurrentHashMap<String, String> KNOWN = new ConcurrentHashMap<>();

  static {
    // Keys, tokens and API keys that tests across the module use.
    for (String key :
        List.of(
            "PrimaryKeyForTests0123456789abcd",
            "SecondaryKeyForTests0123456789ab",
            "RetiredPrimaryKey000000000000000",
            "HarnessPrimaryKey0123456789abcdef",
            "HarnessSecondaryKey0123456789abcd",
            SignaturePropertyTest.PRIMARY_KEY,
            SignaturePropertyTest.SECONDARY_KEY)) {
      register(key, "a signing key");
    }
    for (String token :
        List.of(
            "READ-TOKEN-FAKE-1",
            "WRITE-TOKEN-FAKE-1",
            "1!FAKE-READ-TOKEN-audio-0001.not-a-real-token",
            "1!FAKE-WRITE-TOKEN-audio-0001.not-a-real-token",
            Events.READ_TOKEN,
            Events.WRITE_TOKEN)) {
      register(token, "a token");
    }
    for (String apiKey :
        List.of(
            "testclientid00000000000000000000",
            "fakeclientid0000skillsfixture001",
            Events.API_KEY)) {
      register(apiKey, "a skill API key");
    }
  }

  private Secrets() {}

  /**
   * Adds a value to look for from now on.
   *
   * @param value the secret; values shorter than 8 characters are ignored, because they would match
   *     ordinary text
   * @param kind what the value is, such as "a token", for failure messages
   */
  public static void register(String value, String kind) {
    if (value != null && value.length() >= 8) {
      KNOWN.put(value, kind);
    }
  }

  /**
   * Looks for a secret in a text.
   *
   * @return what was found and the text with the secret replaced by {@code [SECRET]}, or null when
   *     the text contains no secret
   */
  public static String find(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (var entry : KNOWN.entrySet()) {
      if (text.contains(entry.getKey())) {
        return entry.getValue() + " in: " + mask(text.replace(entry.getKey(), "[SECRET]"));
      }
    }
    for (Shape shape : SHAPES) {
      Matcher matcher = shape.pattern.matcher(text);
      if (matcher.find()) {
        return shape.kind + " in: " + mask(matcher.replaceAll("[SECRET]"));
      }
    }
    return null;
  }

  /** Cuts a long text and masks every other secret in it, so a report never shows one. */
  private static String mask(String text) {
    String masked = text;
    for (String value : KNOWN.keySet()) {
      masked = masked.replace(value, "[SECRET]");
    }
    for (Shape shape : SHAPES) {
      masked = shape.pattern.matcher(masked).replaceAll("[SECRET]");
    }
    return masked.length() <= 400 ? masked : masked.substring(0, 400) + "...";
  }
}
