package vn.hanoi.gdnn.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The units' figures as an XLSX in the layout of an official report (Apache POI): issuer and national motto,
 * title, period, one row per unit with the totals, the figures as lead unit and as co-operating unit and the
 * rank, a total row, then the recipients and the signature block. Figures are numeric cells, never formulas, so
 * the file holds exactly what the API answered (tested).
 */
public final class UnitPerformanceReport {

  public static final String TITLE = "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO CỦA CÁC ĐƠN VỊ";
  /** The seven figures of each group, in column order. */
  public static final List<String> FIGURES = List.of("Hoàn thành đúng hạn", "Hoàn thành trễ hạn",
      "Số ngày làm việc trễ hạn", "Chưa hoàn thành, quá hạn", "Chưa hoàn thành, chưa đến hạn",
      "Tỷ lệ đúng hạn (%)", "Số nhiệm vụ liên quan");
  public static final List<String> GROUPS = List.of("Tổng hợp", "Đơn vị chủ trì", "Đơn vị phối hợp");
  /** Rows (0-based) of the two header rows; the units follow. */
  public static final int GROUP_ROW = 6;
  public static final int HEADER_ROW = 7;
  /** Column of the rank, after STT, unit and three groups of figures. */
  public static final int RANK_COLUMN = 2 + 3 * 7;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(ReportFormat.ZONE);

  private UnitPerformanceReport() {
  }

  public static String fileName(UnitPerformance figures, String unit) {
    return "danh-gia-don-vi-" + figures.period().code() + (unit == null || unit.isEmpty() ? "" : "-" + unit)
        + ".xlsx";
  }

