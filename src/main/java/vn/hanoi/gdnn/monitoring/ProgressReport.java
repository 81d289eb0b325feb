package vn.hanoi.gdnn.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The progress report in the layout of an official report: title rows, then one table with the columns STT,
 * Nội dung, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Tiến độ, Kết quả / sản phẩm, Ghi chú, grouped by content
 * area (I, II, …; numbering restarts in each area). As XLSX (Apache POI) and as CSV (Apache Commons CSV, UTF-8
 * with a byte-order mark so that Excel reads the Vietnamese text correctly). Every text cell passes through
 * {@link ReportFormat#cell} (no formulas from people's text); the CSV quotes every field, so a neutralised
 * value stays one field; the XLSX row numbers are numbers.
 */
public final class ProgressReport {

  public static final String ISSUER = "UBND THÀNH PHỐ HÀ NỘI";
  public static final String TITLE = "BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH SỐ 115/KH-UBND";
  public static final List<String> COLUMNS = List.of("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp",
      "Thời hạn", "Tiến độ", "Kết quả / sản phẩm", "Ghi chú");
  public static final String AREA_COLUMN = "Nhóm nội dung";
  /** Row (0-based) of the column headers in the XLSX sheet. */
  public static final int HEADER_ROW = 5;

  private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
      "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};

  private ProgressReport() {
  }

  /** Report title, naming the unit when the report covers one unit only. */
  public static String title(String unitName) {
    return unitName == null ? TITLE : TITLE + " — " + unitName;
  }

  public static byte[] xlsx(List<DeliverableProgress> deliverables, String unitName, Instant reportDate) {
    try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Tiến độ");
      CellStyle bold = style(workbook, true, false, false, HorizontalAlignment.LEFT);
      CellStyle titleStyle = style(workbook, true, false, false, HorizontalAlignment.CENTER);
      CellStyle centred = style(workbook, false, false, false, HorizontalAlignment.CENTER);
      CellStyle header = style(workbook, true, true, true, HorizontalAlignment.CENTER);
      CellStyle areaStyle = style(workbook, true, true, true, HorizontalAlignment.LEFT);
      CellStyle cell = style(workbook, false, true, true, HorizontalAlignment.LEFT);
      CellStyle number = style(workbook, false, true, true, HorizontalAlignment.CENTER);
      int last = COLUMNS.size() - 1;

      text(sheet.createRow(0), 0, ISSUER, bold);
      text(sheet.createRow(2), 0, title(unitName), titleStyle);
      sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, last));
      text(sheet.createRow(3), 0, "Ngày báo cáo: " + ReportFormat.date(reportDate), centred);
      sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, last));

      Row head = sheet.createRow(HEADER_ROW);
      for (int c = 0; c < COLUMNS.size(); c++) {
        text(head, c, COLUMNS.get(c), header);
      }
      int r = HEADER_ROW + 1;
      int areaIndex = 0;
      for (Map.Entry<String, List<DeliverableProgress>> area : byArea(deliverables).entrySet()) {
        Row areaRow = sheet.createRow(r);
        text(areaRow, 0, roman(areaIndex++), areaStyle);
        text(areaRow, 1, area.getKey(), areaStyle);
        for (int c = 2; c <= last; c++) {
          text(areaRow, c, "", areaStyle);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 1, last));
        r++;
        int stt = 1;
        for (DeliverableProgress d : area.getValue()) {
          Row row = sheet.createRow(r++);
          List<String> values = columns(d);
          number(row, 0, stt++, number);
          for (int c = 1; c < values.size(); c++) {
            text(row, c, values.get(c), c == 4 ? number : cell);
          }
        }
      }
      int[] widths = {6, 50, 24, 30, 12, 30, 30, 40};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      sheet.createFreezePane(0, HEADER_ROW + 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the progress report", e);
    }
  }

  public static byte[] csv(List<DeliverableProgress> deliverables) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> header = new ArrayList<>(COLUMNS);
    header.add(1, AREA_COLUMN);
    // Every field quoted (OWASP: quote and prefix), so a cell holding a separator or quote stays one field.
    CSVFormat format = CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new))
        .setQuoteMode(QuoteMode.ALL).get();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      // The byte-order mark goes before the header, which the printer writes when it is created.
      writer.write('\uFEFF');
      CSVPrinter printer = new CSVPrinter(writer, format);
      int stt = 1;
      for (Map.Entry<String, List<DeliverableProgress>> area : byArea(deliverables).entrySet()) {
        for (DeliverableProgress d : area.getValue()) {
          List<String> values = new ArrayList<>(columns(d));
          values.set(0, String.valueOf(stt++));
          values.add(1, area.getKey());
          printer.printRecord(values.stream().map(ReportFormat::cell).toList());
        }
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the progress report", e);
    }
    return out.toByteArray();
  }

  /** The eight columns of one deliverable (STT left empty: numbering depends on the layout). */
  static List<String> columns(DeliverableProgress d) {
    String content = d.title() == null ? d.code() : d.code() + ". " + d.title();
    String progress = d.health().label();
    if (d.running() && !d.currentSteps().isEmpty()) {
      progress += "\nĐang thực hiện: " + String.join("; ", d.currentSteps());
    }
    return List.of("", content, orEmpty(d.leadUnitName()), String.join(", ", d.coUnitNames()),
        ReportFormat.date(d.deadline()), progress, orEmpty(d.result()), String.join("; ", d.notes()));
  }

  private static Map<String, List<DeliverableProgress>> byArea(List<DeliverableProgress> deliverables) {
    Map<String, List<DeliverableProgress>> areas = new LinkedHashMap<>();
    for (DeliverableProgress d : deliverables) {
      String name = d.areaTitle() != null ? d.areaTitle()
          : d.area() != null ? "Nội dung " + d.area() : "Nội dung khác";
      areas.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
    }
    return areas;
  }

  private static String roman(int index) {
    return index < ROMAN.length ? ROMAN[index] : String.valueOf(index + 1);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(ReportFormat.cell(value));
    cell.setCellStyle(style);
  }

  private static void number(Row row, int column, int value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static CellStyle style(Workbook workbook, boolean bold, boolean border, boolean wrap,
      HorizontalAlignment alignment) {
    return ReportFormat.cellStyle(workbook, bold, false, border, wrap, alignment, (short) 12);
  }
}
