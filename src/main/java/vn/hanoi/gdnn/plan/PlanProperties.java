package vn.hanoi.gdnn.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gdnn.plan.*}: whether the plan is launched when the application starts, where the catalogue is, and
 * the default periods (working days) of the lifecycles' own steps (land recovery's periods are the
 * procedure's: {@code gdnn.periods.land-*}). A deliverable's {@code periods} in the catalogue override them; each reaches the process as the
 * variable {@code <name>Days}.
 */
@ConfigurationProperties("gdnn.plan")
public class PlanProperties {

  private boolean launchOnStart = true;
  private String catalogue = "classpath:plan/catalogue.yaml";
  private Map<String, Integer> periods = new LinkedHashMap<>(defaults());
  /** When the reporting round starts (cron of periodic-report.bpmn's timer): 08:00 on 01/6 and 01/12. */
  private String reportSchedule = "0 0 8 1 6,12 ?";
  /** Kinds of unit the plan addresses as a whole: every unit of them reports in each round. */
  private List<String> reportingKinds = new ArrayList<>(List.of("truong-cao-dang", "truong-trung-cap",
      "truong-ngoai-cong-lap", "trung-tam-gdnn-gdtx"));
  private List<String> milestones = new ArrayList<>(List.of(
      "Phê duyệt dự án đầu tư", "Lựa chọn nhà thầu", "Thi công xây dựng, mua sắm, lắp đặt thiết bị",
      "Nghiệm thu, bàn giao đưa vào sử dụng", "Quyết toán dự án hoàn thành"));

  static Map<String, Integer> defaults() {
    Map<String, Integer> d = new LinkedHashMap<>();
    d.put("draft", 20);          // drafting a plan, decision, scheme or submission
    d.put("review", 5);          // a unit leader's review of its own staff's work
    d.put("record", 3);          // recording a result, a number, a publication
    d.put("report", 10);         // reporting on progress or results
    d.put("budget", 15);         // an activity's cost estimate and its approval
    d.put("activity", 120);      // running a year's activities
    d.put("followUp", 20);       // between follow-ups while waiting for a central body
    d.put("survey", 20);         // land survey and inventory
    d.put("dossier", 15);        // preparing a land or school dossier
    d.put("handover", 10);       // handing land over and signing the record
    d.put("dossierCheck", 3);    // checking a school reorganisation dossier
    d.put("council", 5);         // the appraisal council's meeting
    d.put("councilResult", 3);   // the council's result
    d.put("decision", 5);        // a decision after appraisal
    d.put("publication", 2);     // publishing a decision
    d.put("opinion", 20);        // a department's written opinion on a scheme (30 days ≈ 20 working days)
    d.put("milestone", 60);      // a milestone of an investment project
    d.put("ministryWait", 60);   // recording a ministry's answer (followed up every followUp days meanwhile)
    return d;
  }

  public String getReportSchedule() {
    return reportSchedule;
  }

  public void setReportSchedule(String reportSchedule) {
    this.reportSchedule = reportSchedule;
  }

  public List<String> getReportingKinds() {
    return reportingKinds;
  }

  public void setReportingKinds(List<String> reportingKinds) {
    this.reportingKinds = new ArrayList<>(reportingKinds);
  }

  public List<String> getMilestones() {
    return milestones;
  }

  public void setMilestones(List<String> milestones) {
    this.milestones = new ArrayList<>(milestones);
  }

  public boolean isLaunchOnStart() {
    return launchOnStart;
  }

  public void setLaunchOnStart(boolean launchOnStart) {
    this.launchOnStart = launchOnStart;
  }

  public String getCatalogue() {
    return catalogue;
  }

  public void setCatalogue(String catalogue) {
    this.catalogue = catalogue;
  }

  public Map<String, Integer> getPeriods() {
    return periods;
  }

  public void setPeriods(Map<String, Integer> periods) {
    Map<String, Integer> merged = new LinkedHashMap<>(defaults());
    merged.putAll(periods);
    this.periods = merged;
  }
}
