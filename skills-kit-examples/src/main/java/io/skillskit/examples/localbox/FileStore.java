package io.skillskit.examples.localbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The files LocalBox stores, their versions, and the short-lived download URLs it has issued. */
final class FileStore {

  record Download(String fileId, String versionId, Instant expiresAt) {}

  private record Version(String id, FileContent content) {}

  private static final class StoredFile {
    final String id;
    final String name;
    final String parentFolderId;
    final List<Version> versions = new ArrayList<>();

    StoredFile(String id, String name, String parentFolderId) {
      this.id = id;
      this.name = name;
      this.parentFolderId = parentFolderId;
    }

    LocalFile asOf(Version version) {
      return new LocalFile(id, name, parentFolderId, version.id(), version.content().size());
    }

    Version current() {
      return versions.get(versions.size() - 1);
    }
  }

  // Ids above 2^31 so that clients which bind ids to int fail visibly.
  private long nextFileId = 1_402_003_004_001L;
  private long nextVersionId = 1_523_004_005_001L;
  private final Map<String, StoredFile> files = new LinkedHashMap<>();
  private final Map<String, Download> downloads = new HashMap<>();

  synchronized LocalFile add(String name, FileContent content, String parentFolderId) {
    StoredFile file = new StoredFile(String.valueOf(nextFileId++), name, parentFolderId);
    Version version = new Version(String.valueOf(nextVersionId++), content);
    file.versions.add(version);
    files.put(file.id, file);
    return file.asOf(version);
  }

  synchronized Optional<LocalFile> addVersion(String fileId, FileContent content) {
    StoredFile file = files.get(fileId);
    if (file == null) {
      return Optional.empty();
    }
    Version version = new Version(String.valueOf(nextVersionId++), content);
    file.versions.add(version);
    return Optional.of(file.asOf(version));
  }

  synchronized Optional<LocalFile> current(String fileId) {
    StoredFile file = files.get(fileId);
    return file == null ? Optional.empty() : Optional.of(file.asOf(file.current()));
  }

  synchronized Optional<LocalFile> version(String fileId, String versionId) {
    StoredFile file = files.get(fileId);
    if (file == null) {
      return Optional.empty();
    }
    return file.versions.stream()
        .filter(version -> version.id().equals(versionId))
        .findFirst()
        .map(file::asOf);
  }

  /** Returns the zero-based number of the file's current version, used as etag. */
  synchronized int sequence(String fileId) {
    StoredFile file = files.get(fileId);
    return file == null ? 0 : file.versions.size() - 1;
  }

  synchronized Optional<FileContent> content(String fileId, String versionId) {
    StoredFile file = files.get(fileId);
    if (file == null) {
      return Optional.empty();
    }
    return file.versions.stream()
        .filter(version -> version.id().equals(versionId))
        .findFirst()
        .map(Version::content);
  }

  synchronized void addDownload(String secret, Download download) {
    downloads.put(secret, download);
  }

  synchronized Optional<Download> download(String secret, Instant now) {
    Download download = downloads.get(secret);
    if (download == null || !now.isBefore(download.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(download);
  }
}
