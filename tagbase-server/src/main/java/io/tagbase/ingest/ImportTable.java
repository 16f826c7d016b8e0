package io.tagbase.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.tagbase.web.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Reads a stored upload row by row without holding it in memory: CSV (any delimiter, UTF-8 or GBK,
 * optionally gzipped) and Excel (.xlsx, first sheet, through {@link XlsxRows}) are both streamed,
 * so a chunk of rows is all an import holds. Blank rows are skipped. Not thread-safe; close it.
 */
final class ImportTable implements Iterator<TabularRow>, AutoCloseable {
  /** How a file is read: "xlsx", or CSV with its charset and delimiter. */
  record Format(boolean excel, String charset, char delimiter) {}

  private final AutoCloseable resource;
  private final Iterator<TabularRow> rows;
  private TabularRow next;

  private ImportTable(AutoCloseable resource, Iterator<TabularRow> rows) {
    this.resource = resource;
    this.rows = rows;
  }

  /**
   * Tells the format: Excel by its content; for CSV the given charset and delimiter, or when null
   * UTF-8 if the whole file decodes as UTF-8 (else GBK) and the delimiter found most in line 1.
   */
  static Format detect(Path file, String charset, Character delimiter) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    }
    if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return new Format(true, null, ',');
    }
    String chosen = charset != null ? Charset.forName(charset).name() : utf8OrGbk(file);
    try (InputStream in = plain(file)) {
      if (TabularFile.binary(new String(in.readNBytes(1 << 16), Charset.forName(chosen)))) {
        throw new InvalidInputException(
            "file", "The file is neither CSV text nor an Excel (.xlsx) file: save it as one.");
      }
    }
    char sep = delimiter != null ? delimiter : guessDelimiter(file, chosen);
    return new Format(false, chosen, sep);
  }

  static ImportTable open(Path file, Format format) throws IOException {
    if (format.excel()) {
      XlsxRows sheet = XlsxRows.open(file);
      return new ImportTable(sheet, sheet);
    }
    Reader reader = new InputStreamReader(plain(file), Charset.forName(format.charset()));
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .fieldSeparator(format.delimiter())
            .skipEmptyLines(true)
            .allowMissingFields(true)
            .allowExtraFields(true)
            .ofCsvRecord(reader);
    Iterator<CsvRecord> records = csv.iterator();
    Iterator<TabularRow> rows =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return records.hasNext();
          }

          @Override
          public TabularRow next() {
            CsvRecord r = records.next();
            List<String> cells = new ArrayList<>(r.getFieldCount());
            for (String field : r.getFields()) {
              cells.add(field.trim());
            }
            if (r.getStartingLineNumber() == 1 && !cells.isEmpty()) {
              cells.set(0, stripBom(cells.get(0)));
            }
            return new TabularRow((int) r.getStartingLineNumber(), cells);
          }
        };
    return new ImportTable(csv, rows);
  }

  @Override
  public boolean hasNext() {
    while (next == null && rows.hasNext()) {
      TabularRow row = rows.next();
      next = row.blank() ? null : row;
    }
    return next != null;
  }

  @Override
  public TabularRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TabularRow row = next;
    next = null;
    return row;
  }

  @Override
  public void close() {
    try {
      resource.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not close the import file", e);
    }
  }

  private static InputStream plain(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static String utf8OrGbk(Path file) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    char[] buffer = new char[1 << 16];
    try (Reader reader = new InputStreamReader(plain(file), decoder)) {
      while (reader.read(buffer) >= 0) {
        // Decoding the whole file is the check; the text itself is not needed.
      }
      return StandardCharsets.UTF_8.name();
    } catch (CharacterCodingException e) {
      return "GBK";
    } catch (java.util.zip.ZipException e) {
      throw new InvalidInputException("file", "The file is not a valid gzip file.");
    }
  }

  private static char guessDelimiter(Path file, String charset) throws IOException {
    try (var reader =
        new java.io.BufferedReader(new InputStreamReader(plain(file), Charset.forName(charset)))) {
      String first = reader.readLine();
      return TabularFile.delimiter(first == null ? "" : first);
    }
  }

  private static String stripBom(String cell) {
    return cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
  }
}
