package io.skillskit.examples.localbox;

import java.util.Objects;

/**
 * A file held by LocalBox, as of one version.
 *
 * @param id the file id, a string of decimal digits
 * @param name the file name with its extension
 * @param parentFolderId the id of the folder that contains the file
 * @param versionId the id of this version, a string of decimal digits
 * @param size the size of this version in bytes
 */
public record LocalFile(
    String id, String name, String parentFolderId, String versionId, long size) {

  /**
   * Checks the components.
   *
   * @param id the file id, a string of decimal digits
   * @param name the file name with its extension
   * @param parentFolderId the id of the folder that contains the file
   * @param versionId the id of this version, a string of decimal digits
   * @param size the size of this version in bytes
   * @throws NullPointerException when a string component is null
   */
  public LocalFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parentFolderId, "parentFolderId");
    Objects.requireNonNull(versionId, "versionId");
  }

  /**
   * Returns the extension of the name in lower case without the dot, or "" when there is none. The
   * last dot counts. A name whose only dot is its first character, or that ends in a dot, has no
   * extension.
   *
   * @return the extension, possibly empty
   */
  public String extension() {
    return FileKinds.extension(name);
  }
}
