package io.tagbase.segment;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Excel (.xlsx) through POI's streaming writer: only a window of 200 rows is kept in memory. */
final class ExcelExportWriter implements ExportWriter {
  private final OutputStream out;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
  private final SXSSFSheet sheet = workbook.createSheet("members");
  private int next;

  ExcelExportWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void header(List<String> columns) {
    row(columns);
  }

  @Override
  public void row(List<String> cells) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i) != null) {
        row.createCell(i).setCellValue(cells.get(i));
      }
    }
  }

  @Override
  public void finish() throws IOException {
    workbook.write(out);
    workbook.close();
  }
}
