package io.tagbase.ingest;

import io.tagbase.web.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded files on disk under {@code tagbase.import.directory} (default ./data/imports)
 * until their import is done, so an interrupted import can be resumed from the same bytes.
 */
@Component
class ImportFiles {
  /** A stored upload: where it is, its SHA-256, and what it holds. */
  record Stored(Path path, String sha256, ImportTable.Format format, Sample sample) {}

  /** The header, the first rows and the number of data rows. */
  record Sample(List<String> header, List<TabularRow> rows, int totalRows) {}

  private final Path directory;

  ImportFiles(@Value("${tagbase.import.directory:./data/imports}") String directory) {
    this.directory = Path.of(directory);
  }

  Stored store(InputStream content, String charset, Character delimiter) throws IOException {
    Files.createDirectories(directory);
    Path path = directory.resolve(UUID.randomUUID() + ".upload");
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(content, sha);
        OutputStream out = Files.newOutputStream(path)) {
      in.transferTo(out);
    }
    try {
      if (Files.size(path) == 0) {
        throw new InvalidInputException("file", "The file is empty.");
      }
      ImportTable.Format format = ImportTable.detect(path, charset, delimiter);
      return new Stored(
          path, HexFormat.of().formatHex(sha.digest()), format, sample(path, format, 10, true));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(path);
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException(
          "file",
          "The file could not be read as CSV or Excel (.xlsx): save it as one and try again.");
    }
  }

  /** The header and the first {@code limit} data rows; counts every row when asked. */
  Sample sample(Path path, ImportTable.Format format, int limit, boolean count) {
    try (ImportTable table = ImportTable.open(path, format)) {
      if (!table.hasNext()) {
        throw new InvalidInputException("file", "The file has no rows.");
      }
      List<String> header = table.next().cells();
      List<TabularRow> rows = new ArrayList<>();
      int total = 0;
      while (table.hasNext() && (count || rows.size() < limit)) {
        TabularRow row = table.next();
        if (rows.size() < limit) {
          rows.add(row);
        }
        total++;
      }
      return new Sample(header, rows, total);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a stored upload is still there (an operator may have cleaned the directory). */
  boolean exists(String path) {
    return Files.isRegularFile(Path.of(path));
  }

  void delete(String path) {
    try {
      Files.deleteIfExists(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
