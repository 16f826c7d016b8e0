package io.tagbase.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.tagbase.web.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads an uploaded table: Excel (.xlsx, first sheet) or CSV in UTF-8 or GBK, optionally gzipped,
 * with the delimiter (comma, semicolon, tab or bar) guessed from the first line. The format is told
 * by the content, not the file name. Blank rows are skipped. Cost: the rows in memory, at most
 * {@link #MAX_ROWS} (the sheet of an Excel file is streamed, see {@link XlsxRows}); file imports
 * read stored uploads row by row instead.
 */
public final class TabularFile {
  /** Rows beyond this are refused, so an upload cannot exhaust memory. */
  public static final int MAX_ROWS = 1_000_000;

  private static final Charset GBK = Charset.forName("GBK");

  private TabularFile() {}

  public static List<TabularRow> read(byte[] content) {
    if (content == null || content.length == 0) {
      throw new InvalidInputException("file", "The file is empty.");
    }
    try {
      if (isZip(content)) {
        return excel(content);
      }
      byte[] plain =
          isGzip(content)
              ? new GZIPInputStream(new ByteArrayInputStream(content)).readAllBytes()
              : content;
      return csv(decode(plain));
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException(
          "file",
          "The file could not be read as CSV or Excel (.xlsx): save it as one and try again.");
    }
  }

  private static List<TabularRow> csv(String text) {
    if (binary(text)) {
      throw new InvalidInputException(
          "file", "The file is neither CSV text nor an Excel (.xlsx) file: save it as one.");
    }
    String firstLine = text.lines().findFirst().orElse("");
    char delimiter = delimiter(firstLine);
    List<TabularRow> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .fieldSeparator(delimiter)
            .skipEmptyLines(true)
            .allowMissingFields(true)
            .allowExtraFields(true)
            .ofCsvRecord(text)) {
      for (CsvRecord record : reader) {
        List<String> cells = record.getFields().stream().map(String::trim).toList();
        add(rows, new TabularRow((int) record.getStartingLineNumber(), cells));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows;
  }

  private static List<TabularRow> excel(byte[] content) throws IOException {
    List<TabularRow> rows = new ArrayList<>();
    try (XlsxRows sheet = XlsxRows.open(new ByteArrayInputStream(content))) {
      while (sheet.hasNext()) {
        add(rows, sheet.next());
      }
    }
    return rows;
  }

  private static void add(List<TabularRow> rows, TabularRow row) {
    if (row.blank()) {
      return;
    }
    if (rows.size() >= MAX_ROWS) {
      throw new InvalidInputException(
          "file", "The file has more than " + MAX_ROWS + " rows; split it into smaller files.");
    }
    rows.add(row);
  }

  /**
   * UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GBK, the usual Chinese export.
   */
  static String decode(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return new String(bytes, GBK);
    }
  }

  static char delimiter(String firstLine) {
    char best = ',';
    long bestCount = 0;
    for (char candidate : new char[] {',', ';', '\t', '|'}) {
      long count = firstLine.chars().filter(ch -> ch == candidate).count();
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  private static boolean isZip(byte[] b) {
    return b.length > 3 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  }

  /** Text with many control or undecodable characters is a binary file, not CSV. */
  static boolean binary(String text) {
    int sample = Math.min(text.length(), 65_536);
    int odd = 0;
    for (int i = 0; i < sample; i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFD') {
        odd++;
      }
    }
    return odd > Math.max(2, sample / 100);
  }

  private static boolean isGzip(byte[] b) {
    return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }
}
