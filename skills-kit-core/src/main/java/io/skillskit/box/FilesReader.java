package io.skillskit.box;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.cards.SkillsError;
import io.skillskit.request.FileType;
import io.skillskit.request.SkillsRequest;
import io.skillskit.request.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the file a skill was invoked for, or a basic format of it, with the event's read token.
 *
 * <pre>{@code
 * FilesReader reader = FilesReader.of(request, BoxEndpoints.production());
 * reader.requireFormat("mp3", "wav");   // FileRejectedException otherwise
 * reader.requireMaxSize(50L << 20);     // bytes
 * try (InputStream in = reader.openContent()) {
 *   transcribe(in);
 * }
 * }</pre>
 *
 * <p><b>Content.</b> {@link #openContent()} streams the file straight off the connection; memory
 * use does not grow with the file size. It reads the version of the file that triggered the skill
 * (the event's {@code source.file_version.id}), so the cards describe the content the user uploaded
 * even if a newer version arrives meanwhile; events without a version read the current one. NOTE:
 * not checked against Box: where Box keeps no version history, a version replaced meanwhile may no
 * longer be readable, and the download would then fail with HTTP 404. Box responds with a redirect
 * to a download server, which the kit follows without sending the token there. While Box responds
 * {@code 202 Accepted} (the file was just uploaded) the kit waits as long as Box requests, within
 * the retry limits of the {@link BoxEndpoints}. A body shorter than announced fails with {@link
 * ContentTruncatedException} when read.
 *
 * <p><b>Basic formats.</b> {@link #openBasicFormat(Duration)} requests from Box the format that
 * suits the file type (mp3 for audio, mp4 for video, a 1024x1024 jpg for images, extracted text for
 * documents), starts its generation when needed, and polls until it is ready or the given time has
 * passed.
 *
 * <p><b>Tokens.</b> Only the read token is used, and only in the {@code Authorization} header,
 * never in a URL, and only to the hosts {@link BoxEndpoints} lists. A token past its expiry fails
 * with {@link TokenExpiredException} before any call. Instances are thread-safe; create one per
 * event.
 */
public final class FilesReader {

  private static final Logger log = LoggerFactory.getLogger(FilesReader.class);

  /** Largest cap {@link #contentBytes(long)} accepts, the maximum size of a Java array. */
  public static final long MAX_IN_MEMORY_BYTES = Integer.MAX_VALUE - 8;

  private static final int MAX_REDIRECTS = 5;
  private static final String ASSET_PATH = "{+asset_path}";

  private final SkillsRequest request;
  private final BoxEndpoints endpoints;

  private FilesReader(SkillsRequest request, BoxEndpoints endpoints) {
    this.request = request;
    this.endpoints = endpoints;
  }

  /**
   * Returns a reader for the file of an event.
   *
   * @param request the parsed event
   * @param endpoints where to reach Box
   * @return a new reader
   * @throws NullPointerException if an argument is null
   */
  public static FilesReader of(SkillsRequest request, BoxEndpoints endpoints) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(endpoints, "endpoints");
    return new FilesReader(request, endpoints);
  }

  /**
   * Returns the event this reader reads the file of.
   *
   * @return the event
   */
  public SkillsRequest request() {
    return request;
  }

  /**
   * Checks that the file has one of the given extensions, compared without regard to case. A file
   * without an extension matches none.
   *
   * @param extensions the accepted extensions, with or without a leading dot, for example {@code
   *     "mp3", "wav"}
   * @return this reader
   * @throws FileRejectedException with {@link SkillsError#INVALID_FILE_FORMAT} if the file's
   *     extension is not among them
   * @throws IllegalArgumentException if no extension is given or one is blank
   * @throws NullPointerException if the array or one of its elements is null
   */
  public FilesReader requireFormat(String... extensions) {
    Objects.requireNonNull(extensions, "extensions");
    if (extensions.length == 0) {
      throw new IllegalArgumentException("requireFormat needs at least one extension");
    }
    Set<String> accepted = new LinkedHashSet<>();
    for (String extension : extensions) {
      Objects.requireNonNull(extension, "extension");
      String normalized = extension.trim().toLowerCase(Locale.ROOT);
      if (normalized.startsWith(".")) {
        normalized = normalized.substring(1);
      }
      if (normalized.isEmpty()) {
        throw new IllegalArgumentException(
            "requireFormat got a blank extension; expected names such as \"mp3\"");
      }
      accepted.add(normalized);
    }
    SourceFile file = request.file();
    if (!accepted.contains(file.extension())) {
      String actual =
          file.extension().isEmpty() ? "has no extension" : "has extension " + file.extension();
      throw new FileRejectedException(
          SkillsError.INVALID_FILE_FORMAT,
          "File "
              + file.id()
              + " "
              + actual
              + "; the skill accepts "
              + String.join(", ", accepted)
              + ".");
    }
    return this;
  }

  /**
   * Checks that the file is at most the given size, by the size in the event.
   *
   * @param maxBytes the largest accepted size in bytes, zero or more; for example {@code 50L << 20}
   *     for 50 MiB
   * @return this reader
   * @throws FileRejectedException with {@link SkillsError#INVALID_FILE_SIZE} if the file is larger,
   *     or if the event does not state the size
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  public FilesReader requireMaxSize(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes is " + maxBytes + "; expected zero or more");
    }
    SourceFile file = request.file();
    if (!file.hasSize()) {
      throw new FileRejectedException(
          SkillsError.INVALID_FILE_SIZE,
          "The event does not state the size of file "
              + file.id()
              + ", so it cannot be checked against the limit of "
              + maxBytes
              + " bytes.");
    }
    if (file.size() > maxBytes) {
      throw new FileRejectedException(
          SkillsError.INVALID_FILE_SIZE,
          "File "
              + file.id()
              + " has "
              + file.size()
              + " bytes; the skill accepts at most "
              + maxBytes
              + " bytes.");
    }
    return this;
  }

  /**
   * Returns how long the read token still works, by the endpoints' clock. Check it before starting
   * long work: skill tokens cannot be refreshed.
   *
   * @return the time left, {@link Duration#ZERO} once expired, or empty when the event did not say
   */
  public Optional<Duration> remainingTokenLifetime() {
    return request.readToken().remaining(endpoints.clock());
  }

  /**
   * Opens the file's content as a stream read straight off the connection. Close it when done; it
   * keeps a pooled connection busy.
   *
   * @return the content; reading it throws {@link ContentTruncatedException} if the download ends
   *     before the announced length
   * @throws BoxCallException if Box responds with an error, keeps responding {@code 202 Accepted}
   *     beyond the retry limits, or cannot be reached
   * @throws TokenExpiredException if the read token has expired or Box rejects it
   */
  public InputStream openContent() {
    Response response = followDownload(contentUrl(), "content of file " + request.file().id());
    return new ContentStream(response, "Download of file " + request.file().id());
  }

  /**
   * Reads the whole content into memory, for files known to be small.
   *
   * @param maxBytes the largest content accepted, at most {@link #MAX_IN_MEMORY_BYTES}
   * @return the content
   * @throws FileRejectedException with {@link SkillsError#INVALID_FILE_SIZE} if the event, Box's
   *     {@code Content-Length} or the bytes read show more than {@code maxBytes}; nothing larger is
   *     held in memory
   * @throws UncheckedIOException if the download fails while reading, for example with {@link
   *     ContentTruncatedException}
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the read token has expired or Box rejects it
   * @throws IllegalArgumentException if {@code maxBytes} is negative or above {@link
   *     #MAX_IN_MEMORY_BYTES}
   */
  public byte[] contentBytes(long maxBytes) {
    if (maxBytes < 0 || maxBytes > MAX_IN_MEMORY_BYTES) {
      throw new IllegalArgumentException(
          "maxBytes is "
              + maxBytes
              + "; expected 0 to "
              + MAX_IN_MEMORY_BYTES
              + ". Stream larger files with openContent().");
    }
    SourceFile file = request.file();
    if (file.hasSize() && file.size() > maxBytes) {
      throw tooLarge(file.size(), maxBytes);
    }
    try (ContentStream in = (ContentStream) openContent()) {
      if (in.expectedLength() > maxBytes) {
        throw tooLarge(in.expectedLength(), maxBytes);
      }
      byte[] bytes = in.readNBytes((int) maxBytes);
      if (in.read() != -1) {
        throw tooLarge(maxBytes + 1, maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Reading the content of file " + file.id() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the whole content into memory as standard Base64 text, for services that take files in
   * JSON. For large files use {@link #openContentBase64()}.
   *
   * @param maxBytes the largest content accepted, counted before encoding; at most {@link
   *     #MAX_IN_MEMORY_BYTES}
   * @return the Base64 text, with padding and without line breaks
   * @throws FileRejectedException with {@link SkillsError#INVALID_FILE_SIZE} if the content is
   *     larger than {@code maxBytes}
   * @throws UncheckedIOException if the download fails while reading
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the read token has expired or Box rejects it
   * @throws IllegalArgumentException if {@code maxBytes} is out of range
   */
  public String contentBase64(long maxBytes) {
    return Base64.getEncoder().encodeToString(contentBytes(maxBytes));
  }

  /**
   * Opens the content as a stream of standard Base64 text (with padding, without line breaks),
   * encoded as it is read, so memory use does not grow with the file size. Close it when done.
   *
   * @return the Base64 text as ASCII bytes
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the read token has expired or Box rejects it
   */
  public InputStream openContentBase64() {
    return new Base64TextStream(openContent());
  }

  /**
   * Returns the pre-signed URL that downloads the file, without downloading it. Services that fetch
   * files themselves take it instead of the bytes.
   *
   * <p><b>The URL is a secret</b>: it grants read access to the file without a token for about 15
   * minutes. Never log it; {@link DownloadUrl#toString()} masks it.
   *
   * @return the download URL
   * @throws BoxCallException if Box responds with an error, sends the content itself instead of a
   *     location, or cannot be reached
   * @throws TokenExpiredException if the read token has expired or Box rejects it
   */
  public DownloadUrl downloadUrl() {
    HttpUrl url = contentUrl();
    BoxHttp.Call call = readCall(url).download().waitWhileAccepted();
    try (Response response = endpoints.http().execute(call)) {
      if (!isRedirect(response.code())) {
        throw unexpected(call, response, "content instead of a download location");
      }
      HttpUrl target = location(call, url, response);
      return new DownloadUrl(target.uri());
    }
  }

  /**
   * Opens the basic format of the file that suits its type: mp3 for audio, mp4 for video, a
   * 1024x1024 jpg for images, and the extracted text for documents. When Box has not generated it
   * yet, the kit starts generation and polls, first after {@link BoxEndpoints#DEFAULT_POLL_DELAY}
   * and then less often, until it is ready or {@code maxWait} has passed.
   *
   * @param maxWait how long to wait for Box to generate the format, zero or more
   * @return the content of the format; close it when done
   * @throws BasicFormatException if generation failed, Box offers no such format for the file, or
   *     the time ran out
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the read token has expired or Box rejects it
   * @throws IllegalArgumentException if {@code maxWait} is negative
   */
  public InputStream openBasicFormat(Duration maxWait) {
    ReadyFormat ready = awaitBasicFormat(maxWait);
    String what = "Basic format " + ready.representation + " of file " + request.file().id();
    Response response = followDownload(ready.contentUrl, what);
    return new ContentStream(response, what);
  }

  /**
   * Waits like {@link #openBasicFormat(Duration)} and returns the URL of the ready format instead
   * of its content. Unlike {@link #downloadUrl()} it is not pre-signed: fetching it needs the
   * header {@code Authorization: Bearer <read token>}.
   *
   * @param maxWait how long to wait for Box to generate the format, zero or more
   * @return the URL of the format's content
   * @throws BasicFormatException if generation failed, Box offers no such format for the file, or
   *     the time ran out
   * @throws BoxCallException if Box responds with an error or cannot be reached
   * @throws TokenExpiredException if the read token has expired or Box rejects it
   * @throws IllegalArgumentException if {@code maxWait} is negative
   */
  public URI basicFormatUrl(Duration maxWait) {
    return awaitBasicFormat(maxWait).contentUrl.uri();
  }

  /**
   * Returns the ids of the event and the file; never a token.
   *
   * @return text such as {@code FilesReader[invocation=..., file=1402003004005]}
   */
  @Override
  public String toString() {
    return "FilesReader[invocation="
        + request.id()
        + ", file="
        + request.file().id()
        + ", endpoints="
        + endpoints
        + "]";
  }

  private HttpUrl contentUrl() {
    HttpUrl.Builder url =
        endpoints
            .baseUrl()
            .newBuilder()
            .addPathSegment("2.0")
            .addPathSegment("files")
            .addPathSegment(request.file().id())
            .addPathSegment("content");
    request.file().versionId().ifPresent(version -> url.addQueryParameter("version", version));
    return url.build();
  }

  private BoxHttp.Call readCall(HttpUrl url) {
    return new BoxHttp.Call("GET", url, request).token(BoxHttp.TokenKind.READ);
  }

  /** Sends an authenticated GET and follows redirects to the download server without the token. */
  private Response followDownload(HttpUrl url, String what) {
    BoxHttp.Call call = readCall(url).download().waitWhileAccepted();
    Response response = endpoints.http().execute(call);
    for (int hop = 0; isRedirect(response.code()); hop++) {
      HttpUrl target;
      try (Response redirect = response) {
        if (hop == MAX_REDIRECTS) {
          throw unexpected(call, redirect, "more than " + MAX_REDIRECTS + " redirects");
        }
        target = location(call, call.url, redirect);
      }
      // The download location is pre-signed: it needs no token and must not be logged.
      call = new BoxHttp.Call("GET", target, request).download().waitWhileAccepted().secretUrl();
      response = endpoints.http().execute(call);
    }
    if (response.code() != 200) {
      response.close();
      throw unexpected(call, response, "HTTP " + response.code() + " instead of the " + what);
    }
    return response;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private HttpUrl location(BoxHttp.Call call, HttpUrl from, Response response) {
    String header = response.header("Location");
    HttpUrl target = header == null ? null : from.resolve(header);
    if (target == null) {
      throw unexpected(call, response, "a redirect without a usable Location header");
    }
    return target;
  }

  private static BoxCallException unexpected(BoxHttp.Call call, Response response, String what) {
    return new BoxCallException(
        "Box responded to " + call.where() + " with " + what + "; the kit cannot continue.",
        null,
        response.code(),
        null,
        BoxHttp.plainIdOrNull(response.header("box-request-id")),
        call.method,
        call.logPath,
        1,
        FailureType.PERMANENT);
  }

  private FileRejectedException tooLarge(long size, long maxBytes) {
    return new FileRejectedException(
        SkillsError.INVALID_FILE_SIZE,
        "File "
            + request.file().id()
            + " has at least "
            + size
            + " bytes, more than the "
            + maxBytes
            + " bytes allowed in memory. Stream it with openContent() instead.");
  }

  private ReadyFormat awaitBasicFormat(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait is " + maxWait + "; expected zero or more");
    }
    FileType type = request.file().type();
    String wanted = type.basicFormat();
    String fileId = request.file().id();
    Clock clock = endpoints.clock();
    Instant deadline = clock.instant().plus(maxWait);

    HttpUrl filesUrl =
        endpoints
            .baseUrl()
            .newBuilder()
            .addPathSegment("2.0")
            .addPathSegment("files")
            .addPathSegment(fileId)
            .addQueryParameter("fields", "representations")
            .build();
    JsonNode file =
        endpoints
            .http()
            .executeForJson(readCall(filesUrl).header("x-rep-hints", type.representationHint()));
    JsonNode entry = findEntry(file.path("representations").path("entries"), wanted);

    String infoUrl = null;
    String urlTemplate = null;
    JsonNode properties = null;
    boolean infoRequested = false;
    Duration delay = endpoints.pollDelay();
    while (true) {
      infoUrl = textOr(entry.path("info").path("url"), infoUrl);
      urlTemplate = textOr(entry.path("content").path("url_template"), urlTemplate);
      if (entry.path("properties").isObject()) {
        properties = entry.path("properties");
      }
      // An empty response to a poll (202 Accepted) means the format is still being generated.
      String state =
          entry.isMissingNode() ? "pending" : entry.path("status").path("state").asText("");
      log.debug("Basic format {} of file {} is in state '{}'", wanted, fileId, state);
      switch (state) {
        case "success", "viewable" -> {
          return ready(wanted, urlTemplate, properties);
        }
        case "error" ->
            throw new BasicFormatException(
                "Box failed to generate the "
                    + wanted
                    + " basic format of file "
                    + fileId
                    + " (state error). Box will not produce it for this file version.",
                wanted,
                state,
                FailureType.PERMANENT);
        case "none", "pending" -> {
          if (infoUrl == null) {
            throw new BasicFormatException(
                "Box listed the "
                    + wanted
                    + " basic format of file "
                    + fileId
                    + " in state "
                    + state
                    + " without an info URL to poll.",
                wanted,
                state,
                FailureType.PERMANENT);
          }
          // Box starts generating a format in state none only when its info URL is requested.
          // That first request therefore goes out at once, and every later poll waits first.
          if (infoRequested || !state.equals("none")) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
              throw new BasicFormatException(
                  "The "
                      + wanted
                      + " basic format of file "
                      + fileId
                      + " was not ready within "
                      + maxWait
                      + " (last state "
                      + state
                      + "). Box may still be generating it; try again later or wait longer.",
                  wanted,
                  state,
                  FailureType.TRANSIENT);
            }
            pause(delay.compareTo(remaining) < 0 ? delay : remaining, wanted, state);
            delay = grow(delay);
          }
          HttpUrl poll = HttpUrl.parse(infoUrl);
          if (poll == null) {
            throw new BasicFormatException(
                "Box gave an info URL for the "
                    + wanted
                    + " basic format of file "
                    + fileId
                    + " that is not an http(s) URL.",
                wanted,
                state,
                FailureType.PERMANENT);
          }
          entry = endpoints.http().executeForJson(readCall(poll));
          infoRequested = true;
        }
        default ->
            throw new BasicFormatException(
                "Box reported the unknown state '"
                    + state
                    + "' for the "
                    + wanted
                    + " basic format of file "
                    + fileId
                    + "; expected none, pending, success, viewable or error.",
                wanted,
                state.isEmpty() ? null : state,
                FailureType.PERMANENT);
      }
    }
  }

  private JsonNode findEntry(JsonNode entries, String wanted) {
    String fileId = request.file().id();
    if (!entries.isArray() || entries.isEmpty()) {
      throw new BasicFormatException(
          "Box listed no representations of file "
              + fileId
              + " for the hint "
              + request.file().type().representationHint()
              + "; it does not offer the "
              + wanted
              + " basic format for this file.",
          wanted,
          null,
          FailureType.PERMANENT);
    }
    List<String> listed = new ArrayList<>();
    for (JsonNode entry : entries) {
      String name = entry.path("representation").asText("");
      if (name.equals(wanted)) {
        return entry;
      }
      listed.add(name);
    }
    throw new BasicFormatException(
        "Box did not list the "
            + wanted
            + " basic format of file "
            + fileId
            + "; it listed "
            + listed
            + ".",
        wanted,
        null,
        FailureType.PERMANENT);
  }

  private ReadyFormat ready(String wanted, String urlTemplate, JsonNode properties) {
    String fileId = request.file().id();
    if (urlTemplate == null) {
      throw new BasicFormatException(
          "Box reported the "
              + wanted
              + " basic format of file "
              + fileId
              + " as ready without a content URL template.",
          wanted,
          "success",
          FailureType.PERMANENT);
    }
    boolean paged = properties != null && properties.path("paged").asText("").equals("true");
    // Single-file formats take an empty asset path; paged ones are read from their first page.
    String expanded = urlTemplate.replace(ASSET_PATH, paged ? "1." + wanted : "");
    HttpUrl url = HttpUrl.parse(expanded);
    if (url == null) {
      throw new BasicFormatException(
          "Box gave a content URL template for the "
              + wanted
              + " basic format of file "
              + fileId
              + " that is not an http(s) URL.",
          wanted,
          "success",
          FailureType.PERMANENT);
    }
    return new ReadyFormat(wanted, url);
  }

  private void pause(Duration wait, String wanted, String state) {
    try {
      endpoints.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BasicFormatException(
          "The thread was interrupted while waiting for the "
              + wanted
              + " basic format of file "
              + request.file().id()
              + ".",
          wanted,
          state,
          FailureType.TRANSIENT);
    }
  }

  private Duration grow(Duration delay) {
    Duration next = Duration.ofMillis(delay.toMillis() * 3 / 2);
    return next.compareTo(endpoints.maxPollDelay()) > 0 ? endpoints.maxPollDelay() : next;
  }

  private static String textOr(JsonNode node, String fallback) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : fallback;
  }

  /** A basic format that Box reports ready, with the URL of its content. */
  private record ReadyFormat(String representation, HttpUrl contentUrl) {}
}