  public static byte[] xlsx(UnitPerformance figures) {
    try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Đánh giá đơn vị");
      Styles s = new Styles(workbook);
      int last = RANK_COLUMN;
      ReportPeriod period = figures.period();

      Row r0 = sheet.createRow(0);
      text(r0, 0, ProgressReport.ISSUER, s.boldCentre);
      merge(sheet, 0, 0, 6);
      text(r0, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.boldCentre);
      merge(sheet, 0, 12, last);
      Row r1 = sheet.createRow(1);
      text(r1, 12, "Độc lập – Tự do – Hạnh phúc", s.boldCentre);
      merge(sheet, 1, 12, last);
      text(sheet.createRow(3), 0, TITLE, s.title);
      merge(sheet, 3, 0, last);
      text(sheet.createRow(4), 0, "Kỳ báo cáo: " + period.label() + " (từ ngày " + DAY.format(period.first())
          + " đến ngày " + DAY.format(period.last()) + ")", s.centre);
      merge(sheet, 4, 0, last);
      text(sheet.createRow(5), 0, "Số liệu tính đến " + MOMENT.format(figures.asOf())
          + "; số ngày trễ hạn tính theo ngày làm việc", s.italicCentre);
      merge(sheet, 5, 0, last);

      Row groups = sheet.createRow(GROUP_ROW);
      Row head = sheet.createRow(HEADER_ROW);
      text(groups, 0, "STT", s.header);
      text(head, 0, "", s.header);
      sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, HEADER_ROW, 0, 0));
      text(groups, 1, "Đơn vị", s.header);
      text(head, 1, "", s.header);
      sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, HEADER_ROW, 1, 1));
      for (int g = 0; g < GROUPS.size(); g++) {
        int first = 2 + 7 * g;
        for (int f = 0; f < FIGURES.size(); f++) {
          text(groups, first + f, f == 0 ? GROUPS.get(g) : "", s.header);
          text(head, first + f, FIGURES.get(f), s.header);
        }
        sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, GROUP_ROW, first, first + 6));
      }
      text(groups, RANK_COLUMN, "Xếp hạng", s.header);
      text(head, RANK_COLUMN, "", s.header);
      sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, HEADER_ROW, RANK_COLUMN, RANK_COLUMN));

      int r = HEADER_ROW + 1;
      int stt = 1;
      for (UnitFigures u : figures.units()) {
        Row row = sheet.createRow(r++);
        number(row, 0, stt++, s.number);
        text(row, 1, u.unitName(), s.cell);
        figures(row, 2, u.onTime(), u.late(), u.lateWorkingDays(), u.openOverdue(), u.openNotDue(),
            u.onTimeRate(), u.deliverables(), s);
        role(row, 9, u.asLead(), s);
        role(row, 16, u.asCoOperating(), s);
        if (u.rank() == null) {
          row.createCell(RANK_COLUMN).setCellStyle(s.number); // blank: a unit with nothing due is not ranked
        } else {
          number(row, RANK_COLUMN, u.rank(), s.number);
        }
      }
      if (figures.units().size() > 1) {
        total(sheet.createRow(r++), figures.units(), s);
      }

      r++;
      Row sign = sheet.createRow(r++);
      text(sign, 0, "Nơi nhận:", s.boldItalic);
      LocalDate today = figures.asOf().atZone(ReportFormat.ZONE).toLocalDate();
      text(sign, 14, "Hà Nội, ngày " + String.format("%02d", today.getDayOfMonth()) + " tháng "
          + String.format("%02d", today.getMonthValue()) + " năm " + today.getYear(), s.italicCentre);
      merge(sheet, sign.getRowNum(), 14, last);
      Row signer = sheet.createRow(r++);
      text(signer, 0, "- Chủ tịch UBND Thành phố (để báo cáo);", s.small);
      text(signer, 14, "THỦ TRƯỞNG ĐƠN VỊ", s.boldCentre);
      merge(sheet, signer.getRowNum(), 14, last);
      Row how = sheet.createRow(r++);
      text(how, 0, "- Các sở, ban, ngành, UBND phường, xã liên quan;", s.small);
      text(how, 14, "(Ký, ghi rõ họ tên và đóng dấu)", s.italicCentre);
      merge(sheet, how.getRowNum(), 14, last);
      text(sheet.createRow(r++), 0, "- Lưu: VT.", s.small);
      text(sheet.createRow(r + 3), 8, "NGƯỜI LẬP BIỂU", s.boldCentre);

      sheet.setColumnWidth(0, 6 * 256);
      sheet.setColumnWidth(1, 44 * 256);
      for (int c = 2; c <= last; c++) {
        sheet.setColumnWidth(c, 12 * 256);
      }
      sheet.createFreezePane(2, HEADER_ROW + 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the units' report", e);
    }
  }

  private static void role(Row row, int first, UnitFigures.Role role, Styles s) {
    figures(row, first, role.onTime(), role.late(), role.lateWorkingDays(), role.openOverdue(), role.openNotDue(),
        role.onTimeRate(), role.deliverables(), s);
  }

  private static void total(Row row, List<UnitFigures> units, Styles s) {
    text(row, 0, "", s.boldNumber);
    text(row, 1, "Cộng", s.boldCell);
    sum(row, 2, units, u -> new int[] {u.onTime(), u.late(), u.lateWorkingDays(), u.openOverdue(),
        u.openNotDue(), u.deliverables()}, s);
    sum(row, 9, units, u -> counts(u.asLead()), s);
    sum(row, 16, units, u -> counts(u.asCoOperating()), s);
    row.createCell(RANK_COLUMN).setCellStyle(s.boldNumber);
  }

  private static int[] counts(UnitFigures.Role r) {
    return new int[] {r.onTime(), r.late(), r.lateWorkingDays(), r.openOverdue(), r.openNotDue(),
        r.deliverables()};
  }

  /** Sums of one group; the rate of the sums; the deliverables column is a sum of the units' counts. */
  private static void sum(Row row, int first, List<UnitFigures> units, Function<UnitFigures, int[]> of, Styles s) {
    int[] t = new int[6];
    for (UnitFigures u : units) {
      int[] v = of.apply(u);
      for (int i = 0; i < t.length; i++) {
        t[i] += v[i];
      }
    }
    Double rate = UnitFigures.Role.rate(t[0], t[1], t[3]);
    int[] columns = {0, 1, 2, 3, 4, 6};
    for (int i = 0; i < columns.length; i++) {
      number(row, first + columns[i], t[i], s.boldNumber);
    }
    rate(row, first + 5, rate, s.boldRate);
  }

  private static void figures(Row row, int first, int onTime, int late, int lateDays, int overdue, int notDue,
      Double rate, int deliverables, Styles s) {
    number(row, first, onTime, s.number);
    number(row, first + 1, late, s.number);
    number(row, first + 2, lateDays, s.number);
    number(row, first + 3, overdue, s.number);
    number(row, first + 4, notDue, s.number);
    rate(row, first + 5, rate, s.rate);
    number(row, first + 6, deliverables, s.number);
  }

  private static void rate(Row row, int column, Double rate, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    if (rate != null) {
      cell.setCellValue(rate);
    }
  }

  private static void merge(Sheet sheet, int row, int from, int to) {
    sheet.addMergedRegion(new CellRangeAddress(row, row, from, to));
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

  /** The report's cell styles (Times New Roman 12, as official documents). */
  private static final class Styles {
    final CellStyle title;
    final CellStyle boldCentre;
    final CellStyle centre;
    final CellStyle italicCentre;
    final CellStyle boldItalic;
    final CellStyle small;
    final CellStyle header;
    final CellStyle cell;
    final CellStyle boldCell;
    final CellStyle number;
    final CellStyle boldNumber;
    final CellStyle rate;
    final CellStyle boldRate;

    Styles(Workbook w) {
      title = style(w, true, false, false, false, HorizontalAlignment.CENTER, (short) 14);
      boldCentre = style(w, true, false, false, false, HorizontalAlignment.CENTER, (short) 12);
      centre = style(w, false, false, false, false, HorizontalAlignment.CENTER, (short) 12);
      italicCentre = style(w, false, true, false, false, HorizontalAlignment.CENTER, (short) 12);
      boldItalic = style(w, true, true, false, false, HorizontalAlignment.LEFT, (short) 11);
      small = style(w, false, false, false, false, HorizontalAlignment.LEFT, (short) 11);
      header = style(w, true, false, true, true, HorizontalAlignment.CENTER, (short) 12);
      cell = style(w, false, false, true, true, HorizontalAlignment.LEFT, (short) 12);
      boldCell = style(w, true, false, true, true, HorizontalAlignment.LEFT, (short) 12);
      number = style(w, false, false, true, false, HorizontalAlignment.CENTER, (short) 12);
      boldNumber = style(w, true, false, true, false, HorizontalAlignment.CENTER, (short) 12);
      rate = style(w, false, false, true, false, HorizontalAlignment.CENTER, (short) 12);
      rate.setDataFormat(w.createDataFormat().getFormat("0.0"));
      boldRate = style(w, true, false, true, false, HorizontalAlignment.CENTER, (short) 12);
      boldRate.setDataFormat(w.createDataFormat().getFormat("0.0"));
    }

    private static CellStyle style(Workbook workbook, boolean bold, boolean italic, boolean border, boolean wrap,
        HorizontalAlignment alignment, short points) {
      return ReportFormat.cellStyle(workbook, bold, italic, border, wrap, alignment, points);
    }
  }
}
