package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the sample messages under {@code src/test/resources/fixtures}. */
public final class Fixtures {

  /** The mapper the tests use to read and build JSON. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  /** Returns the exact bytes of a fixture, such as {@code signature/body.json}. */
  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "fixture " + path + " is missing from the test resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a fixture decoded as UTF-8. */
  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** Returns a fixture parsed as JSON. */
  public static JsonNode json(String path) {
    try {
      return MAPPER.readTree(bytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a fixture parsed as a JSON object that the caller may change. */
  public static ObjectNode object(String path) {
    return (ObjectNode) json(path);
  }

  /** Parses JSON text, failing the test on invalid JSON. */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
