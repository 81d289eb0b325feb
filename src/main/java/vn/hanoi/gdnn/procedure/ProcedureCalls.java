package vn.hanoi.gdnn.procedure;

import static vn.hanoi.gdnn.procedure.ProcedureContract.DELIVERABLE;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contract of each shared procedure, as the beans the lifecycles' call activities name
 * ({@code camunda:variableMappingDelegateExpression="${consultationCall}"}). Changing what a procedure takes or
 * returns is done here once, for every lifecycle; docs/procedures.md ("Contracts") lists the same.
 */
@Configuration(proxyBeanMethods = false)
public class ProcedureCalls {

  public static final ProcedureContract CONSULTATION = new ProcedureContract("consultation", DELIVERABLE,
      Map.of("consultedUnits", "coUnits"), Map.of("consultationDays", "consultation"), List.of(),
      Map.of("consultationReplies", "consultationReplies", "draftReference", "draftReference"));

  public static final ProcedureContract LEGAL_APPRAISAL = new ProcedureContract("legalAppraisal", DELIVERABLE,
      Map.of(), Map.of("appraisalDays", "appraisal", "revisionDays", "revision", "signDays", "sign"), List.of(),
      Map.of("appraisalOpinion", "appraisalOpinion", "appraisalRounds", "appraisalRounds",
          "draftReference", "draftReference", "appraisalReportNumber", "appraisalReportNumber"));

  public static final ProcedureContract UBND_APPROVAL = new ProcedureContract("ubndApproval", DELIVERABLE,
      Map.of(), Map.of("signDays", "sign", "officeCheckDays", "office-check", "leaderDecisionDays", "leader-decision",
          "revisionDays", "revision"), List.of("approverGroup"),
      Map.of("approvalOutcome", "approvalOutcome", "approvalRounds", "approvalRounds",
          "approvalReasons", "approvalReasons", "draftReference", "draftReference"));

  /** The reviewing committee is the catalogue's (hdndCommittee); Ban Văn hóa – Xã hội when a lifecycle has none. */
  public static final ProcedureContract HDND_RESOLUTION = new ProcedureContract("hdndResolution",
      concat(DELIVERABLE, List.of("hdndCommittee")), Map.of(),
      Map.of("hdndReviewDays", "hdnd-review", "hdndFollowUpDays", "hdnd-follow-up", "signDays", "sign"), List.of(),
      Map.of("hdndOutcome", "hdndOutcome", "resolutionNumber", "resolutionNumber",
          "resolutionDate", "resolutionDate", "sessionKind", "sessionKind", "resolutionSignedOn",
          "resolutionSignedOn"));

  /**
   * A normative document's caller adds {@code normativeDocument = yes} at the call (e-gazette, effective date);
   * an HĐND resolution's adoption date travels as {@code resolutionDate}.
   */
  public static final ProcedureContract ISSUANCE = new ProcedureContract("issuance",
      concat(DELIVERABLE, List.of("resolutionDate")), Map.of(), Map.of("issuanceDays", "issuance",
          "gazetteDays", "gazette"), List.of("issuerGroup"),
      Map.of("documentNumber", "documentNumber", "issuedOn", "issuedOn", "signer", "signedBy",
          "documentLink", "documentLink", "effectiveDate", "effectiveDate",
          "effectiveDateWarning", "effectiveDateWarning", "gazettePublishedOn", "gazettePublishedOn"));

  /** The ministry's periods are the lifecycle's own (gdnn.plan.periods), passed on as they are. */
  public static final ProcedureContract CENTRAL_DECISION = new ProcedureContract("centralDecision",
      concat(DELIVERABLE, List.of("followUpDays", "recordDays", "ministryWaitDays")), Map.of(), Map.of(), List.of(),
      Map.of("ministryOutcome", "ministryOutcome", "ministryDecisionNumber", "ministryDecisionNumber",
          "resultSummary", "resultSummary"));

  /** The lead unit's leader approves the draft before it goes out for comments. */
  public static final ProcedureContract DRAFT_SIGN_OFF = new ProcedureContract("draftSignOff", DELIVERABLE, Map.of(),
      Map.of(), List.of(), Map.of("draftReference", "draftReference", "signOffRounds", "draftSignOffRounds"));

  /**
   * The commune's land recovery: where and what land; its statutory periods are its own (gdnn.periods.land-*,
   * filled at its start), and it returns the numbers of the commune chairman's documents.
   */
  public static final ProcedureContract LAND_RECOVERY = new ProcedureContract("landRecovery",
      concat(DELIVERABLE, List.of("landType", "landCommune")), Map.of(), Map.of(), List.of(),
      Map.of("noticeNumber", "landNoticeNumber", "planApprovalNumber", "compensationPlanApprovalNumber",
          "recoveryDecisionNumber", "recoveryDecisionNumber", "enforcementDecisionNumber", "enforcementDecisionNumber"));

  public static final List<ProcedureContract> ALL = List.of(CONSULTATION, LEGAL_APPRAISAL, UBND_APPROVAL,
      HDND_RESOLUTION, ISSUANCE, CENTRAL_DECISION, DRAFT_SIGN_OFF, LAND_RECOVERY);

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  @Bean
  ProcedureCall consultationCall(Periods periods) {
    return new ProcedureCall(CONSULTATION, periods);
  }

  @Bean
  ProcedureCall legalAppraisalCall(Periods periods) {
    return new ProcedureCall(LEGAL_APPRAISAL, periods);
  }

  @Bean
  ProcedureCall ubndApprovalCall(Periods periods) {
    return new ProcedureCall(UBND_APPROVAL, periods);
  }

  @Bean
  ProcedureCall hdndResolutionCall(Periods periods) {
    return new ProcedureCall(HDND_RESOLUTION, periods);
  }

  @Bean
  ProcedureCall issuanceCall(Periods periods) {
    return new ProcedureCall(ISSUANCE, periods);
  }

  @Bean
  ProcedureCall centralDecisionCall(Periods periods) {
    return new ProcedureCall(CENTRAL_DECISION, periods);
  }

  @Bean
  ProcedureCall draftSignOffCall(Periods periods) {
    return new ProcedureCall(DRAFT_SIGN_OFF, periods);
  }

  @Bean
  ProcedureCall landRecoveryCall(Periods periods) {
    return new ProcedureCall(LAND_RECOVERY, periods);
  }

  /** The bean name a call activity of {@code processKey} names, e.g. {@code consultationCall}. */
  public static String beanName(String processKey) {
    return processKey + "Call";
  }
}
