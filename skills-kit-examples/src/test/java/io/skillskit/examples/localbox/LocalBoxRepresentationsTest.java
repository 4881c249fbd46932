package io.skillskit.examples.localbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalBoxRepresentationsTest {

  private LocalBox box;

  @BeforeEach
  void startBox() {
    box = LocalBox.start();
  }

  @AfterEach
  void stopBox() {
    box.close();
  }

  @Test
  void fileInformationWithoutFieldsHasNoRepresentations() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode info = fileInfo(file, grant, null, null);

    assertThat(info.has("representations")).isFalse();
    assertThat(info.get("type").asText()).isEqualTo("file");
    assertThat(info.get("size").asLong()).isEqualTo(3);
    assertThat(info.at("/file_version/id").asText()).isEqualTo(file.versionId());
    assertThat(info.at("/parent/id").asText()).isEqualTo(file.parentFolderId());
  }

  @Test
  void fieldsLimitTheFileInformation() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode info = fileInfo(file, grant, "name,representations", "[mp3]");

    assertThat(info.get("name").asText()).isEqualTo("memo.mp3");
    assertThat(info.has("size")).isFalse();
    assertThat(info.at("/representations/entries")).hasSize(1);
  }

  @Test
  void extractedTextStartsNoneUntilInfoUrlIsRequested() {
    LocalFile file = box.addFile("notes.txt", "budget review\n".getBytes(StandardCharsets.UTF_8));
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode first = entry(fileInfo(file, grant, "representations", "[extracted_text]"));
    JsonNode second = entry(fileInfo(file, grant, "representations", "[extracted_text]"));
    List<String> polls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      polls.add(poll(first, grant).at("/status/state").asText());
    }
    JsonNode after = entry(fileInfo(file, grant, "representations", "[extracted_text]"));

    assertThat(first.get("representation").asText()).isEqualTo("extracted_text");
    assertThat(first.at("/status/state").asText()).isEqualTo("none");
    assertThat(second.at("/status/state").asText()).isEqualTo("none");
    assertThat(polls).containsExactly("pending", "pending", "success");
    assertThat(after.at("/status/state").asText()).isEqualTo("success");
  }

  @Test
  void mp3StartsPendingAndSucceedsAfterTwoPolls() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[mp3]"));
    List<String> polls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      polls.add(poll(entry, grant).at("/status/state").asText());
    }

    assertThat(entry.at("/status/state").asText()).isEqualTo("pending");
    assertThat(polls).containsExactly("pending", "pending", "success");
    assertThat(box.representationState(file.id(), "mp3")).contains(RepresentationState.SUCCESS);
  }

  @Test
  void entryUrlsAreAbsoluteOnLocalBox() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[mp3]"));

    assertThat(entry.at("/info/url").asText())
        .isEqualTo(
            box.baseUri()
                + "/2.0/internal_files/"
                + file.id()
                + "/versions/"
                + file.versionId()
                + "/representations/mp3");
    assertThat(entry.at("/content/url_template").asText())
        .startsWith(box.baseUri() + LocalBox.REPRESENTATION_CONTENT_PREFIX)
        .endsWith("/content/{+asset_path}");
    assertThat(entry.get("properties").isObject()).isTrue();
  }

  @Test
  void infoEntryHasTheShapeOfBoxs() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = poll(entry(fileInfo(file, grant, "representations", "[mp3]")), grant);

    JsonNode real = Fixtures.json("responses/representation-info-success.json");
    assertThat(fieldNames(entry)).isEqualTo(fieldNames(real));
    assertThat(entry.get("representation").asText()).isEqualTo("mp3");
  }

  @Test
  void planCanEndInError() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    box.planRepresentation(file.id(), "mp3", RepresentationPlan.pending(1).thenFail());
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[mp3]"));
    String firstPoll = poll(entry, grant).at("/status/state").asText();
    String secondPoll = poll(entry, grant).at("/status/state").asText();
    HttpResponse<byte[]> content = TestHttp.getBytes(contentUri(entry), grant.readToken());

    assertThat(firstPoll).isEqualTo("pending");
    assertThat(secondPoll).isEqualTo("error");
    assertThat(content.statusCode()).isEqualTo(404);
  }

  @Test
  void readyPlanNeedsNoPolling() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    box.planRepresentation(file.id(), "mp3", RepresentationPlan.ready());
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[mp3]"));
    HttpResponse<byte[]> content = TestHttp.getBytes(contentUri(entry), grant.readToken());

    assertThat(entry.at("/status/state").asText()).isEqualTo("success");
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.body()).containsExactly(1, 2, 3);
  }

  @Test
  void builderPlanAppliesToEveryFile() {
    try (LocalBox ready =
        LocalBox.builder()
            .representationPlan("extracted_text", RepresentationPlan.ready())
            .start()) {
      LocalFile file = ready.addFile("notes.txt", "budget".getBytes(StandardCharsets.UTF_8));
      InvocationGrant grant = ready.invocationFor(file.id());

      HttpResponse<String> response =
          TestHttp.send(
              TestHttp.request(
                      ready,
                      "/2.0/files/" + file.id() + "?fields=representations",
                      grant.readToken())
                  .header("x-rep-hints", "[extracted_text]")
                  .GET()
                  .build());

      assertThat(entry(Fixtures.parse(response.body())).at("/status/state").asText())
          .isEqualTo("success");
    }
  }

  @Test
  void contentBeforeSuccessIsAccepted202() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[mp3]"));
    HttpResponse<byte[]> content = TestHttp.getBytes(contentUri(entry), grant.readToken());

    assertThat(content.statusCode()).isEqualTo(202);
    assertThat(content.headers().firstValue("Retry-After")).contains("1");
    assertThat(content.body()).isEmpty();
  }

  @Test
  void hintForFormatTheFileLacksGivesNoEntry() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode info = fileInfo(file, grant, "representations", "[extracted_text][pdf]");

    assertThat(info.at("/representations/entries").isArray()).isTrue();
    assertThat(info.at("/representations/entries")).isEmpty();
  }

  @Test
  void malformedHintsGet400() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    InvocationGrant grant = box.invocationFor(file.id());

    HttpResponse<String> response =
        TestHttp.send(
            TestHttp.request(
                    box, "/2.0/files/" + file.id() + "?fields=representations", grant.readToken())
                .header("x-rep-hints", "mp3")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Fixtures.parse(response.body()).get("code").asText()).isEqualTo("bad_request");
  }

  @Test
  void jpgIsScaledToFitTheRequestedDimensions() throws IOException {
    LocalFile file = box.addFile("site-photo.png", png(640, 480));
    box.planRepresentation(file.id(), "jpg", RepresentationPlan.ready());
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[jpg?dimensions=320x320]"));
    HttpResponse<byte[]> content = TestHttp.getBytes(contentUri(entry), grant.readToken());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(content.body()));

    assertThat(entry.get("representation").asText()).isEqualTo("jpg");
    assertThat(entry.at("/properties/dimensions").asText()).isEqualTo("320x320");
    assertThat(entry.at("/info/url").asText()).endsWith("/representations/jpg_320x320");
    assertThat(content.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(content.headers().firstValue("X-LocalBox-Conversion")).contains("jpg");
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(240);
  }

  @Test
  void htmlTextHasMarkupRemoved() {
    String html =
        "<html><head><title>Plan</title><style>p{color:red}</style></head>"
            + "<body><p>Budget &amp; hiring</p><script>var x = 1;</script><p>Q3&#33;</p></body>"
            + "</html>";
    LocalFile file = box.addFile("plan.html", html.getBytes(StandardCharsets.UTF_8));
    box.planRepresentation(file.id(), "extracted_text", RepresentationPlan.ready());
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[extracted_text]"));
    HttpResponse<byte[]> content = TestHttp.getBytes(contentUri(entry), grant.readToken());

    assertThat(new String(content.body(), StandardCharsets.UTF_8))
        .isEqualTo("Plan\nBudget & hiring\nQ3!\n");
    assertThat(content.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat(content.headers().firstValue("X-LocalBox-Conversion")).contains("extracted_text");
  }

  @Test
  void textDocumentIsItsOwnExtractedText() {
    String captions = "WEBVTT\n\n00:00.000 --> 00:02.000\nGood morning, caf\u00e9 team\n";
    LocalFile file = box.addFile("meeting.vtt", captions.getBytes(StandardCharsets.UTF_8));
    box.planRepresentation(file.id(), "extracted_text", RepresentationPlan.ready());
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[extracted_text]"));
    HttpResponse<byte[]> content = TestHttp.getBytes(contentUri(entry), grant.readToken());

    assertThat(new String(content.body(), StandardCharsets.UTF_8)).isEqualTo(captions);
  }

  @Test
  void wavMp3IsTheOriginalBytesMarkedUnconverted() {
    byte[] wav = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'};
    LocalFile file = box.addFile("voice.wav", wav);
    box.planRepresentation(file.id(), "mp3", RepresentationPlan.ready());
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[mp3]"));
    HttpResponse<byte[]> content = TestHttp.getBytes(contentUri(entry), grant.readToken());

    assertThat(content.body()).isEqualTo(wav);
    assertThat(content.headers().firstValue("X-LocalBox-Conversion")).contains("none");
    assertThat(content.headers().firstValue("Content-Type")).contains("audio/wav");
  }

  @Test
  void unexpandedTemplateIsNotFound() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    box.planRepresentation(file.id(), "mp3", RepresentationPlan.ready());
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[mp3]"));
    String literal =
        entry.at("/content/url_template").asText().replace("{+asset_path}", "%7B%2Basset_path%7D");
    HttpResponse<byte[]> content = TestHttp.getBytes(URI.create(literal), grant.readToken());

    assertThat(content.statusCode()).isEqualTo(404);
  }

  @Test
  void representationContentNeedsTheReadToken() {
    LocalFile file = box.addFile("memo.mp3", new byte[] {1, 2, 3});
    box.planRepresentation(file.id(), "mp3", RepresentationPlan.ready());
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[mp3]"));
    HttpResponse<byte[]> anonymous = TestHttp.getBytes(contentUri(entry), null);
    HttpResponse<byte[]> withWriteToken = TestHttp.getBytes(contentUri(entry), grant.writeToken());
    HttpResponse<byte[]> infoWithWriteToken =
        TestHttp.getBytes(URI.create(entry.at("/info/url").asText()), grant.writeToken());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(withWriteToken.statusCode()).isEqualTo(403);
    assertThat(infoWithWriteToken.statusCode()).isEqualTo(403);
  }

  @Test
  void largeTextDocumentFailsTextExtraction() {
    LocalFile file = box.addFile("huge.txt", FileContent.generated(600L * 1024 * 1024));
    InvocationGrant grant = box.invocationFor(file.id());

    JsonNode entry = entry(fileInfo(file, grant, "representations", "[extracted_text]"));
    List<String> polls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      polls.add(poll(entry, grant).at("/status/state").asText());
    }

    assertThat(polls).containsExactly("pending", "pending", "error");
  }

  private JsonNode fileInfo(LocalFile file, InvocationGrant grant, String fields, String hints) {
    String query = fields == null ? "" : "?fields=" + fields;
    HttpRequest.Builder request =
        TestHttp.request(box, "/2.0/files/" + file.id() + query, grant.readToken()).GET();
    if (hints != null) {
      request.header("x-rep-hints", hints);
    }
    HttpResponse<String> response = TestHttp.send(request.build());
    assertThat(response.statusCode()).isEqualTo(200);
    return Fixtures.parse(response.body());
  }

  private static JsonNode entry(JsonNode fileInfo) {
    JsonNode entries = fileInfo.at("/representations/entries");
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private static JsonNode poll(JsonNode entry, InvocationGrant grant) {
    HttpResponse<byte[]> response =
        TestHttp.getBytes(URI.create(entry.at("/info/url").asText()), grant.readToken());
    assertThat(response.statusCode()).isEqualTo(200);
    return Fixtures.parse(new String(response.body(), StandardCharsets.UTF_8));
  }

  private static URI contentUri(JsonNode entry) {
    return URI.create(entry.at("/content/url_template").asText().replace("{+asset_path}", ""));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(30, 120, 200));
    graphics.fillRect(0, 0, width, height);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
