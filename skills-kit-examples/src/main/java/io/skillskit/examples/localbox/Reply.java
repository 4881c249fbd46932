package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response a route produces, written to the exchange by the router. */
final class Reply {

  final int status;
  final Map<String, String> headers = new LinkedHashMap<>();

  /** The body, or null for a response without one. */
  final FileContent body;

  private Reply(int status, FileContent body) {
    this.status = status;
    this.body = body;
  }

  static Reply empty(int status) {
    return new Reply(status, null);
  }

  static Reply json(int status, JsonNode node) {
    return new Reply(status, FileContent.of(Json.write(node)))
        .header("Content-Type", "application/json");
  }

  static Reply content(int status, String contentType, FileContent content) {
    return new Reply(status, content).header("Content-Type", contentType);
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
