package io.skillskit.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Reads the sample messages under {@code src/test/resources/fixtures}. */
final class CardFixtures {

  /** The instant every card fixture carries as {@code created_at}. */
  static final Instant CREATED_AT = Instant.parse("2026-03-14T16:27:05.417Z");

  /** A clock stopped at {@link #CREATED_AT}. */
  static final Clock CLOCK = Clock.fixed(CREATED_AT, ZoneOffset.UTC);

  static final String SKILL_ID = "10027";
  static final String INVOCATION_ID = "3f1c2a9e-5b7d-4c1e-9a2b-7e6d5c4b3a21_2048001001";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CardFixtures() {}

  /** Parses the audio event whose skill and invocation ids the card fixtures carry. */
  static SkillsRequest request() {
    return SkillsRequest.parse(bytes("events/invocation-audio-mp3.json"));
  }

  static byte[] bytes(String name) {
    String path = "/fixtures/" + name;
    try (InputStream in = CardFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + path + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static JsonNode json(String name) {
    return tree(text(name));
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes the PNG inside a {@code data:image/png;base64,} URI. */
  static byte[] dataUriBytes(String dataUri) {
    return java.util.Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
  }
}
