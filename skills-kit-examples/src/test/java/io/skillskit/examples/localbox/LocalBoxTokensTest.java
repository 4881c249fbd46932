package io.skillskit.examples.localbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalBoxTokensTest {

  private static final String INVALID_TOKEN_CHALLENGE =
      "Bearer realm=\"Service\", error=\"invalid_token\", "
          + "error_description=\"The access token provided is invalid.\"";

  private final TestClock clock = new TestClock(Instant.parse("2026-03-14T16:26:51Z"));
  private LocalBox box;
  private LocalFile file;
  private LocalFile otherFile;
  private InvocationGrant grant;
  private InvocationGrant otherGrant;

  @BeforeEach
  void startBox() {
    box = LocalBox.builder().clock(clock).tokenTtl(Duration.ofHours(1)).start();
    file = box.addFile("memo.mp3", "ID3 memo".getBytes(StandardCharsets.UTF_8));
    otherFile = box.addFile("other.mp3", "ID3 other".getBytes(StandardCharsets.UTF_8));
    grant = box.invocationFor(file.id());
    otherGrant = box.invocationFor(otherFile.id());
  }

  @AfterEach
  void stopBox() {
    box.close();
  }

  @Test
  void readTokenReadsFileInformation() {
    HttpResponse<String> response = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Fixtures.parse(response.body());
    assertThat(body.get("id").asText()).isEqualTo(file.id());
    assertThat(body.get("name").asText()).isEqualTo("memo.mp3");
  }

  @Test
  void readTokenCannotWriteInvocationStatus() {
    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.readToken(), processingBody(file).toString());

    assertForbidden(response);
    assertThat(box.invocationHistory(file.id())).isEmpty();
  }

  @Test
  void readTokenCannotCreateSkillsCards() {
    HttpResponse<String> response =
        TestHttp.send(
            box,
            "POST",
            "/2.0/files/" + file.id() + "/metadata/global/boxSkillsCards",
            grant.readToken(),
            "application/json",
            Fixtures.text("requests/boxskillscards-post.json"));

    assertForbidden(response);
  }

  @Test
  void writeTokenCannotReadContent() {
    HttpResponse<String> content =
        TestHttp.get(box, "/2.0/files/" + file.id() + "/content", grant.writeToken());
    HttpResponse<String> info = TestHttp.get(box, "/2.0/files/" + file.id(), grant.writeToken());

    assertForbidden(content);
    assertForbidden(info);
  }

  @Test
  void writeTokenWritesItsOwnFile() {
    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.writeToken(), processingBody(file).toString());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void tokenOfAnotherFileIsForbidden() {
    HttpResponse<String> read =
        TestHttp.get(box, "/2.0/files/" + file.id(), otherGrant.readToken());
    HttpResponse<String> write =
        TestHttp.putInvocation(box, otherGrant.writeToken(), processingBody(file).toString());

    assertForbidden(read);
    assertForbidden(write);
  }

  @Test
  void unknownFileIsNotFound() {
    HttpResponse<String> response = TestHttp.get(box, "/2.0/files/999999999999", grant.readToken());

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = Fixtures.parse(response.body());
    assertThat(body.get("code").asText()).isEqualTo("not_found");
    assertThat(body.at("/context_info/errors/0/name").asText()).isEqualTo("item");
  }

  @Test
  void expiredTokenGets401WithEmptyBody() {
    clock.advance(Duration.ofHours(1));

    HttpResponse<String> response = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains(INVALID_TOKEN_CHALLENGE);
    assertThat(response.headers().firstValue("box-request-id")).isPresent();
  }

  @Test
  void tokenWorksUntilItsExpiry() {
    clock.advance(Duration.ofHours(1).minusSeconds(1));

    HttpResponse<String> response = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void grantCarriesIssueAndExpiryTimes() {
    assertThat(grant.issuedAt()).isEqualTo(Instant.parse("2026-03-14T16:26:51Z"));
    assertThat(grant.expiresAt()).isEqualTo(Instant.parse("2026-03-14T17:26:51Z"));
  }

  @Test
  void expireTokensMakesEveryTokenFail() {
    box.expireTokens();

    HttpResponse<String> read = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());
    HttpResponse<String> write =
        TestHttp.putInvocation(box, grant.writeToken(), processingBody(file).toString());

    assertThat(read.statusCode()).isEqualTo(401);
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(write.body()).isEmpty();
  }

  @Test
  void expireTokensOfOneFileKeepsOthers() {
    box.expireTokens(file.id());

    HttpResponse<String> expired = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());
    HttpResponse<String> valid =
        TestHttp.get(box, "/2.0/files/" + otherFile.id(), otherGrant.readToken());

    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(valid.statusCode()).isEqualTo(200);
  }

  @Test
  void expireTokenExpiresOnlyThatToken() {
    boolean known = box.expireToken(grant.readToken());

    HttpResponse<String> read = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());
    HttpResponse<String> write =
        TestHttp.putInvocation(box, grant.writeToken(), processingBody(file).toString());

    assertThat(known).isTrue();
    assertThat(box.expireToken("1!never-minted")).isFalse();
    assertThat(read.statusCode()).isEqualTo(401);
    assertThat(write.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownTokenGets401() {
    HttpResponse<String> response =
        TestHttp.get(box, "/2.0/files/" + file.id(), "1!not-a-token-LocalBox-minted");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains(INVALID_TOKEN_CHALLENGE);
  }

  @Test
  void missingAuthorizationGets401() {
    HttpResponse<String> response = TestHttp.get(box, "/2.0/files/" + file.id(), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"Service\"");
  }

  @Test
  void nonBearerAuthorizationGets401() {
    HttpResponse<String> response =
        TestHttp.send(
            TestHttp.request(box, "/2.0/files/" + file.id(), null)
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void accessTokenInQueryIsRejected() {
    String query =
        "?access_token=" + java.net.URLEncoder.encode(grant.readToken(), StandardCharsets.UTF_8);

    HttpResponse<String> withoutHeader =
        TestHttp.get(box, "/2.0/files/" + file.id() + "/content" + query, null);
    HttpResponse<String> withHeader =
        TestHttp.get(box, "/2.0/files/" + file.id() + query, grant.readToken());

    assertThat(withoutHeader.statusCode()).isEqualTo(400);
    assertThat(withHeader.statusCode()).isEqualTo(400);
    JsonNode body = Fixtures.parse(withHeader.body());
    assertThat(body.get("code").asText()).isEqualTo("bad_request");
    assertThat(body.get("message").asText())
        .isEqualTo(
            "LocalBox accepts tokens only in the Authorization header, not as access_token in "
                + "the query");
  }

  @Test
  void tokensLookLikeRealOnes() {
    InvocationGrant again = box.invocationFor(file.id());

    assertThat(grant.readToken()).startsWith("1!").matches("[A-Za-z0-9._!-]{40,}");
    assertThat(grant.writeToken()).startsWith("1!").contains(".");
    assertThat(grant.readToken()).isNotEqualTo(grant.writeToken());
    assertThat(again.readToken()).isNotEqualTo(grant.readToken());
  }

  @Test
  void grantToStringHidesTokens() {
    String text = grant.toString();

    assertThat(text).doesNotContain(grant.readToken()).doesNotContain(grant.writeToken());
    assertThat(text).contains("readToken=***").contains("file=" + file.id());
    assertThat(grant.skill().toString()).doesNotContain(grant.skill().apiKey());
  }

  @Test
  void invocationForUnknownFileNamesTheFile() {
    assertThatThrownBy(() -> box.invocationFor("123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("file 123 is not in this LocalBox; add it with addFile first");
  }

  static ObjectNode processingBody(LocalFile file) {
    ObjectNode body = Fixtures.object("requests/skill-invocations-put-processing.json");
    ((ObjectNode) body.get("file")).put("id", file.id());
    return body;
  }

  private static void assertForbidden(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode body = Fixtures.parse(response.body());
    assertThat(body.get("type").asText()).isEqualTo("error");
    assertThat(body.get("status").asInt()).isEqualTo(403);
    assertThat(body.get("code").asText()).isEqualTo("insufficient_scope");
    assertThat(body.get("help_url").asText()).startsWith("https://developer.box.com/");
    assertThat(body.has("context_info")).isTrue();
    assertThat(response.headers().firstValue("box-request-id"))
        .contains(body.get("request_id").asText());
  }
}
