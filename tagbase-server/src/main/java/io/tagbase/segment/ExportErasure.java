package io.tagbase.segment;

import io.tagbase.privacy.ErasureParticipant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Erasure deletes every export file that holds the customer: a CSV with a cell equal to one of its
 * identifiers, or an Excel file whose sheet XML holds one as a cell text. Cost: reads every export
 * file once.
 */
@Component
class ExportErasure implements ErasureParticipant {
  private final Path directory;

  ExportErasure(@Value("${tagbase.export.directory:./data/exports}") String directory) {
    this.directory = Path.of(directory);
  }

  @Override
  public int erase(ErasedCustomer customer) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    List<Path> holding = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (holds(file, customer)) {
          holding.add(file);
        }
      }
      for (Path file : holding) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return holding.size();
  }

  private static boolean holds(Path file, ErasedCustomer customer) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".xlsx")) {
      try (var zip = new ZipInputStream(Files.newInputStream(file))) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          if (e.getName().endsWith(".xml") && containsCell(read(zip), customer, true)) {
            return true;
          }
        }
      }
      return false;
    }
    return containsCell(Files.readString(file, StandardCharsets.UTF_8), customer, false);
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static boolean containsCell(String text, ErasedCustomer customer, boolean xml) {
    for (String id : customer.identifiers()) {
      if (xml) {
        String escaped = id.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        if (text.contains(">" + escaped + "<")) {
          return true;
        }
      } else {
        for (String line : text.split("\r?\n")) {
          for (String cell : line.split(",")) {
            String c = cell.strip();
            if (c.startsWith("\uFEFF")) {
              c = c.substring(1);
            }
            if (c.equals(id) || c.equals("\"" + id + "\"") || c.equals("'" + id)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
