package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The exported report opened as a user's spreadsheet program would open it. */
class ProgressReportTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Instant REPORT_DATE = LocalDateTime.parse("2026-11-18T10:00").atZone(HANOI).toInstant();

  private static final List<DeliverableProgress> DELIVERABLES = List.of(
      new DeliverableProgress("pi-1", "1.1", "Tuyên truyền về giáo dục nghề nghiệp", "91", "Truyền thông",
          "so-gddt", "Sở Giáo dục và Đào tạo", List.of("so-vhtt", "so-khcn"),
          List.of("Sở Văn hóa và Thể thao", "Sở Khoa học và Công nghệ"),
          LocalDateTime.parse("2026-12-31T17:00").atZone(HANOI).toInstant(), "Kế hoạch",
          "Kế hoạch", List.of("Lấy ý kiến Sở Tài chính"), Health.ON_TRACK, List.of(), true, List.of()),
      new DeliverableProgress("pi-2", "4.2", "Chính sách hỗ trợ học phí, \"đặc thù\"", "4",
          "Định mức, giá dịch vụ, học phí", "so-gddt", "Sở Giáo dục và Đào tạo", List.of("so-tc"),
          List.of("Sở Tài chính"), LocalDateTime.parse("2026-11-10T17:00").atZone(HANOI).toInstant(),
          "Nghị quyết HĐND", "Nghị quyết HĐND", List.of("Thẩm định dự thảo"), Health.OVERDUE,
          List.of("Quá hạn 6 ngày làm việc (hạn 10/11/2026)"), true, List.of()));

  @Test
  void xlsxHasTheOfficialLayout() throws Exception {
    byte[] bytes = ProgressReport.xlsx(DELIVERABLES, "Sở Giáo dục và Đào tạo", REPORT_DATE);
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(text(sheet, 0, 0)).isEqualTo("UBND THÀNH PHỐ HÀ NỘI");
      assertThat(text(sheet, 2, 0)).isEqualTo(
          "BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH SỐ 115/KH-UBND — Sở Giáo dục và Đào tạo");
      assertThat(text(sheet, 3, 0)).isEqualTo("Ngày báo cáo: 18/11/2026");
      Row header = sheet.getRow(ProgressReport.HEADER_ROW);
      for (int c = 0; c < ProgressReport.COLUMNS.size(); c++) {
        assertThat(header.getCell(c).getStringCellValue()).isEqualTo(ProgressReport.COLUMNS.get(c));
        assertThat(workbook.getFontAt(header.getCell(c).getCellStyle().getFontIndex()).getBold()).isTrue();
      }
      int r = ProgressReport.HEADER_ROW + 1;
      assertThat(text(sheet, r, 0)).isEqualTo("I");
      assertThat(text(sheet, r, 1)).isEqualTo("Truyền thông");
      assertThat(rowTexts(sheet, r + 1)).containsExactly("1", "1.1. Tuyên truyền về giáo dục nghề nghiệp",
          "Sở Giáo dục và Đào tạo", "Sở Văn hóa và Thể thao, Sở Khoa học và Công nghệ", "31/12/2026",
          "Đúng tiến độ\nĐang thực hiện: Lấy ý kiến Sở Tài chính", "Kế hoạch", "");
      assertThat(text(sheet, r + 2, 0)).isEqualTo("II");
      assertThat(text(sheet, r + 2, 1)).isEqualTo("Định mức, giá dịch vụ, học phí");
      assertThat(rowTexts(sheet, r + 3)).containsExactly("1", "4.2. Chính sách hỗ trợ học phí, \"đặc thù\"",
          "Sở Giáo dục và Đào tạo", "Sở Tài chính", "10/11/2026",
          "Quá hạn\nĐang thực hiện: Thẩm định dự thảo", "Nghị quyết HĐND", "Quá hạn 6 ngày làm việc (hạn 10/11/2026)");
      assertThat(sheet.getLastRowNum()).isEqualTo(r + 3);
    }
  }

  @Test
  void csvIsUtf8WithBomAndOneRecordPerDeliverable() throws Exception {
    byte[] bytes = ProgressReport.csv(DELIVERABLES);
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8))) {
      assertThat(parser.getHeaderNames()).containsExactly("STT", "Nhóm nội dung", "Nội dung", "Đơn vị chủ trì",
          "Đơn vị phối hợp", "Thời hạn", "Tiến độ", "Kết quả / sản phẩm", "Ghi chú");
      List<CSVRecord> records = parser.getRecords();
      assertThat(records).hasSize(2);
      assertThat(records.get(1).get("STT")).isEqualTo("2");
      assertThat(records.get(1).get("Nhóm nội dung")).isEqualTo("Định mức, giá dịch vụ, học phí");
      assertThat(records.get(1).get("Nội dung")).isEqualTo("4.2. Chính sách hỗ trợ học phí, \"đặc thù\"");
      assertThat(records.get(1).get("Thời hạn")).isEqualTo("10/11/2026");
      assertThat(records.get(1).get("Tiến độ")).startsWith("Quá hạn");
    }
  }

  /** Text a person could have typed (a title, a result, a note), each starting like a spreadsheet formula. */
  private static final DeliverableProgress HOSTILE = new DeliverableProgress("pi-3", "9.9", "Nhiệm vụ thử",
      "99", "=HYPERLINK(\"http://x\",\"y\")", "so-gddt", "+Sở Giáo dục và Đào tạo", List.of("so-tc"),
      List.of("-2+3"), null, "@SUM(A1)", "@SUM(A1)", List.of(), Health.ON_TRACK,
      List.of("\t=1+1", "ghi chú"), false, List.of());

  @Test
  void aCellThatWouldStartAFormulaIsWrittenAsQuotedText() {
    assertThat(ReportFormat.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    for (String start : new String[] {"=", "+", "-", "@", "\t", "\r"}) {
      assertThat(ReportFormat.cell(start + "1+1")).as(start).isEqualTo("'" + start + "1+1");
    }
    assertThat(ReportFormat.cell("Kế hoạch = 2026")).isEqualTo("Kế hoạch = 2026");
    assertThat(ReportFormat.cell("4.2. Chính sách")).isEqualTo("4.2. Chính sách");
    assertThat(ReportFormat.cell("")).isEmpty();
    assertThat(ReportFormat.cell(null)).isEmpty();
  }

  @Test
  void xlsxHasNoFormulaAndKeepsNumbersAsNumbers() throws Exception {
    byte[] bytes = ProgressReport.xlsx(List.of(HOSTILE), null, REPORT_DATE);
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = workbook.getSheetAt(0);
      int r = ProgressReport.HEADER_ROW + 1;
      assertThat(text(sheet, r, 1)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
      Row row = sheet.getRow(r + 1);
      assertThat(row.getCell(0).getCellType()).as("STT").isEqualTo(CellType.NUMERIC);
      assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(1.0);
      assertThat(rowTexts(sheet, r + 1)).containsExactly("1", "9.9. Nhiệm vụ thử", "'+Sở Giáo dục và Đào tạo",
          "'-2+3", "", "Đúng tiến độ", "'@SUM(A1)", "'\t=1+1; ghi chú");
      for (Row any : sheet) {
        for (Cell cell : any) {
          assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isNotEqualTo(CellType.FORMULA);
          if (cell.getCellType() == CellType.STRING) {
            assertThat(cell.getStringCellValue()).as(cell.getAddress().formatAsString())
                .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
          }
        }
      }
    }
  }

  @Test
  void csvQuotesEveryFieldAndPrefixesFormulas() throws Exception {
    byte[] bytes = ProgressReport.csv(List.of(HOSTILE));
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        .doesNotContain(",=").doesNotContain(",+").doesNotContain(",@").doesNotContain(",-");
    try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(text))) {
      CSVRecord record = parser.getRecords().get(0);
      assertThat(record.get("STT")).isEqualTo("1");
      assertThat(record.get("Nhóm nội dung")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
      assertThat(record.get("Đơn vị chủ trì")).isEqualTo("'+Sở Giáo dục và Đào tạo");
      assertThat(record.get("Kết quả / sản phẩm")).isEqualTo("'@SUM(A1)");
      assertThat(record.get("Ghi chú")).isEqualTo("'\t=1+1; ghi chú");
    }
  }

  private static String text(Sheet sheet, int row, int column) {
    Cell cell = sheet.getRow(row).getCell(column);
    return cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue())
        : cell.getStringCellValue();
  }

  private static List<String> rowTexts(Sheet sheet, int row) {
    List<String> texts = new java.util.ArrayList<>();
    for (int c = 0; c < ProgressReport.COLUMNS.size(); c++) {
      texts.add(text(sheet, row, c));
    }
    return texts;
  }
}
