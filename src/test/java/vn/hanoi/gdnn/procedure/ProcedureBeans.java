package vn.hanoi.gdnn.procedure;

import java.io.IOException;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import vn.hanoi.gdnn.ProcessTestEngine;
import vn.hanoi.gdnn.document.DocumentNumberRule;
import vn.hanoi.gdnn.document.ShippedDocumentNumbers;

/**
 * Registers the procedures' beans on the shared process test engine as real objects, wired like Spring wires
 * them: the periods from the shipped application.yaml and the organisation from {@link TestOrganisation}.
 */
public final class ProcedureBeans {

  private ProcedureBeans() {
  }

  /** The periods of the shipped application.yaml, as Spring binds them. */
  public static Periods shippedPeriods() {
    try {
      StandardEnvironment environment = new StandardEnvironment();
      new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
          .forEach(environment.getPropertySources()::addLast);
      return new Periods(environment);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void register() {
    UnitRegistry units = TestOrganisation.registry();
    Periods periods = shippedPeriods();
    DocumentNumberRule numbers = ShippedDocumentNumbers.rule();
    Consultation consultation = new Consultation(units);
    ProcessTestEngine.registerBean("periods", periods);
    ProcessTestEngine.registerBean("procedureStart", new ProcedureStart(periods, units));
    ProcessTestEngine.registerBean("taskNaming", new TaskNaming(units));
    ProcessTestEngine.registerBean("consultation", consultation);
    ProcessTestEngine.registerBean("consultedUnitsValidator", new ConsultedUnitsValidator(units));
    ProcessTestEngine.registerBean("consultationReplyValidator", new ConsultationReplyValidator(consultation));
    ProcessTestEngine.registerBean("consolidationValidator", new ConsolidationValidator());
    ProcessTestEngine.registerBean("consultationSignOffValidator", new ConsultationSignOffValidator(consultation));
    ProcessTestEngine.registerBean("draftPostingValidator", new DraftPostingValidator());
    ProcessTestEngine.registerBean("publicCommentsValidator", new PublicCommentsValidator(consultation));
    ProcessTestEngine.registerBean("appraisalValidator", new AppraisalValidator());
    ProcessTestEngine.registerBean("appraisalSignOffValidator", new AppraisalSignOffValidator());
    ProcessTestEngine.registerBean("revisionValidator", new RevisionValidator());
    ProcessTestEngine.registerBean("submissionSignOffValidator",
        new SubmissionSignOffValidator(new SignOffDecisionValidator()));
    ProcessTestEngine.registerBean("officeCheckValidator", new OfficeCheckValidator());
    ProcessTestEngine.registerBean("approvalDecisionValidator", new ApprovalDecisionValidator());
    ProcessTestEngine.registerBean("collectiveDecisionValidator", new CollectiveDecisionValidator());
    ProcessTestEngine.registerBean("hdndSubmissionValidator", new HdndSubmissionValidator(numbers));
    ProcessTestEngine.registerBean("committeeReviewValidator", new CommitteeReviewValidator());
    ProcessTestEngine.registerBean("sessionOutcomeValidator", new SessionOutcomeValidator(numbers));
    ProcessTestEngine.registerBean("resolutionSignatureValidator", new ResolutionSignatureValidator());
    ProcessTestEngine.registerBean("hdndFollowUp", new HdndFollowUp());
    ProcessTestEngine.registerBean("issuanceValidator", new IssuanceValidator(numbers, SignatureBlockLookup.NONE));
    ProcessTestEngine.registerBean("gazettePublicationValidator", new GazettePublicationValidator());
  }
}
