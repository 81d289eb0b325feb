package vn.hanoi.gdnn.delegation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hanoi.gdnn.organisation.Groups;

/**
 * Recording an absence (ủy quyền): checked field by field (400 naming the field, nothing stored), then the row and
 * its {@code absenceDelegation} process instance are written in one transaction. A leader records their own
 * absence; an administrator records it for them.
 */
@Service
public class Delegations {

  /** Process keys that are machinery, not kinds of work a leader signs. */
  static final Set<String> NOT_WORK = Set.of("deadlineWatch", "deadlineEscalation", "notificationDelivery", "notificationDigest",
      DelegationSteps.PROCESS_KEY);
  /** Strict: 31/02 is refused, not quietly read as 28/02. */
  private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  /** What a person asks for. */
  public record Request(String leader, String deputy, String from, String to, List<String> scope, String reason) {
  }

  private final Absences absences;
  private final DelegationRule rule;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TransactionTemplate transaction;

  public Delegations(Absences absences, DelegationRule rule, IdentityService identity, RepositoryService repository,
      RuntimeService runtime, ManagementService management, PlatformTransactionManager transactions) {
    this.absences = absences;
    this.rule = rule;
    this.identity = identity;
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.transaction = new TransactionTemplate(transactions);
  }

  public Absence record(Request request, String caller, boolean administrator) {
    String leader = blank(request.leader()) ? caller : request.leader().trim();
    if (!leader.equals(caller) && !administrator) {
      throw DelegationException.forbidden("Chỉ lãnh đạo tự đăng ký vắng mặt, ủy quyền của mình, hoặc quản trị hệ "
          + "thống đăng ký thay.");
    }
    String unit = unitLedBy(leader);
    if (blank(request.deputy())) {
      throw DelegationException.bad("deputy", "Trường \"deputy\" (người được ủy quyền): bắt buộc.");
    }
    String deputy = request.deputy().trim();
    if (deputy.equals(leader)) {
      throw DelegationException.bad("deputy", "Trường \"deputy\" (người được ủy quyền): không thể tự ủy quyền cho "
          + "chính mình.");
    }
    if (!rule.isLeaderOf(deputy, unit)) {
      throw DelegationException.bad("deputy", "Trường \"deputy\" (người được ủy quyền): \"" + deputy + "\" không "
          + "phải là lãnh đạo của " + unitName(unit) + ". Chỉ được ủy quyền ký thay cho lãnh đạo cùng đơn vị.");
    }
    LocalDate from = date("from", "từ ngày", request.from());
    LocalDate to = date("to", "đến ngày", request.to());
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(Absence.ZONE).toLocalDate();
    if (to.isBefore(from)) {
      throw DelegationException.bad("to", "Trường \"to\" (đến ngày): phải từ ngày " + VN_DATE.format(from)
          + " trở đi.");
    }
    if (to.isBefore(today)) {
      throw DelegationException.bad("to", "Trường \"to\" (đến ngày): thời gian vắng mặt đã qua.");
    }
    if (to.isAfter(from.plusDays(366))) {
      throw DelegationException.bad("to", "Trường \"to\" (đến ngày): một lần ủy quyền không quá 366 ngày.");
    }
    List<String> scope = scope(request.scope());
    for (Absence open : absences.openOf(leader)) {
      if (!from.isAfter(open.endsOn()) && !to.isBefore(open.startsOn())) {
        throw DelegationException.bad("from", "Trường \"from\" (từ ngày): đã có ủy quyền trong thời gian "
            + open.period() + " trùng với thời gian này.");
      }
    }
    if (request.reason() != null && request.reason().length() > 1000) {
      throw DelegationException.bad("reason", "Trường \"reason\" (lý do): không quá 1000 ký tự.");
    }
    Absence absence = new Absence(UUID.randomUUID().toString(), leader, deputy, unit, from, to, scope,
        blank(request.reason()) ? null : request.reason().trim(), Absence.State.PLANNED, caller,
        ClockUtil.getCurrentTime().toInstant());
    transaction.executeWithoutResult(status -> {
      absences.insert(absence);
      asApplication(() -> runtime.startProcessInstanceByKey(DelegationSteps.PROCESS_KEY, "UQ-" + leader + "-" + from,
          Map.of(DelegationSteps.ABSENCE_ID, absence.id(), "absenceStarts", Date.from(absence.startsAt()),
              "absenceEnds", Date.from(absence.endsAt()))));
    });
    return absence;
  }

