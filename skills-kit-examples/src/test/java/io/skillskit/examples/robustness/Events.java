package io.skillskit.examples.robustness;

import static io.skillskit.examples.robustness.JsonText.array;
import static io.skillskit.examples.robustness.JsonText.number;
import static io.skillskit.examples.robustness.JsonText.object;
import static io.skillskit.examples.robustness.JsonText.string;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Valid skill invocation events as {@link JsonText} trees, for tests to break. */
final class Events {

  static final String READ_TOKEN = "1!RobustReadTokenValue0000000001.readpart0001";
  static final String WRITE_TOKEN = "1!RobustWriteTokenValue000000001.writepart001";
  static final String API_KEY = "robustclientid0000000000000000001";
  static final long EXPIRES_AT = 1_714_669_200L;

  /** The parser clock: one hour before the tokens expire. */
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(EXPIRES_AT - 3_600), ZoneOffset.UTC);

  /** Required fields, in the order the parser checks them once the body is read. */
  static final List<String> REQUIRED =
      List.of(
          "$.id",
          "$.skill",
          "$.skill.id",
          "$.source",
          "$.source.id",
          "$.source.name",
          "$.token",
          "$.token.read",
          "$.token.read.access_token",
          "$.token.write",
          "$.token.write.access_token");

  private Events() {}

  /**
   * Builds an event in the shape Box sends.
   *
   * @param numericIds whether ids are JSON numbers, as in older events, instead of strings
   */
  static JsonText.Obj template(boolean numericIds) {
    return object(
        "type", string("skill_invocation"),
        "id", string("7000001_545901644053"),
        "skill",
            object(
                "id", id("900491", numericIds),
                "type", string("skill"),
                "name", string("Test Transcriber"),
                "api_key", string(API_KEY)),
        "token",
            object(
                "read", token(READ_TOKEN, "item_read"),
                "write", token(WRITE_TOKEN, "item_upload")),
        "status",
            object(
                "state", string("invoked"),
                "message", string(""),
                "error_code", string(""),
                "additional_info", string("")),
        "skill_rules", array(object("id", string("4400017"), "type", string("skill_rule"))),
        "created_at", string("2024-05-01T10:00:00-07:00"),
        "trigger", string("FILE_CONTENT"),
        "enterprise",
            object(
                "type",
                string("enterprise"),
                "id",
                id("11446498", numericIds),
                "name",
                string("Example Co")),
        "source",
            object(
                "type", string("file"),
                "id", id("545901644053", numericIds),
                "name", string("Quarterly Call.MP4"),
                "size", number(5_368_709_120L),
                "file_version", object("id", id("578606265253", numericIds)),
                "parent", object("id", id("90895678899", numericIds)),
                "sequence_id", id("0", numericIds)),
        "event",
            object(
                "event_id", string("7000001"),
                "event_type", string("ITEM_UPLOAD"),
                "created_by",
                    object(
                        "type",
                        string("user"),
                        "id",
                        id("10391568949", numericIds),
                        "login",
                        string("tester@example.com"))),
        "parameters", object());
  }

  private static JsonText id(String digits, boolean numeric) {
    return numeric ? JsonText.raw(digits) : string(digits);
  }

  private static JsonText token(String value, String scope) {
    String scopes =
        "[{\"scope\":\"gcm\"},{\"scope\":\"" + scope + "\",\"object_id\":545901644053}]";
    return object(
        "access_token", string(value),
        "expires_in", number(EXPIRES_AT),
        "token_type", string("bearer"),
        "restricted_to", string(scopes));
  }
}
