package io.skillskit.box;

import io.skillskit.request.SkillsRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * An event in the shape of a real 2019 delivery, with every id a JSON number, and the same event
 * with every id a JSON string. Its tokens expire at 2024-05-02T17:00:00Z.
 */
final class PayloadEvents {

  static final Instant RECEIVED = Instant.parse("2024-05-01T17:00:05Z");
  static final String READ_TOKEN = "READ-TOKEN-FAKE-1";
  static final String WRITE_TOKEN = "WRITE-TOKEN-FAKE-1";
  static final String API_KEY = "testclientid00000000000000000000";

  static final String NUMERIC =
      """
{
  "type": "skill_invocation",
  "id": "7000001_545901644053",
  "skill": {"id": 900491, "type": "skill", "name": "Test Transcriber",
            "api_key": "testclientid00000000000000000000"},
  "token": {
    "read":  {"access_token": "READ-TOKEN-FAKE-1", "expires_in": 1714669200,
              "token_type": "bearer",
              "restricted_to": "[{\\"scope\\":\\"gcm\\"},{\\"scope\\":\\"item_read\\",\\"object_id\\":545901644053,\\"object_type\\":\\"file\\"}]"},
    "write": {"access_token": "WRITE-TOKEN-FAKE-1", "expires_in": 1714669200,
              "token_type": "bearer",
              "restricted_to": "[{\\"scope\\":\\"gcm\\"},{\\"scope\\":\\"item_upload\\",\\"object_id\\":545901644053,\\"object_type\\":\\"file\\"},{\\"scope\\":\\"manage_skill_invocations\\"}]"}
  },
  "status": {"state": "invoked", "message": "", "error_code": "", "additional_info": ""},
  "created_at": "2024-05-01T10:00:00-07:00",
  "trigger": "FILE_CONTENT",
  "enterprise": {"type": "enterprise", "id": "11446498", "name": "Example Co"},
  "source": {"type": "file", "id": 545901644053, "name": "Quarterly Call.MP4",
             "size": 5368709120, "file_version": {"id": 578606265253},
             "parent": {"id": 90895678899}, "sequence_id": 0,
             "owner_enterprise_id": 11446498},
  "event": {"event_id": "7000001", "event_type": "ITEM_UPLOAD",
            "created_at": "2024-05-01T10:00:00-07:00",
            "created_by": {"type": "user", "id": 10391568949, "name": "Test User",
                           "login": "tester@example.com"}},
  "parameters": {}
}
""";

  static final String STRINGS =
      NUMERIC
          .replace("\"id\": 900491", "\"id\": \"900491\"")
          .replace("\"id\": 545901644053", "\"id\": \"545901644053\"")
          .replace("\"id\": 578606265253", "\"id\": \"578606265253\"")
          .replace("\"id\": 90895678899", "\"id\": \"90895678899\"")
          .replace("\"id\": 10391568949", "\"id\": \"10391568949\"");

  private PayloadEvents() {}

  static SkillsRequest parse(String body) {
    return SkillsRequest.parser().clock(Clock.fixed(RECEIVED, ZoneOffset.UTC)).build().parse(body);
  }
}
