package io.skillskit.request;

import java.util.Objects;
import java.util.Optional;

/**
 * The file a skill was invoked for, from the event's {@code source} object.
 *
 * <p>Ids are kept as strings in canonical decimal form, also when Box sent JSON numbers. Sizes
 * are {@code long} because files over 2 GiB exist.
 */
public final class SourceFile {

  /** Value of {@link #size()} when the event carries no {@code source.size}. */
  public static final long UNKNOWN_SIZE = -1L;

  private final String id;
  private final String name;
  private final long size;
  private final String versionId;
  private final String parentFolderId;
  private final String extension;
  private final FileType type;

  /**
   * Creates the file part of an event.
   *
   * @param id the file id
   * @param name the file name with its extension
   * @param size the size in bytes, or {@link #UNKNOWN_SIZE}
   * @param versionId the id of the file version that triggered the skill, or {@code null}
   * @param parentFolderId the id of the folder holding the file, or {@code null}
   * @throws NullPointerException if {@code id} or {@code name} is null
   * @throws IllegalArgumentException if {@code size} is negative and not {@link #UNKNOWN_SIZE}
   */
  public SourceFile(String id, String name, long size, String versionId, String parentFolderId) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    if (size < 0 && size != UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          "size is " + size + "; expected a byte count >= 0 or UNKNOWN_SIZE");
    }
    this.size = size;
    this.versionId = versionId;
    this.parentFolderId = parentFolderId;
    this.extension = FileType.extensionOf(name);
    this.type = FileType.ofExtension(extension);
  }

  /**
   * Returns the file id.
   *
   * @return the id, for example {@code "1402003004005"}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the file name, including its extension.
   *
   * @return the name, for example {@code "Weekly Sync Recording.mp3"}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the size of the file in bytes.
   *
   * @return the size, or {@link #UNKNOWN_SIZE} when the event did not carry one
   */
  public long size() {
    return size;
  }

  /**
   * Tells whether the event carried the file size.
   *
   * @return {@code true} when {@link #size()} is a real byte count
   */
  public boolean hasSize() {
    return size != UNKNOWN_SIZE;
  }

  /**
   * Returns the id of the file version that triggered the skill.
   *
   * @return the version id, or empty when the event has none
   */
  public Optional<String> versionId() {
    return Optional.ofNullable(versionId);
  }

  /**
   * Returns the id of the folder that contains the file.
   *
   * @return the folder id, or empty when the event has none
   */
  public Optional<String> parentFolderId() {
    return Optional.ofNullable(parentFolderId);
  }

  /**
   * Returns the file's extension: the text after the last dot of the name, in lower case. A name
   * with no dot, a dotfile such as {@code .bashrc} and a name ending in a dot have none.
   *
   * @return the extension without the dot, for example {@code "mp4"}, or {@code ""}
   */
  public String extension() {
    return extension;
  }

  /**
   * Returns the kind of media the file holds, decided by its extension.
   *
   * @return the file type
   */
  public FileType type() {
    return type;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SourceFile that)) {
      return false;
    }
    return size == that.size
        && id.equals(that.id)
        && name.equals(that.name)
        && Objects.equals(versionId, that.versionId)
        && Objects.equals(parentFolderId, that.parentFolderId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, size, versionId, parentFolderId);
  }

  @Override
  public String toString() {
    return "SourceFile[id="
        + id
        + ", name="
        + name
        + ", size="
        + (hasSize() ? size : "unknown")
        + ", versionId="
        + (versionId == null ? "absent" : versionId)
        + ", type="
        + type
        + "]";
  }
}
