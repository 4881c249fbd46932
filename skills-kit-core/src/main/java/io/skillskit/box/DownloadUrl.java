package io.skillskit.box;

import java.net.URI;
import java.util.Objects;

/**
 * A pre-signed URL that downloads the file without any further credential, valid for about 15
 * minutes. Hand it to a service that fetches the file itself, such as a speech-to-text API.
 *
 * <p><b>It is a secret:</b> anyone who has it can read the file until it expires. Never log it.
 * {@link #toString()} shows only the scheme and host; {@link #uri()} returns the full URL.
 */
public final class DownloadUrl {

  private final URI uri;

  DownloadUrl(URI uri) {
    this.uri = Objects.requireNonNull(uri, "uri");
  }

  /**
   * Returns the full pre-signed URL. Treat it like a password.
   *
   * @return the URL that downloads the file
   */
  public URI uri() {
    return uri;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DownloadUrl that && uri.equals(that.uri);
  }

  @Override
  public int hashCode() {
    return uri.hashCode();
  }

  /**
   * Returns the URL with everything after the host masked.
   *
   * @return text such as {@code DownloadUrl[https://dl.boxcloud.com/***]}
   */
  @Override
  public String toString() {
    return "DownloadUrl[" + uri.getScheme() + "://" + uri.getHost() + "/***]";
  }
}
