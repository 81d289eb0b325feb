package vn.hanoi.gdnn.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * End listener of "Ghi nhận kết quả biểu quyết của tập thể UBND Thành phố": Văn phòng UBND records a session's or
 * a written vote's result (members, for, against, abstaining, the minutes' or tally's number). The outcome is
 * computed here, never submitted: the UBND adopts when more than half of all its members vote for (collective
 * decision under the Law on Local Government); otherwise the submission is not adopted.
 */
@Component("collectiveDecisionValidator")
public class CollectiveDecisionValidator implements ExecutionListener {

  public static final String SESSION = "session";
  public static final String WRITTEN = "written";

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = TaskInput.of(execution);
    String form = input.requireChoice("voteForm", "Hình thức biểu quyết", SESSION, WRITTEN);
    String date = OfficialDates.format(input.requirePastDate("voteDate",
        SESSION.equals(form) ? "Ngày phiên họp" : "Ngày tổng hợp phiếu lấy ý kiến"));
    int members = input.requireCount("memberCount", "Tổng số thành viên UBND Thành phố", 1, 100);
    int forVotes = input.requireCount("votesFor", "Số thành viên tán thành", 0, members);
    int against = input.requireCount("votesAgainst", "Số thành viên không tán thành", 0, members);
    int abstain = input.requireCount("votesAbstain", "Số thành viên không biểu quyết", 0, members);
    if (forVotes + against + abstain > members) {
      throw new FormFieldValidationException("votesAbstain", "Trường \"Số thành viên không biểu quyết\""
          + " (votesAbstain): tổng số phiếu tán thành, không tán thành và không"
          + " biểu quyết (" + (forVotes + against + abstain) + ") vượt quá tổng số thành viên (" + members + ").");
    }
    input.requireText("voteRecordNumber", "Số biên bản phiên họp hoặc văn bản tổng hợp phiếu", 3);
    boolean adopted = adopted(members, forVotes);
    String summary = (SESSION.equals(form) ? "Phiên họp UBND Thành phố ngày " : "Lấy ý kiến thành viên bằng phiếu, tổng hợp ngày ")
        + date + ": " + forVotes + "/" + members + " thành viên tán thành, " + against + " không tán thành, "
        + abstain + " không biểu quyết — " + (adopted ? "thông qua" : "không thông qua (chưa quá nửa tổng số thành viên tán thành)") + ".";
    execution.setVariable("collectiveVoteSummary", summary);
    execution.setVariable("approvalOutcome", adopted ? "approved" : "rejected");
    if (!adopted) {
      execution.setVariable("approvalReasons", summary);
    }
  }

  /** More than half of all members (not of those present) vote for. */
  static boolean adopted(int members, int forVotes) {
    return forVotes * 2 > members;
  }
}
