package io.tagbase.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small files for import tests, built in the test. */
final class ImportTestFiles {
  static final String ORDER_HEADER =
      "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

  private ImportTestFiles() {}

  /**
   * An order file in the online-retail layout: {@code n} lines for the customers base..base+4,
   * written as spreadsheets export integer ids ("1000.0").
   */
  static String orders(int base, int n) {
    StringBuilder csv = new StringBuilder(ORDER_HEADER);
    for (int i = 0; i < n; i++) {
      csv.append(500000 + i / 3)
          .append(",SKU")
          .append(i)
          .append(",\"Mug, blue\",")
          .append(1 + i % 7)
          .append(",2026-01-0")
          .append(1 + i % 9)
          .append(" 10:15:00,")
          .append("2.5")
          .append(',')
          .append(base + i % 5)
          .append(".0,China\n");
    }
    return csv.toString();
  }

  static byte[] gzip(byte[] content) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] text(String content, String charset) {
    return content.getBytes(Charset.forName(charset));
  }

  static byte[] xlsx(List<List<Object>> rows) {
    try (var workbook = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("客户");
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          Object v = rows.get(r).get(c);
          if (v instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue(String.valueOf(v));
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #orders} as an Excel sheet written the way Excel stores such exports: ids, quantities
   * and prices as numbers, the invoice date as a date cell formatted yyyy-mm-dd hh:mm:ss. Streamed
   * to the file by SXSSF, so a test can write hundreds of thousands of rows.
   */
  static void xlsxOrders(int base, int n, java.nio.file.Path file) {
    try (var workbook = new SXSSFWorkbook(200);
        var out = java.nio.file.Files.newOutputStream(file)) {
      var dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
      var sheet = workbook.createSheet("orders");
      var header = sheet.createRow(0);
      String[] columns = ORDER_HEADER.trim().split(",");
      for (int c = 0; c < columns.length; c++) {
        header.createCell(c).setCellValue(columns[c]);
      }
      for (int i = 0; i < n; i++) {
        var row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(500000 + i / 3);
        row.createCell(1).setCellValue("SKU" + i);
        row.createCell(2).setCellValue("Mug, blue");
        row.createCell(3).setCellValue(1 + i % 7);
        var date = row.createCell(4);
        date.setCellValue(LocalDateTime.of(2026, 1, 1 + i % 9, 10, 15));
        date.setCellStyle(dateStyle);
        row.createCell(5).setCellValue(2.5);
        row.createCell(6).setCellValue(base + i % 5);
        row.createCell(7).setCellValue("China");
      }
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String ORDER_MAPPING =
      "{\"kind\":\"events\",\"fields\":{\"customer\":{\"column\":\"CustomerID\"},"
          + "\"type\":{\"constant\":\"order\"},\"timestamp\":{\"column\":\"InvoiceDate\"},"
          + "\"orderId\":{\"column\":\"InvoiceNo\"},"
          + "\"amount\":{\"expression\":\"Quantity * UnitPrice\"}},"
          + "\"properties\":[\"StockCode\",\"Country\"]}";
}
