package io.skillskit.examples.localbox;

/** The {@code status.state} of a representation, as Box reports it. */
public enum RepresentationState {
  /** Not generated yet; requesting the representation's {@code info.url} starts generation. */
  NONE("none"),
  /** Being generated; poll {@code info.url} again. */
  PENDING("pending"),
  /** Ready to download from {@code content.url_template}. */
  SUCCESS("success"),
  /** Generation failed, so the content will not become available. */
  ERROR("error");

  private final String wireValue;

  RepresentationState(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * Returns the value as it appears in JSON, such as {@code pending}.
   *
   * @return the lower-case wire value
   */
  public String wireValue() {
    return wireValue;
  }
}
