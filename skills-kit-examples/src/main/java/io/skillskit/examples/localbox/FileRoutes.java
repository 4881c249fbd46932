package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillskit.examples.localbox.TokenRegistry.Kind;
import io.skillskit.examples.localbox.TokenRegistry.Token;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** File information, downloads and representations, all read with the read token. */
final class FileRoutes {

  private final LocalBox box;

  FileRoutes(LocalBox box) {
    this.box = box;
  }

  /** {@code GET /2.0/files/{id}}, with representations when {@code fields} names them. */
  Reply fileInfo(RecordedRequest request, String fileId) {
    Token token = Guard.authenticate(box, request);
    LocalFile file = Guard.file(box, fileId);
    Guard.scope(token, file.id(), Kind.READ);

    Set<String> fields = fields(request);
    String sequence = String.valueOf(box.files().sequence(fileId));
    ObjectNode node = Json.object();
    node.put("type", "file");
    node.put("id", file.id());
    node.put("etag", sequence);
    if (wants(fields, "sequence_id")) {
      node.put("sequence_id", sequence);
    }
    if (wants(fields, "name")) {
      node.put("name", file.name());
    }
    if (wants(fields, "size")) {
      node.put("size", file.size());
    }
    if (fields != null && fields.contains("extension")) {
      node.put("extension", file.extension());
    }
    if (wants(fields, "file_version")) {
      node.putObject("file_version").put("type", "file_version").put("id", file.versionId());
    }
    if (wants(fields, "parent")) {
      node.putObject("parent").put("type", "folder").put("id", file.parentFolderId());
    }
    if (wants(fields, "item_status")) {
      node.put("item_status", "active");
    }
    if (fields != null && fields.contains("representations")) {
      String hints = request.header("x-rep-hints").orElse(null);
      ArrayNode entries = node.putObject("representations").putArray("entries");
      for (Representations.Spec spec : Representations.requested(file, hints)) {
        RepresentationState state = box.representations().peek(file, spec);
        entries.add(Representations.entry(box.baseUri(), file, spec, state));
      }
    }
    return Reply.json(200, node);
  }

  /** {@code GET /2.0/files/{id}/content}: a 302 to a short-lived download URL, with no body. */
  Reply content(RecordedRequest request, String fileId) {
    Token token = Guard.authenticate(box, request);
    LocalFile file = Guard.file(box, fileId);
    Guard.scope(token, file.id(), Kind.READ);

    String versionId = request.queryParameter("version").orElse(file.versionId());
    Guard.version(box, fileId, versionId);
    String secret = box.tokens().randomText(32);
    box.files()
        .addDownload(
            secret,
            new FileStore.Download(
                fileId, versionId, box.clock().instant().plus(box.downloadUrlTtl())));
    String location = box.baseUri() + LocalBox.DOWNLOAD_PREFIX + "1/" + secret + "/download";
    return Reply.empty(302).header("Location", location);
  }

  /** {@code GET /d/1/{secret}/download}: the file's bytes; needs no Authorization header. */
  Reply download(String secret) {
    FileStore.Download download =
        box.files()
            .download(secret, box.clock().instant())
            .orElseThrow(
                () -> ApiError.of(404, "not_found", "The download URL is unknown or has expired"));
    LocalFile version = Guard.version(box, download.fileId(), download.versionId());
    FileContent content = box.files().content(version.id(), version.versionId()).orElseThrow();
    return Reply.content(200, FileKinds.contentType(version.extension()), content);
  }

  /** {@code GET <info.url>}: one representation entry; this request advances its state. */
  Reply representationInfo(RecordedRequest request, String fileId, String versionId, String key) {
    Token token = Guard.authenticate(box, request);
    LocalFile version = Guard.version(box, fileId, versionId);
    Guard.scope(token, fileId, Kind.READ);

    Representations.Spec spec = spec(version, key);
    RepresentationState state = box.representations().poll(version, spec);
    return Reply.json(200, Representations.entry(box.baseUri(), version, spec, state));
  }

  /**
   * {@code GET <url_template with {+asset_path} expanded>}: the representation's bytes once it is
   * ready; 202 with {@code Retry-After} while it is not.
   */
  Reply representationContent(
      RecordedRequest request, String fileId, String versionId, String key, String assetPath)
      throws IOException {
    Token token = Guard.authenticate(box, request);
    LocalFile version = Guard.version(box, fileId, versionId);
    Guard.scope(token, fileId, Kind.READ);

    Representations.Spec spec = spec(version, key);
    if (!assetPath.isEmpty()) {
      // Only single-file representations exist here, so the template expands with "".
      throw ApiError.notFound("asset_path", URLDecoder.decode(assetPath, StandardCharsets.UTF_8));
    }
    RepresentationState state = box.representations().peek(version, spec);
    if (state == RepresentationState.NONE || state == RepresentationState.PENDING) {
      return Reply.empty(202).header("Retry-After", "1");
    }
    if (state == RepresentationState.ERROR) {
      throw ApiError.of(
          404,
          "not_found",
          "The representation " + spec.key() + " failed to generate and has no content");
    }
    FileContent original = box.files().content(fileId, versionId).orElseThrow();
    Conversions.Rendered rendered = Conversions.render(version, original, spec);
    return Reply.content(200, rendered.contentType(), rendered.content())
        .header(Conversions.CONVERSION_HEADER, rendered.conversion());
  }

  private static Representations.Spec spec(LocalFile version, String key) {
    return Representations.fromKey(version, key)
        .orElseThrow(() -> ApiError.notFound("representation", key));
  }

  /** Returns the requested fields, or null when the request names none. */
  private static Set<String> fields(RecordedRequest request) {
    List<String> values = request.queryParameters("fields");
    if (values.isEmpty()) {
      return null;
    }
    Set<String> fields = new LinkedHashSet<>();
    for (String value : values) {
      for (String field : value.split(",")) {
        if (!field.isBlank()) {
          fields.add(field.trim());
        }
      }
    }
    return fields;
  }

  private static boolean wants(Set<String> fields, String field) {
    return fields == null || fields.contains(field);
  }
}
