package io.skillskit.cards;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the remote image URLs of a timeline card with 45 x 45 thumbnail data URIs, as the Node
 * Skills Kit's {@code createFacesCard} does, and reports every image it could not use.
 *
 * <pre>{@code
 * ThumbnailInliner inliner = ThumbnailInliner.builder()
 *     .timeout(Duration.ofSeconds(5))
 *     .maxImageBytes(2 * 1024 * 1024)
 *     .build();
 * ThumbnailInliner.Result result = inliner.inline(faces);
 * TimelineCard withThumbnails = result.card();
 * for (ThumbnailInliner.Failure failure : result.failures()) {
 *   // the entry keeps its URL
 * }
 * }</pre>
 *
 * <p>Each {@code http(s)} image URL is fetched with {@link HttpClient}, one after the other. A
 * readable PNG, JPEG, GIF or BMP image is replaced by its thumbnail; for any other outcome (an HTTP
 * status other than 200, a timeout, a body over {@link Builder#maxImageBytes(long)}, a redirect to
 * a scheme other than {@code http(s)} or more than {@link Builder#maxRedirects(int)} redirects,
 * bytes that are not an image) the entry keeps its original URL, one WARN line names the entry
 * index, host and path (never the query string, which may carry a signature), and the result lists
 * the failure. Entries that already contain a data URI are left alone. The card given is not
 * changed; the result contains a new card.
 *
 * <p>Differences from the Node kit, deliberate: failures are reported instead of swallowed, the
 * caller's entries are never changed, downloads are bounded in time and size, and local file paths
 * are not read.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ThumbnailInliner {

  /** Default time limit for connecting and for each response: 10 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Default largest image body accepted: 10 MiB. */
  public static final long DEFAULT_MAX_IMAGE_BYTES = 10L * 1024 * 1024;

  /** Default number of redirects followed for one image: 3. */
  public static final int DEFAULT_MAX_REDIRECTS = 3;

  private static final Logger log = LoggerFactory.getLogger(ThumbnailInliner.class);

  private final Duration timeout;
  private final long maxImageBytes;
  private final int maxRedirects;
  private final HttpClient client;

  private ThumbnailInliner(Builder builder) {
    this.timeout = builder.timeout;
    this.maxImageBytes = builder.maxImageBytes;
    this.maxRedirects = builder.maxRedirects;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            // redirects are followed by hand so that only http(s) targets are fetched
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Returns an inliner with the default limits.
   *
   * @return a new inliner
   */
  public static ThumbnailInliner create() {
    return builder().build();
  }

  /**
   * Returns a builder with the default limits.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches the remote images of a card and returns a copy with thumbnails in their place.
   *
   * @param card the card; not changed
   * @return the new card and the entries whose image could not be used
   * @throws NullPointerException if {@code card} is null
   */
  public Result inline(TimelineCard card) {
    Objects.requireNonNull(card, "card");
    List<CardEntry> entries = card.entries();
    List<CardEntry> inlined = new ArrayList<>(entries.size());
    List<Failure> failures = new ArrayList<>();
    boolean interrupted = false;
    for (int index = 0; index < entries.size(); index++) {
      CardEntry entry = entries.get(index);
      String url = entry.imageUrlOrNull();
      if (url == null || !isHttp(url)) {
        inlined.add(entry);
        continue;
      }
      URI uri = URI.create(url);
      String reason;
      if (interrupted) {
        reason = "not fetched: the thread was interrupted";
      } else {
        try {
          inlined.add(entry.withImageUrl(Thumbnails.toDataUri(fetch(uri))));
          continue;
        } catch (FetchException | ThumbnailException e) {
          reason = e.getMessage();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          interrupted = true;
          reason = "not fetched: the thread was interrupted";
        }
      }
      Failure failure = new Failure(index, hostOf(uri), pathOf(uri), reason);
      log.warn(
          "Failed to inline the image of timeline entry {} ({}{}): {}; the entry keeps its URL",
          index,
          failure.host(),
          failure.path(),
          reason);
      failures.add(failure);
      inlined.add(entry);
    }
    return new Result(card.withEntries(inlined), failures);
  }

  private static boolean isHttp(String url) {
    return url.regionMatches(true, 0, "http://", 0, 7)
        || url.regionMatches(true, 0, "https://", 0, 8);
  }

  private static String hostOf(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return "";
    }
    return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
  }

  private static String pathOf(URI uri) {
    String path = uri.getRawPath();
    return path == null ? "" : path;
  }

  /** A download that did not give image bytes; the message is the reason. */
  private static final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    FetchException(String message) {
      super(message, null, false, false);
    }
  }

  private byte[] fetch(URI first) throws FetchException, InterruptedException {
    URI uri = first;
    for (int hop = 0; ; hop++) {
      HttpRequest request =
          HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Accept", "image/*").build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException e) {
        throw new FetchException("timed out after " + timeout.toMillis() + " ms");
      } catch (IOException | IllegalArgumentException e) {
        throw new FetchException("request failed: " + e.getClass().getSimpleName());
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        discard(response);
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          throw new FetchException("HTTP " + status + " without a Location header");
        }
        if (hop >= maxRedirects) {
          throw new FetchException("more than " + maxRedirects + " redirects");
        }
        URI next;
        try {
          next = uri.resolve(location.get());
        } catch (IllegalArgumentException e) {
          throw new FetchException("HTTP " + status + " to an invalid Location");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          throw new FetchException(
              "HTTP " + status + " redirect to a " + scheme + ": URL; only http(s) is followed");
        }
        uri = next;
        continue;
      }
      if (status != 200) {
        discard(response);
        throw new FetchException("HTTP " + status);
      }
      return readBody(response);
    }
  }

  private byte[] readBody(HttpResponse<InputStream> response) throws FetchException {
    OptionalLong length = response.headers().firstValueAsLong("Content-Length");
    if (length.isPresent() && length.getAsLong() > maxImageBytes) {
      discard(response);
      throw new FetchException(
          "image is " + length.getAsLong() + " bytes; the limit is " + maxImageBytes);
    }
    try (InputStream body = response.body()) {
      int cap = (int) Math.min(Integer.MAX_VALUE - 9, maxImageBytes);
      byte[] bytes = body.readNBytes(cap + 1);
      if (bytes.length > cap) {
        throw new FetchException("image is larger than the limit of " + maxImageBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new FetchException("reading the image failed: " + e.getClass().getSimpleName());
    }
  }

  private static void discard(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // the connection is dropped either way
    }
  }

  /**
   * The outcome of {@link #inline(TimelineCard)}: the new card and the entries that kept their URL.
   */
  public static final class Result {
    private final TimelineCard card;
    private final List<Failure> failures;

    Result(TimelineCard card, List<Failure> failures) {
      this.card = card;
      this.failures = List.copyOf(failures);
    }

    /**
     * Returns the card with thumbnails in place of every image that could be read.
     *
     * @return the new card
     */
    public TimelineCard card() {
      return card;
    }

    /**
     * Returns the entries whose image could not be used, in entry order.
     *
     * @return an unmodifiable list; empty when every remote image was replaced
     */
    public List<Failure> failures() {
      return failures;
    }

    /**
     * Returns a short description.
     *
     * @return text such as {@code Result[card=TimelineCard[...], failures=1]}
     */
    @Override
    public String toString() {
      return "Result[card=" + card + ", failures=" + failures.size() + "]";
    }
  }

  /**
   * An entry whose image could not be made into a thumbnail and kept its URL.
   *
   * @param entryIndex the index of the entry in the card, from 0
   * @param host the host of the image URL, with the port when the URL has one
   * @param path the path of the image URL, without the query string
   * @param reason why, such as {@code HTTP 404}
   */
  public record Failure(int entryIndex, String host, String path, String reason) {

    /**
     * Creates a failure.
     *
     * @param entryIndex the index of the entry in the card, from 0
     * @param host the host of the image URL
     * @param path the path of the image URL, without the query string
     * @param reason why the image could not be used
     * @throws NullPointerException if a text is null
     */
    public Failure {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Sets the limits of a {@link ThumbnailInliner}. Not thread-safe. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private long maxImageBytes = DEFAULT_MAX_IMAGE_BYTES;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;

    private Builder() {}

    /**
     * Sets the time limit for connecting and for each response to arrive.
     *
     * <pre>{@code
     * ThumbnailInliner inliner = ThumbnailInliner.builder().timeout(Duration.ofSeconds(5)).build();
     * }</pre>
     *
     * @param timeout a positive duration; default {@link #DEFAULT_TIMEOUT}
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout " + timeout + " must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the largest image body read; a larger one is reported and its URL kept.
     *
     * <pre>{@code
     * ThumbnailInliner inliner = ThumbnailInliner.builder().maxImageBytes(1 << 20).build();
     * }</pre>
     *
     * @param maxImageBytes bytes, at least 1; default {@link #DEFAULT_MAX_IMAGE_BYTES}
     * @return this builder
     * @throws IllegalArgumentException if {@code maxImageBytes} is less than 1
     */
    public Builder maxImageBytes(long maxImageBytes) {
      if (maxImageBytes < 1) {
        throw new IllegalArgumentException(
            "maxImageBytes " + maxImageBytes + " must be at least 1");
      }
      this.maxImageBytes = maxImageBytes;
      return this;
    }

    /**
     * Sets how many redirects are followed for one image; only {@code http(s)} targets are.
     *
     * <pre>{@code
     * ThumbnailInliner inliner = ThumbnailInliner.builder().maxRedirects(0).build();
     * }</pre>
     *
     * @param maxRedirects 0 or more; default {@link #DEFAULT_MAX_REDIRECTS}
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRedirects} is negative
     */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 0) {
        throw new IllegalArgumentException(
            "maxRedirects " + maxRedirects + " must not be negative");
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /**
     * Builds the inliner.
     *
     * @return the inliner
     */
    public ThumbnailInliner build() {
      return new ThumbnailInliner(this);
    }
  }
}
