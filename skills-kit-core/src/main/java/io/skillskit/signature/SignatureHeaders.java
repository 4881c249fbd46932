package io.skillskit.signature;

/**
 * Names and fixed values of the HTTP headers Box sends with a signed skill invocation.
 *
 * <p>Names are given in lower case, the form HTTP/2 uses. HTTP header names are case-insensitive,
 * and {@link SignatureValidator} matches them in any case, so {@code BOX-SIGNATURE-PRIMARY} and
 * {@code Box-Signature-Primary} name the same header as {@link #SIGNATURE_PRIMARY}.
 *
 * @see <a href="https://developer.box.com/guides/webhooks/v2/signatures-v2/">Box: verifying webhook
 *     signatures</a>
 */
public final class SignatureHeaders {

  /** Name of the header that identifies one delivery attempt; it changes on every re-delivery. */
  public static final String DELIVERY_ID = "box-delivery-id";

  /**
   * Name of the header that carries the RFC 3339 time Box sent the request, for example {@code
   * 2024-05-01T10:00:00-07:00}. Its exact bytes are part of the signed message.
   */
  public static final String DELIVERY_TIMESTAMP = "box-delivery-timestamp";

  /** Name of the header that carries the signature made with the app's primary key. */
  public static final String SIGNATURE_PRIMARY = "box-signature-primary";

  /** Name of the header that carries the signature made with the app's secondary key. */
  public static final String SIGNATURE_SECONDARY = "box-signature-secondary";

  /** Name of the header that carries the signature scheme version. */
  public static final String SIGNATURE_VERSION = "box-signature-version";

  /** Name of the header that carries the signature algorithm. */
  public static final String SIGNATURE_ALGORITHM = "box-signature-algorithm";

  /** The only {@link #SIGNATURE_VERSION} value the kit accepts. */
  public static final String SUPPORTED_VERSION = "1";

  /** The only {@link #SIGNATURE_ALGORITHM} value the kit accepts, compared case-sensitively. */
  public static final String SUPPORTED_ALGORITHM = "HmacSHA256";

  private SignatureHeaders() {}
}
