package io.tagbase.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * Streams the first sheet of an Excel (.xlsx) file row by row: a StAX pull parse of the sheet's
 * XML, so the sheet itself is never held in memory. Memory: the current row, the workbook's shared
 * strings (each distinct text once, as Excel stores it) and its styles; a 500k-row sheet costs the
 * same as a 50-row one apart from distinct texts.
 *
 * <p>Cells read as Excel shows them ({@link DataFormatter}): numbers and dates in the cell's number
 * format ("2026-01-15 10:15", "1/15/26", "12.5"), booleans TRUE or FALSE, formulas by their cached
 * result, errors as "#DIV/0!". Missing cells are "" so every cell keeps its column, and each row
 * carries its sheet row number. Not thread-safe; close it.
 */
final class XlsxRows implements Iterator<TabularRow>, AutoCloseable {
  private final OPCPackage workbook;
  private final InputStream sheet;
  private final XMLStreamReader xml;
  private final SharedStrings strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final DataFormatter formatter = new DataFormatter();
  private TabularRow next;
  private int lastRow;
  private boolean ended;

  private XlsxRows(OPCPackage workbook) throws IOException {
    this.workbook = workbook;
    try {
      XSSFReader reader = new XSSFReader(workbook);
      this.strings = new ReadOnlySharedStringsTable(workbook, false);
      this.styles = reader.getStylesTable();
      try (InputStream book = reader.getWorkbookData()) {
        this.date1904 = date1904(book);
      }
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new IOException("The workbook has no sheet");
      }
      this.sheet = sheets.next();
      this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
    } catch (OpenXML4JException | SAXException | XMLStreamException e) {
      throw new IOException("Not a readable .xlsx workbook", e);
    }
  }

  /** Opens a stored file; reads its parts in place (the zip's directory, not the whole file). */
  static XlsxRows open(Path file) throws IOException {
    OPCPackage workbook = openPackage(() -> OPCPackage.open(file.toFile(), PackageAccess.READ));
    return opened(workbook);
  }

  /** Opens a workbook given as a stream; POI keeps its zip entries in memory. */
  static XlsxRows open(InputStream content) throws IOException {
    return opened(openPackage(() -> OPCPackage.open(content)));
  }

  private static XlsxRows opened(OPCPackage workbook) throws IOException {
    try {
      return new XlsxRows(workbook);
    } catch (IOException | RuntimeException e) {
      workbook.revert();
      throw e;
    }
  }

  private interface PackageOpener {
    OPCPackage open() throws IOException, OpenXML4JException;
  }

  private static OPCPackage openPackage(PackageOpener opener) throws IOException {
    try {
      return opener.open();
    } catch (OpenXML4JException e) {
      throw new IOException("Not a readable .xlsx workbook", e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      try {
        next = readRow();
      } catch (XMLStreamException e) {
        throw new UncheckedIOException(new IOException("The sheet's XML is broken", e));
      }
      ended = next == null;
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
      xml.close();
      sheet.close();
    } catch (XMLStreamException | IOException e) {
      throw new IllegalStateException("Could not close the workbook", e);
    } finally {
      workbook.revert();
    }
  }

  /** The next {@code <row>} of the sheet, or null after the last. */
  private TabularRow readRow() throws XMLStreamException {
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
        String r = xml.getAttributeValue(null, "r");
        lastRow = r == null ? lastRow + 1 : Integer.parseInt(r);
        return new TabularRow(lastRow, cells());
      }
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
        return null;
      }
    }
    return null;
  }

  /** The cells of the row whose start tag was just read, up to its end tag. */
  private List<String> cells() throws XMLStreamException {
    List<String> cells = new ArrayList<>();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
        return cells;
      }
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
        String ref = xml.getAttributeValue(null, "r");
        int column = ref == null ? cells.size() : column(ref);
        String text = cell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
        while (cells.size() < column) {
          cells.add("");
        }
        cells.add(text.trim());
      }
    }
    return cells;
  }

  /** Reads one {@code <c>} element to its end tag and formats its value. */
  private String cell(String type, String style) throws XMLStreamException {
    String value = null;
    StringBuilder inline = null;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
        break;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (xml.getLocalName()) {
        case "v" -> value = xml.getElementText();
        case "is" -> inline = inlineText();
        default -> skip();
      }
    }
    if (inline != null) {
      return inline.toString();
    }
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (type == null || type.equals("n")) {
      return number(Double.parseDouble(value), style);
    }
    return switch (type) {
      case "s" -> strings.getItemAt(Integer.parseInt(value.trim())).getString();
      case "b" -> value.equals("0") ? "FALSE" : "TRUE";
      default -> value; // str (a formula's text result), e (an error such as #N/A), d (ISO date)
    };
  }

  /** A number as its cell format shows it; date formats give dates, as in Excel. */
  private String number(double value, String style) {
    XSSFCellStyle cellStyle = null;
    if (styles != null && styles.getNumCellStyles() > 0) {
      int index = style == null ? 0 : Integer.parseInt(style);
      cellStyle = index < styles.getNumCellStyles() ? styles.getStyleAt(index) : null;
    }
    if (cellStyle == null) {
      return formatter.formatRawCellContents(value, 0, "General", date1904);
    }
    int formatIndex = cellStyle.getDataFormat();
    String format = cellStyle.getDataFormatString();
    if (format == null) {
      format = BuiltinFormats.getBuiltinFormat(formatIndex);
    }
    return formatter.formatRawCellContents(
        value, formatIndex, format == null ? "General" : format, date1904);
  }

  /** The text of an inline string ({@code <is>}): its runs, without phonetic guides. */
  private StringBuilder inlineText() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("is")) {
        break;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (xml.getLocalName().equals("t")) {
          text.append(xml.getElementText());
        } else if (xml.getLocalName().equals("rPh")) {
          skip();
        }
      }
    }
    return text;
  }

  /** Skips the element whose start tag was just read, with everything inside it. */
  private void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** The 0-based column of a cell reference such as "AB12". */
  static int column(String ref) {
    int column = 0;
    for (int i = 0; i < ref.length(); i++) {
      char c = ref.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  private static boolean date1904(InputStream book) throws XMLStreamException {
    XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(book);
    try {
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          if (name.equals("workbookPr")) {
            String value = reader.getAttributeValue(null, "date1904");
            return "1".equals(value) || "true".equalsIgnoreCase(value);
          }
          if (name.equals("sheets")) {
            return false; // workbookPr comes before the sheet list when present
          }
        }
      }
      return false;
    } finally {
      reader.close();
    }
  }
}
