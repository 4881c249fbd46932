package io.skillskit.examples.sender;

/** Names of the headers Box sends with each delivery of a skill invocation event. */
public final class DeliveryHeaders {

  /** A new UUID for every delivery, including re-deliveries of the same event. */
  public static final String DELIVERY_ID = "BOX-DELIVERY-ID";

  /** The RFC 3339 time of sending, which is part of the signed message. */
  public static final String DELIVERY_TIMESTAMP = "BOX-DELIVERY-TIMESTAMP";

  /** Base64 HMAC-SHA256 made with the primary signature key. */
  public static final String SIGNATURE_PRIMARY = "BOX-SIGNATURE-PRIMARY";

  /** Base64 HMAC-SHA256 made with the secondary signature key. */
  public static final String SIGNATURE_SECONDARY = "BOX-SIGNATURE-SECONDARY";

  /** The signature scheme version, always {@code 1}. */
  public static final String SIGNATURE_VERSION = "BOX-SIGNATURE-VERSION";

  /** The signature algorithm, always {@code HmacSHA256}. */
  public static final String SIGNATURE_ALGORITHM = "BOX-SIGNATURE-ALGORITHM";

  private DeliveryHeaders() {}
}
