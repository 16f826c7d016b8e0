package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reader against the in-memory one it replaced (XSSFWorkbook and DataFormatter, with
 * formulas read by their cached results), on seeded random sheets of every kind of cell.
 */
class XlsxRowsTest {
  static final String[] FORMATS = {
    "General",
    "0",
    "0.00",
    "#,##0.00",
    "0%",
    "m/d/yy",
    "m/d/yy h:mm",
    "yyyy-mm-dd",
    "yyyy-mm-dd hh:mm:ss",
    "yyyy/m/d h:mm",
    "yyyy\"年\"m\"月\"d\"日\"",
    "@"
  };

  @TempDir Path dir;

  @Test
  void everyKindOfCellReadsAsTheWorkbookShowsIt() throws IOException {
    for (long seed = 1; seed <= 5; seed++) {
      byte[] file = randomWorkbook(new XSSFWorkbook(), new Random(seed), false);
      assertThat(streamed(file)).as("seed %d", seed).isEqualTo(reference(file));
    }
  }

  @Test
  void inlineStringsOfStreamedWorkbooksAndThe1904DateSystemReadTheSame() throws IOException {
    byte[] streaming = randomWorkbook(new SXSSFWorkbook(100), new Random(11), false);
    assertThat(streamed(streaming)).isEqualTo(reference(streaming));
    byte[] mac = randomWorkbook(new XSSFWorkbook(), new Random(12), true);
    assertThat(streamed(mac)).isEqualTo(reference(mac));
  }

  @Test
  void rowsAreReadOneAtATimeFromAFileOfAnyLength() throws IOException {
    Path file = dir.resolve("long.xlsx");
    try (var workbook = new SXSSFWorkbook(100);
        var out = Files.newOutputStream(file)) {
      var sheet = workbook.createSheet("orders");
      for (int r = 0; r < 50_000; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("C" + r);
        row.createCell(1).setCellValue(r * 0.5);
      }
      workbook.write(out);
    }
    try (XlsxRows rows = XlsxRows.open(file)) {
      TabularRow first = rows.next();
      assertThat(first).isEqualTo(new TabularRow(1, List.of("C0", "0")));
      int n = 1;
      TabularRow last = first;
      while (rows.hasNext()) {
        last = rows.next();
        n++;
      }
      assertThat(n).isEqualTo(50_000);
      assertThat(last).isEqualTo(new TabularRow(50_000, List.of("C49999", "24999.5")));
    }
  }

  @Test
  void columnsAreCountedFromA() {
    assertThat(XlsxRows.column("A1")).isZero();
    assertThat(XlsxRows.column("Z9")).isEqualTo(25);
    assertThat(XlsxRows.column("AA10")).isEqualTo(26);
    assertThat(XlsxRows.column("AB3")).isEqualTo(27);
    assertThat(XlsxRows.column("XFD1048576")).isEqualTo(16_383);
  }

  private List<TabularRow> streamed(byte[] file) throws IOException {
    Path path = Files.createTempFile(dir, "sheet", ".xlsx");
    Files.write(path, file);
    List<TabularRow> rows = new ArrayList<>();
    try (XlsxRows sheet = XlsxRows.open(path)) {
      sheet.forEachRemaining(rows::add);
    }
    assertThat(TabularFile.read(file)).isEqualTo(rows.stream().filter(r -> !r.blank()).toList());
    return rows;
  }

  /** How files were read before streaming: the whole workbook in memory. */
  private static List<TabularRow> reference(byte[] file) throws IOException {
    List<TabularRow> rows = new ArrayList<>();
    DataFormatter formatter = new DataFormatter();
    formatter.setUseCachedValuesForFormulaCells(true);
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      for (Row row : workbook.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
        }
        rows.add(new TabularRow(row.getRowNum() + 1, cells));
      }
    }
    return rows;
  }

  private static byte[] randomWorkbook(Workbook workbook, Random random, boolean date1904)
      throws IOException {
    try (workbook;
        var out = new ByteArrayOutputStream()) {
      if (date1904) {
        ((XSSFWorkbook) workbook).getCTWorkbook().addNewWorkbookPr().setDate1904(true);
      }
      List<CellStyle> styles = new ArrayList<>();
      var format = workbook.createDataFormat();
      for (String f : FORMATS) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(format.getFormat(f));
        styles.add(style);
      }
      var sheet = workbook.createSheet("数据");
      workbook.createSheet("second");
      int rowNumber = 0;
      for (int r = 0; r < 60; r++) {
        rowNumber += random.nextInt(5) == 0 ? 2 + random.nextInt(3) : 1; // gaps of empty rows
        Row row = sheet.createRow(rowNumber - 1);
        int width = 1 + random.nextInt(9);
        for (int c = 0; c < width; c++) {
          if (random.nextInt(6) == 0) {
            continue; // a missing cell: the next ones keep their columns
          }
          fill(row.createCell(c), random, styles, workbook);
        }
      }
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static void fill(Cell cell, Random random, List<CellStyle> styles, Workbook workbook) {
    CellStyle style = styles.get(random.nextInt(styles.size()));
    switch (random.nextInt(10)) {
      case 0 -> cell.setCellValue(" 客户 " + random.nextInt(1000) + " ");
      case 1 -> cell.setCellValue(random.nextInt(100_000));
      case 2 -> {
        cell.setCellValue(random.nextInt(2_000_000) / 100.0 - 5_000);
        cell.setCellStyle(style);
      }
      case 3 -> {
        cell.setCellValue(40_000 + random.nextInt(10_000) + random.nextInt(86_400) / 86_400.0);
        cell.setCellStyle(style);
      }
      case 4 -> cell.setCellValue(random.nextBoolean());
      case 5 ->
          cell.setCellFormula(
              random.nextBoolean() ? "1/0" : "ROUND(PI()*" + random.nextInt(9) + ",3)");
      case 6 -> cell.setCellFormula("\"ab\"&\"" + random.nextInt(100) + "\"");
      case 7 -> cell.setCellErrorValue(FormulaError.NA.getCode());
      case 8 -> cell.setCellStyle(style); // styled but blank
      default -> {
        var rich = new XSSFRichTextString("红" + random.nextInt(10) + "blue");
        var font = workbook.createFont();
        font.setBold(true);
        rich.applyFont(0, 1, font);
        cell.setCellValue(rich);
      }
    }
  }
}