  /**
   * The leader is back early: the absence ends now (the leader themselves, or an administrator). An absence in
   * force ends through its own process — its end timer is made due now and run, so "Trả lại việc, kết thúc ủy
   * quyền" gives every delegated task back and the process ends; its last day becomes today. An absence not yet
   * begun is cancelled with its process: nothing was handed over.
   */
  public Absence endNow(String id, String caller, boolean administrator) {
    Absence absence = absences.find(id).orElseThrow(() -> DelegationException.notFound(
        "Không có đăng ký vắng mặt, ủy quyền mã \"" + id + "\"."));
    if (!absence.leaderId().equals(caller) && !administrator) {
      throw DelegationException.forbidden("Chỉ lãnh đạo đã ủy quyền (hoặc quản trị hệ thống) được kết thúc sớm "
          + "thời gian vắng mặt, ủy quyền này.");
    }
    if (absence.state() == Absence.State.ENDED) {
      throw DelegationException.bad("id", "Ủy quyền trong thời gian " + absence.period() + " đã kết thúc.");
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(Absence.ZONE).toLocalDate();
    transaction.executeWithoutResult(status -> asApplication(() -> {
      ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey(DelegationSteps.PROCESS_KEY)
          .variableValueEquals(DelegationSteps.ABSENCE_ID, id).singleResult();
      if (absence.state() == Absence.State.PLANNED) {
        absences.setState(id, Absence.State.ENDED);
        if (process != null) {
          runtime.deleteProcessInstance(process.getId(), "Lãnh đạo hủy ủy quyền trước thời gian vắng mặt");
        }
        return;
      }
      absences.shortenTo(id, today.isBefore(absence.startsOn()) ? absence.startsOn() : today);
      Job end = process == null ? null : management.createJobQuery().processInstanceId(process.getId()).timers()
          .activityId("Timer_AbsenceEnds").singleResult();
      if (end == null) {
        throw new IllegalStateException("Absence " + id + " is active but its process waits at no end timer");
      }
      management.setJobDuedate(end.getId(), ClockUtil.getCurrentTime());
      management.executeJob(end.getId());
    }));
    return absences.find(id).orElseThrow();
  }

  /** The application's own work, not the caller's (WorkGuard lets no worker start, cancel or run anything). */
  private void asApplication(Runnable work) {
    Authentication callerAuth = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      work.run();
    } finally {
      if (callerAuth != null) {
        identity.setAuthentication(callerAuth);
      }
    }
  }

  /** Absences of the units the person leads or works in; every absence for administrators. */
  public List<Absence> visibleTo(String userId, boolean administrator) {
    List<Absence> visible = new ArrayList<>();
    for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
      Groups.unitOf(group.getId()).filter(unit -> group.getId().equals(unit) || group.getId()
          .equals(Groups.leadersOf(unit))).ifPresent(unit -> absences.ofUnit(unit).stream()
          .filter(a -> visible.stream().noneMatch(v -> v.id().equals(a.id()))).forEach(visible::add));
    }
    if (administrator) {
      return absences.all();
    }
    return visible;
  }

  public String unitName(String unit) {
    Group group = identity.createGroupQuery().groupId(unit).singleResult();
    return group == null || group.getName() == null ? unit : group.getName();
  }

  private String unitLedBy(String leader) {
    List<Group> led = identity.createGroupQuery().groupMember(leader).list().stream()
        .filter(g -> g.getId().endsWith(Groups.LEADER_SUFFIX)).toList();
    if (led.isEmpty()) {
      throw DelegationException.bad("leader", "Trường \"leader\" (lãnh đạo vắng mặt): \"" + leader + "\" không phải"
          + " là lãnh đạo của đơn vị nào.");
    }
    return Groups.unitCodeOf(led.get(0).getId());
  }

  private List<String> scope(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return List.of(Absence.ALL);
    }
    List<String> scope = new ArrayList<>();
    for (String kind : requested) {
      String k = kind == null ? "" : kind.trim();
      boolean known = Absence.ALL.equals(k) || !NOT_WORK.contains(k) && !k.isEmpty() && !k.contains(",")
          && repository.createProcessDefinitionQuery().processDefinitionKey(k).count() > 0;
      if (!known) {
        throw DelegationException.bad("scope", "Trường \"scope\" (phạm vi ủy quyền): \"" + k + "\" không phải là "
            + "loại công việc của hệ thống; dùng \"all\" (mọi việc) hoặc mã quy trình, ví dụ \"ubndApproval\".");
      }
      scope.add(k);
    }
    return scope.contains(Absence.ALL) ? List.of(Absence.ALL) : List.copyOf(scope);
  }

  private static LocalDate date(String field, String label, String text) {
    if (blank(text)) {
      throw DelegationException.bad(field, "Trường \"" + field + "\" (" + label + "): bắt buộc, dạng dd/MM/yyyy.");
    }
    try {
      return text.contains("/") ? LocalDate.parse(text.trim(), VN_DATE) : LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw DelegationException.bad(field, "Trường \"" + field + "\" (" + label + "): \"" + text
          + "\" không phải là ngày hợp lệ (dd/MM/yyyy).");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
