package io.skillskit.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SkillsRequestTest {

  private static final Instant RECEIVED = Instant.parse("2024-05-01T17:00:05Z");
  private static final SkillsRequestParser PARSER =
      SkillsRequest.parser().clock(Clock.fixed(RECEIVED, ZoneOffset.UTC)).build();

  @Test
  void parsesAudioFixture() {
    SkillsRequest request = SkillsRequest.parse(EventFixtures.bytes("invocation-audio-mp3.json"));

    assertThat(request.id()).isEqualTo("3f1c2a9e-5b7d-4c1e-9a2b-7e6d5c4b3a21_2048001001");
    assertThat(request.skill().id()).isEqualTo("10027");
    assertThat(request.skill().name()).isEqualTo("Fixture Media Insights Skill");
    assertThat(request.skill().apiKey()).isEqualTo("fakeclientid0000skillsfixture001");
    assertThat(request.file().id()).isEqualTo("1402003004005");
    assertThat(request.file().name()).isEqualTo("Weekly Sync Recording.mp3");
    assertThat(request.file().size()).isEqualTo(5_243_013L);
    assertThat(request.file().extension()).isEqualTo("mp3");
    assertThat(request.file().type()).isEqualTo(FileType.AUDIO);
    assertThat(request.file().versionId()).contains("1523004005006");
    assertThat(request.file().parentFolderId()).contains("180200300400");
    assertThat(request.enterpriseId()).contains("70000123");
    assertThat(request.trigger()).contains("FILE_CONTENT");
    assertThat(request.eventType()).contains("ITEM_UPLOAD");
    assertThat(request.createdAt())
        .contains(OffsetDateTime.parse("2026-03-14T09:26:51-07:00"));
    assertThat(request.readToken().value())
        .isEqualTo("1!FAKE-READ-TOKEN-audio-0001.not-a-real-token");
    assertThat(request.writeToken().value())
        .isEqualTo("1!FAKE-WRITE-TOKEN-audio-0001.not-a-real-token");
    assertThat(request.readToken().expiresAt()).contains(Instant.ofEpochSecond(1773592012L));
    assertThat(request.readToken().scopes()).containsExactly("gcm", "item_read");
    assertThat(request.writeToken().scopes())
        .containsExactly("gcm", "item_upload", "manage_skill_invocations");
  }

  @Test
  void parsesDocumentAndImageFixtures() {
    SkillsRequest document =
        SkillsRequest.parse(EventFixtures.bytes("invocation-document-pdf.json"));
    SkillsRequest image = SkillsRequest.parse(EventFixtures.text("invocation-image-jpg.json"));

    assertThat(document.file().name()).isEqualTo("Fixture Services Agreement 2026.pdf");
    assertThat(document.file().size()).isEqualTo(734_003L);
    assertThat(document.file().type()).isEqualTo(FileType.DOCUMENT);
    assertThat(document.file().type().representationHint()).isEqualTo("[extracted_text]");
    assertThat(image.file().name()).isEqualTo("site-photo-0042.jpg");
    assertThat(image.file().size()).isEqualTo(2_097_152L);
    assertThat(image.file().type()).isEqualTo(FileType.IMAGE);
    assertThat(image.file().type().representationHint()).isEqualTo("[jpg?dimensions=1024x1024]");
  }

  @Test
  void numericIdsFixtureKeepsIdsAsStrings() {
    SkillsRequest request = PARSER.parse(EventFixtures.bytes("invocation-numeric-ids.json"));

    assertThat(request.skill().id()).isEqualTo("10027");
    assertThat(request.file().id()).isEqualTo("1402003004333");
    assertThat(request.file().versionId()).contains("1523004005339");
    assertThat(request.file().parentFolderId()).contains("180200300400");
    assertThat(request.enterpriseId()).contains("70000123");
    assertThat(request.file().size()).isEqualTo(10_485_760L);
    assertThat(request.file().extension()).isEqualTo("wav");
    assertThat(request.file().type()).isEqualTo(FileType.AUDIO);
    assertThat(request.readToken().scopes()).containsExactly("gcm", "item_read");
  }

  @Test
  void numericAndStringEventsParseToSameModel() {
    SkillsRequest numeric = PARSER.parse(EventFixtures.EVENT_NUMERIC);
    SkillsRequest strings = PARSER.parse(EventFixtures.EVENT_STRINGS);

    for (SkillsRequest request : List.of(numeric, strings)) {
      assertThat(request.id()).isEqualTo("7000001_545901644053");
      assertThat(request.skill().id()).isEqualTo("900491");
      assertThat(request.file().id()).isEqualTo("545901644053");
      assertThat(request.file().versionId()).contains("578606265253");
      assertThat(request.file().size()).isEqualTo(5_368_709_120L);
      assertThat(request.file().name()).isEqualTo("Quarterly Call.MP4");
    }
    assertThat(numeric.file()).isEqualTo(strings.file());
    assertThat(numeric.skill()).isEqualTo(strings.skill());
  }

  @Test
  void idsBeyondLongRangeAreKeptAsDigits() {
    String body =
        EventFixtures.EVENT_NUMERIC.replace(
            "\"id\": 545901644053", "\"id\": 123456789012345678901234567890");

    SkillsRequest request = PARSER.parse(body);

    assertThat(request.file().id()).isEqualTo("123456789012345678901234567890");
  }

  @Test
  void absoluteExpiryIsReadAsUnixTime() {
    SkillsRequest request = PARSER.parse(EventFixtures.EVENT_NUMERIC);

    assertThat(request.readToken().expiresAt()).contains(Instant.parse("2024-05-02T17:00:00Z"));
    assertThat(request.writeToken().expiresAt()).contains(Instant.parse("2024-05-02T17:00:00Z"));
  }

  @Test
  void smallExpiryIsReadAsSecondsAfterReceipt() {
    String body = EventFixtures.EVENT_NUMERIC.replace("1714669200", "3600");

    SkillsRequest request = PARSER.parse(body);

    assertThat(request.receivedAt()).isEqualTo(RECEIVED);
    assertThat(request.readToken().expiresAt()).contains(Instant.parse("2024-05-01T18:00:05Z"));
  }

  @ParameterizedTest
  @CsvSource({
    "999999999, 2056-01-08T18:46:44Z",
    "1000000000, 2001-09-09T01:46:40Z",
    "0, 2024-05-01T17:00:05Z",
    "\"1714669200\", 2024-05-02T17:00:00Z"
  })
  void expiryRuleAtBoundaries(String expiresIn, String expected) {
    String body = EventFixtures.EVENT_NUMERIC.replace("1714669200", expiresIn);

    SkillsRequest request = PARSER.parse(body);

    assertThat(request.readToken().expiresAt()).contains(Instant.parse(expected));
  }

  @Test
  void tokenExpiryHelpersUseTheGivenClock() {
    AccessToken token = PARSER.parse(EventFixtures.EVENT_NUMERIC).readToken();
    Clock before = Clock.fixed(Instant.parse("2024-05-02T16:00:00Z"), ZoneOffset.UTC);
    Clock after = Clock.fixed(Instant.parse("2024-05-02T17:00:00Z"), ZoneOffset.UTC);

    assertThat(token.isExpired(before)).isFalse();
    assertThat(token.remaining(before)).contains(Duration.ofHours(1));
    assertThat(token.isExpired(after)).isTrue();
    assertThat(token.remaining(after)).contains(Duration.ZERO);
  }

  @Test
  void missingExpiryIsUnknownAndNotExpired() {
    String body =
        EventFixtures.EVENT_NUMERIC.replace("\"expires_in\": 1714669200,", "");

    AccessToken token = PARSER.parse(body).readToken();

    assertThat(token.expiresAt()).isEmpty();
    assertThat(token.isExpired(Clock.systemUTC())).isFalse();
    assertThat(token.remaining(Clock.systemUTC())).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "Quarterly Call.MP4, mp4, VIDEO",
    "song.OGG, ogg, VIDEO",
    "voice.m4a, m4a, AUDIO",
    "scan.HEIC, heic, IMAGE",
    "clip.3G2, 3g2, VIDEO",
    "backup.tar.gz, gz, DOCUMENT",
    "notes, '', DOCUMENT",
    ".hidden, '', DOCUMENT",
    ".hidden.wav, wav, AUDIO",
    "report., '', DOCUMENT",
    "..., '', DOCUMENT",
    "a.b.JPEG, jpeg, IMAGE",
    "Résumé 🎧.FLAC, flac, AUDIO",
    "photo.Tiff, tiff, IMAGE",
    "movie.MKV, mkv, VIDEO",
    "slides.pptx, pptx, DOCUMENT"
  })
  void extensionAndTypeFollowNodeKitTables(String name, String extension, FileType type) {
    String body = EventFixtures.EVENT_STRINGS.replace("Quarterly Call.MP4", name);

    SourceFile file = PARSER.parse(body).file();

    assertThat(file.extension()).isEqualTo(extension);
    assertThat(file.type()).isEqualTo(type);
  }

  @Test
  void everyKnownExtensionMapsToItsType() {
    assertThat(FileType.ofExtension("WAV")).isEqualTo(FileType.AUDIO);
    assertThat(FileType.ofExtension("aifc")).isEqualTo(FileType.AUDIO);
    assertThat(FileType.ofExtension("svs")).isEqualTo(FileType.IMAGE);
    assertThat(FileType.ofExtension("m2ts")).isEqualTo(FileType.VIDEO);
    assertThat(FileType.ofExtension("")).isEqualTo(FileType.DOCUMENT);
    assertThat(FileType.ofExtension(null)).isEqualTo(FileType.DOCUMENT);
    assertThat(FileType.AUDIO.representationHint()).isEqualTo("[mp3]");
    assertThat(FileType.VIDEO.representationHint()).isEqualTo("[mp4]");
    assertThat(FileType.DOCUMENT.basicFormat()).isEqualTo("extracted_text");
  }

  @Test
  void restrictedToAsArrayOrStringGivesScopes() {
    SkillsRequest fromString = PARSER.parse(EventFixtures.EVENT_STRINGS);
    SkillsRequest fromArray = PARSER.parse(EventFixtures.bytes("invocation-numeric-ids.json"));

    assertThat(fromString.writeToken().scopes())
        .containsExactly("gcm", "item_upload", "manage_skill_invocations");
    assertThat(fromArray.writeToken().scopes())
        .containsExactly("gcm", "item_upload", "manage_skill_invocations");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"not json\"", "\"{}\"", "42", "{\"a\":1}", "\"[1, 2, [\""})
  void oddRestrictedToGivesNoScopes(String restrictedTo) {
    String body =
        EventFixtures.EVENT_STRINGS.replaceFirst(
            "\"restricted_to\": \"[^\\n]*\"\\}", "\"restricted_to\": " + restrictedTo + "}");

    SkillsRequest request = PARSER.parse(body);

    assertThat(request.readToken().scopes()).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnored() {
    String body =
        EventFixtures.EVENT_STRINGS.replace(
            "\"parameters\": {}",
            "\"parameters\": {}, \"future\": {\"nested\": [1, {\"x\": null}]}, \"n\": 1.5");

    assertThat(PARSER.parse(body).id()).isEqualTo("7000001_545901644053");
  }

  @Test
  void toStringShowsNoSecret() {
    SkillsRequest request = PARSER.parse(EventFixtures.EVENT_NUMERIC);

    String text = request + " " + request.skill() + " " + request.file() + " "
        + request.readToken() + " " + request.writeToken();

    assertThat(text)
        .doesNotContain("READ-TOKEN-FAKE-1")
        .doesNotContain("WRITE-TOKEN-FAKE-1")
        .doesNotContain("testclientid00000000000000000000")
        .contains("7000001_545901644053")
        .contains("900491")
        .contains("545901644053")
        .contains("***");
  }

  @Test
  void rejectsEmptyBody() {
    assertThatThrownBy(() -> SkillsRequest.parse(new byte[0]))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage("body is empty; expected a JSON object with \"type\": \"skill_invocation\"");
    assertThatThrownBy(() -> SkillsRequest.parse(""))
        .isInstanceOf(InvalidSkillsRequestException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n\t\r "})
  void treatsWhitespaceBodyAsEmpty(String body) {
    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage("body is empty; expected a JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{", "{\"type\":", "{\"id\":\"a\",}", "nul"})
  void rejectsTextThatIsNotJson(String body) {
    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessageStartingWith("body is not valid JSON");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]| body is a JSON array; expected a JSON object",
        "\"text\"| body is a string; expected a JSON object",
        "42| body is an integer; expected a JSON object",
        "null| body is null; expected a JSON object",
        "true| body is a boolean; expected a JSON object"
      })
  void rejectsJsonThatIsNotAnObject(String body, String message) {
    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsWebhookEvent() {
    String body =
        "{\"type\":\"webhook_event\",\"trigger\":\"FILE.UPLOADED\","
            + "\"source\":{\"type\":\"file\",\"id\":\"1\"}}";

    assertThatThrownBy(() -> SkillsRequest.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage(
            "$.type must be \"skill_invocation\" but is \"webhook_event\"; "
                + "this body is not a skill invocation event")
        .extracting(e -> ((InvalidSkillsRequestException) e).jsonPath())
        .isEqualTo("$.type");
  }

  @Test
  void rejectsFolderSource() {
    String body =
        EventFixtures.EVENT_NUMERIC.replaceFirst(
            "\"source\": \\{\"type\": \"file\", \"id\": 545901644053, \"name\": \"Quarterly Call.MP4\",",
            "\"source\": {\"type\": \"folder\", \"id\": \"90895678899\", \"name\": \"Inbox\",");

    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage("$.source is a folder; expected a file because skills run on files only");
  }

  @Test
  void rejectsMissingTokenFixtures() {
    assertThatThrownBy(
            () -> SkillsRequest.parse(EventFixtures.bytes("invocation-missing-token.json")))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage("$.token is missing; expected an object with the read and write tokens");
    assertThatThrownBy(
            () -> SkillsRequest.parse(EventFixtures.bytes("invocation-missing-write-token.json")))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage("$.token.write is missing; expected an object with access_token");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"id\": \"7000001_545901644053\",|$.id",
        "\"id\": 900491, |$.skill.id",
        "\"id\": 545901644053, |$.source.id",
        "\"name\": \"Quarterly Call.MP4\",|$.source.name",
        "\"access_token\": \"READ-TOKEN-FAKE-1\", |$.token.read.access_token",
        "\"access_token\": \"WRITE-TOKEN-FAKE-1\", |$.token.write.access_token"
      })
  void rejectsMissingRequiredField(String removed, String path) {
    String body = EventFixtures.EVENT_NUMERIC.replace(removed, "");

    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessageStartingWith(path + " is missing; expected ")
        .extracting(e -> ((InvalidSkillsRequestException) e).jsonPath())
        .isEqualTo(path);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"id\": \"7000001_545901644053\"|\"id\": true|$.id is a boolean; expected a string or an integer id",
        "\"id\": 900491|\"id\": 9004.91|$.skill.id is a fractional number; expected a string or an integer id",
        "\"id\": 900491|\"id\": {}|$.skill.id is a JSON object; expected a string or an integer id",
        "\"id\": 545901644053|\"id\": [1]|$.source.id is a JSON array; expected a string or an integer id",
        "\"id\": 545901644053|\"id\": -5|$.source.id is -5; expected a non-negative integer id",
        "\"id\": 545901644053|\"id\": \"  \"|$.source.id is blank; expected a non-empty id",
        "\"name\": \"Quarterly Call.MP4\"|\"name\": 12|$.source.name is an integer; expected the file name as a string",
        "\"access_token\": \"READ-TOKEN-FAKE-1\"|\"access_token\": 123456|$.token.read.access_token is an integer; expected the token as a string",
        "\"access_token\": \"WRITE-TOKEN-FAKE-1\"|\"access_token\": \" \"|$.token.write.access_token is blank; expected the token as a non-empty string",
        "\"skill\": {|\"skill\": [], \"x\": {|$.skill is a JSON array; expected an object",
        "\"size\": 5368709120|\"size\": -1|$.source.size is -1; expected a byte count >= 0",
        "\"size\": 5368709120|\"size\": 1.5|$.source.size is a fractional number; expected the size in bytes as an integer up to 2^63-1",
        "\"size\": 5368709120|\"size\": 99999999999999999999|$.source.size is an integer; expected the size in bytes as an integer up to 2^63-1"
      })
  void rejectsWronglyTypedField(String original, String replacement, String message) {
    String body = EventFixtures.EVENT_NUMERIC.replaceFirst(
        java.util.regex.Pattern.quote(original),
        java.util.regex.Matcher.quoteReplacement(replacement));

    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"id\": 900491|$.skill.id|..",
        "\"id\": 900491|$.skill.id|.",
        "\"id\": 900491|$.skill.id|%2e%2e",
        "\"id\": 900491|$.skill.id|900491/../1",
        "\"id\": 545901644053|$.source.id|..",
        "\"id\": 545901644053|$.source.id|' 545901644053'",
        "\"id\": 545901644053|$.source.id|5459?x=1",
        "\"id\": 545901644053|$.source.id|\uff15\uff14",
        "\"id\": 578606265253|$.source.file_version.id|1&version=2",
        "\"id\": 578606265253|$.source.file_version.id|578606265253#"
      })
  void rejectsIdsThatWouldChangeUrls(String original, String path, String id) {
    String body =
        EventFixtures.EVENT_NUMERIC.replaceFirst(
            java.util.regex.Pattern.quote(original),
            java.util.regex.Matcher.quoteReplacement("\"id\": \"" + id + "\""));

    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage(
            path
                + " is not a decimal number; expected the id as digits, such as"
                + " \"545901644053\", because the kit puts it into Box URLs")
        .extracting(e -> ((InvalidSkillsRequestException) e).jsonPath())
        .isEqualTo(path);
  }

  @Test
  void tokenValuesNeverAppearInMessages() {
    String unquotedToken =
        EventFixtures.EVENT_NUMERIC.replace("\"READ-TOKEN-FAKE-1\"", "READ-TOKEN-FAKE-1");
    String tokenAsType =
        EventFixtures.EVENT_NUMERIC.replace(
            "\"type\": \"skill_invocation\"", "\"type\": \"WRITE-TOKEN-FAKE-1\"");

    assertThatThrownBy(() -> PARSER.parse(unquotedToken))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessageNotContaining("READ-TOKEN")
        .hasNoCause();
    assertThatThrownBy(() -> PARSER.parse(tokenAsType))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage(
            "$.type must be \"skill_invocation\" but is a value of 18 characters; "
                + "this body is not a skill invocation event");
  }

  @Test
  void rejectsBodyOverSizeLimit() {
    SkillsRequestParser small = SkillsRequest.parser().maxBodyBytes(100).build();
    byte[] body = EventFixtures.EVENT_NUMERIC.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> small.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage(
            "body is "
                + body.length
                + " bytes; the limit is 100 bytes (raise it with "
                + "SkillsRequest.parser().maxBodyBytes(...))");
    assertThat(SkillsRequestParser.DEFAULT_MAX_BODY_BYTES).isEqualTo(1 << 20);
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "[".repeat(40) + "]".repeat(40);
    String body = EventFixtures.EVENT_NUMERIC.replace("\"parameters\": {}", "\"parameters\": " + deep);

    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage("body nests deeper than 32 levels; a skill event nests about five");
  }

  @Test
  void rejectsDuplicateFields() {
    String body =
        EventFixtures.EVENT_NUMERIC.replace(
            "\"id\": \"7000001_545901644053\",",
            "\"id\": \"7000001_545901644053\", \"id\": \"other\",");

    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessageStartingWith("body has a duplicate field at line ");
  }

  @Test
  void rejectsTrailingContent() {
    assertThatThrownBy(() -> PARSER.parse(EventFixtures.EVENT_NUMERIC + " {}"))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessage("body has content after the JSON object; expected one object only");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] body = EventFixtures.EVENT_NUMERIC.getBytes(StandardCharsets.UTF_8);
    int at = EventFixtures.EVENT_NUMERIC.indexOf("Quarterly");
    body[at] = (byte) 0xC3;
    body[at + 1] = (byte) 0x28;

    assertThatThrownBy(() -> PARSER.parse(body))
        .isInstanceOf(InvalidSkillsRequestException.class)
        .hasMessageStartingWith("body is not valid JSON");
  }

  @Test
  void parserBuilderRejectsBadLimits() {
    assertThatThrownBy(() -> SkillsRequest.parser().maxBodyBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBodyBytes is 0; expected at least 1");
    assertThatThrownBy(() -> SkillsRequest.parser().maxDepth(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDepth is 2; expected at least 4");
  }

  @Test
  void nullBodyNamesTheParameter() {
    assertThatThrownBy(() -> SkillsRequest.parse((byte[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("body");
  }
}
