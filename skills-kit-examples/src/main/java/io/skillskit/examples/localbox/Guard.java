package io.skillskit.examples.localbox;

import io.skillskit.examples.localbox.TokenRegistry.Kind;
import io.skillskit.examples.localbox.TokenRegistry.Token;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Access checks shared by the routes, in the order Box applies them: token, item, scope. */
final class Guard {

  private Guard() {}

  /**
   * Returns the valid token from the {@code Authorization: Bearer} header, or throws a 401 error
   * with an empty body when the header is missing or the token is unknown or expired.
   */
  static Token authenticate(LocalBox box, RecordedRequest request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      throw ApiError.missingToken();
    }
    String value = header.get();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiError.invalidToken();
    }
    return box.tokens().findValid(value.substring(7).trim()).orElseThrow(ApiError::invalidToken);
  }

  /** Returns the current version of a file, or throws a 404 {@code not_found}. */
  static LocalFile file(LocalBox box, String fileId) {
    return box.files().current(fileId).orElseThrow(() -> ApiError.notFound("item", "f_" + fileId));
  }

  /** Returns a version of a file, or throws a 404 {@code not_found}. */
  static LocalFile version(LocalBox box, String fileId, String versionId) {
    file(box, fileId);
    return box.files()
        .version(fileId, versionId)
        .orElseThrow(() -> ApiError.notFound("file_version", versionId));
  }

  /**
   * Throws a 403 {@code insufficient_scope} error unless the token is of an allowed kind for the
   * file.
   */
  static void scope(Token token, String fileId, Kind... allowed) {
    if (!token.fileId().equals(fileId) || !Set.of(allowed).contains(token.kind())) {
      throw ApiError.insufficientScope();
    }
  }

  /** Throws a 400 {@code bad_request} error unless the request's media type is the expected one. */
  static void mediaType(RecordedRequest request, String expected) {
    Optional<String> header = request.header("Content-Type");
    if (header.isEmpty()) {
      throw ApiError.badRequest("The Content-Type header is missing; expected " + expected);
    }
    String mediaType = header.get().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals(expected)) {
      throw ApiError.badRequest(
          "Content-Type '" + header.get() + "' is not supported here; expected " + expected);
    }
  }
}
