package vn.hanoi.gdnn.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.TextNode;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.hanoi.gdnn.procedure.JsonVariables;

/**
 * Amendments of the plan: add a deliverable, cancel one, re-assign its lead unit, extend its deadline. Each is
 * checked completely before anything changes, runs in one transaction with the engine's own work, and is
 * recorded in plan_amendment with who and why.
 */
@Component
public class PlanAmendments {

  public static final String ADD = "add";
  public static final String CANCEL = "cancel";
  public static final String REASSIGN = "reassign";
  public static final String EXTEND = "extend";
  public static final String UPDATE = "update";

  private final PlanCatalogue catalogue;
  private final PlanStore store;
  private final DeliverableProcesses processes;
  private final PlanUnits units;

  public PlanAmendments(PlanCatalogue catalogue, PlanStore store, DeliverableProcesses processes, PlanUnits units) {
    this.catalogue = catalogue;
    this.store = store;
    this.processes = processes;
    this.units = units;
  }

  /** Launches one occurrence unless it already has its instance (checked in plan_launch). */
  @Transactional
  public boolean launch(Deliverable d, Occurrence o) {
    if (store.launched(o.businessKey())) {
      return false;
    }
    ProcessInstance instance = processes.start(d, o);
    store.recordLaunch(o.businessKey(), d.code(), instance.getId());
    return true;
  }

  @Transactional
  public Deliverable add(DeliverableEntry entry, String reason, String author) {
    requireReason(reason);
    Catalogue current = catalogue.current();
    Deliverable d = catalogue.loader().checkNew(entry, current);
    store.insertDeliverable(entry, null);
    List<String> keys = new ArrayList<>();
    for (Occurrence o : d.occurrences(current.planStart())) {
      launch(d, o);
      keys.add(o.businessKey());
    }
    store.recordAmendment(d.code(), ADD, "Bổ sung nhiệm vụ \"" + d.title() + "\", chủ trì: " + units.name(d.leadUnit())
        + ", thời hạn: " + d.deadline().label() + " (" + String.join(", ", keys) + ")", reason.strip(), author);
    return d;
  }

  @Transactional
  public void cancel(String code, String reason, String author) {
    requireReason(reason);
    PlanStore.StoredDeliverable stored = activeDeliverable(code);
    List<String> ended = new ArrayList<>();
    for (PlanStore.Launch launch : store.launches(stored.code())) {
      if (processes.running(launch.processInstanceId()) != null) {
        processes.cancel(launch.processInstanceId(), reason.strip(), author);
        ended.add(launch.businessKey());
      }
    }
    store.setStatus(stored.code(), PlanStore.CANCELLED);
    store.recordAmendment(stored.code(), CANCEL, "Hủy nhiệm vụ" + (ended.isEmpty() ? "" : "; kết thúc quy trình: "
        + String.join(", ", ended)), reason.strip(), author);
  }

  @Transactional
  public void reassign(String code, String newLead, String reason, String author) {
    requireReason(reason);
    PlanStore.StoredDeliverable stored = activeDeliverable(code);
    DeliverableEntry e = stored.definition();
    if (newLead == null || !units.exists(newLead)) {
      throw new AmendmentException("leadUnit", "Đơn vị chủ trì \"" + newLead + "\" không có trong danh bạ tổ chức.");
    }
    if (newLead.equals(e.lead())) {
      throw new AmendmentException("leadUnit", "Nhiệm vụ " + code + " đã do " + units.name(newLead) + " chủ trì.");
    }
    List<String> coUnits = new ArrayList<>(e.coUnits() == null ? List.of() : e.coUnits());
    coUnits.remove(newLead);
    store.updateDefinition(code, withLead(e, newLead, coUnits));
    int moved = moveLead(stored.code(), e.lead(), newLead, coUnits);
    store.recordAmendment(code, REASSIGN, "Chuyển đơn vị chủ trì từ " + units.name(e.lead()) + " sang "
        + units.name(newLead) + "; số việc đang mở được chuyển: " + moved, reason.strip(), author);
  }

  /**
   * Extends the deadline of a deliverable (of one year's occurrence for a yearly deliverable): the variable
   * {@code deadline} changes and the deadline timer moves with it.
   */
  @Transactional
  public void extend(String code, Integer year, String newDeadline, String reason, String author) {
    requireReason(reason);
    PlanStore.StoredDeliverable stored = activeDeliverable(code);
    LocalDate date;
    try {
      date = newDeadline == null ? null : LocalDate.parse(newDeadline.strip(), Dates.DAY);
    } catch (DateTimeParseException e) {
      date = null;
    }
    if (date == null) {
      throw new AmendmentException("deadline", "Thời hạn mới phải là ngày theo dạng dd/MM/yyyy, nhận được: "
          + newDeadline);
    }
    Catalogue current = catalogue.current();
    Deliverable d = current.find(code).orElseThrow();
    if (d.recurring() && year == null) {
      throw new AmendmentException("year", "Nhiệm vụ " + code + " thực hiện hằng năm: ghi rõ năm cần gia hạn.");
    }
    String key = d.recurring() ? code + "-" + year : code;
    PlanStore.Launch launch = store.launches(code).stream().filter(l -> l.businessKey().equals(key)).findFirst()
        .orElseThrow(() -> new AmendmentException("year", "Nhiệm vụ " + key + " chưa được triển khai."));
    if (processes.running(launch.processInstanceId()) == null) {
      throw new AmendmentException("code", "Quy trình của nhiệm vụ " + key + " đã kết thúc, không thể gia hạn.");
    }
    Date old = processes.deadlineOf(launch.processInstanceId());
    LocalDate oldDate = Dates.toLocalDate(old);
    if (!date.isAfter(oldDate)) {
      throw new AmendmentException("deadline", "Thời hạn mới " + Dates.format(date) + " phải sau thời hạn hiện tại "
          + Dates.format(oldDate) + ".");
    }
    processes.changeDeadline(launch.processInstanceId(), Dates.endOfDay(date));
    if (!d.recurring()) {
      store.updateDefinition(code, withDeadline(stored.definition(), Dates.format(date)));
    }
    store.recordAmendment(code, EXTEND, "Gia hạn " + key + " từ " + Dates.format(oldDate) + " đến "
        + Dates.format(date), reason.strip(), author);
  }

  /** Applies a change of catalogue.yaml to a stored deliverable: each changed field as an amendment. */
  void applyCatalogueChange(PlanStore.StoredDeliverable stored, DeliverableEntry fromFile, Catalogue file) {
    String reason = "Cập nhật tệp danh mục kế hoạch.";
    DeliverableEntry before = stored.catalogueDefinition() == null ? stored.definition() : stored.catalogueDefinition();
    DeliverableEntry effective = stored.definition();
    DeliverableEntry merged = merge(before, fromFile, effective);
    if (!Objects.equals(before.lead(), fromFile.lead()) && !Objects.equals(effective.lead(), fromFile.lead())) {
      moveLead(stored.code(), effective.lead(), fromFile.lead(), merged.coUnits());
      store.recordAmendment(stored.code(), REASSIGN, "Chuyển đơn vị chủ trì từ " + units.name(effective.lead())
          + " sang " + units.name(fromFile.lead()), reason, PlanLauncher.CATALOGUE_AUTHOR);
    }
    Deliverable d = catalogue.loader().validate(merged, file.areas(), file.planStart());
    if (!Objects.equals(before.deadline(), fromFile.deadline())) {
      List<String> changes = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (Occurrence o : d.occurrences(file.planStart())) {
        keys.add(o.businessKey());
        for (PlanStore.Launch launch : store.launches(stored.code())) {
          if (launch.businessKey().equals(o.businessKey()) && processes.running(launch.processInstanceId()) != null) {
            processes.changeDeadline(launch.processInstanceId(), Dates.endOfDay(o.due()));
            changes.add(o.businessKey() + ": " + Dates.format(o.due()));
          }
        }
      }
      for (PlanStore.Launch launch : store.launches(stored.code())) {
        if (!keys.contains(launch.businessKey()) && processes.running(launch.processInstanceId()) != null) {
          processes.cancel(launch.processInstanceId(), "Năm thực hiện đã được bỏ khỏi danh mục kế hoạch.",
              PlanLauncher.CATALOGUE_AUTHOR);
          changes.add(launch.businessKey() + ": hủy");
        }
      }
      store.recordAmendment(stored.code(), EXTEND, "Thay đổi thời hạn thành " + d.deadline().label()
          + (changes.isEmpty() ? "" : " (" + String.join("; ", changes) + ")"), reason, PlanLauncher.CATALOGUE_AUTHOR);
    }
    if (!Objects.equals(withLead(withDeadline(before, null), null, null),
        withLead(withDeadline(fromFile, null), null, null))) {
      Map<String, Object> values = new HashMap<>();
      values.put("product", d.product());
      values.put("signer", d.signer());
      values.put("coUnits", JsonVariables.json(d.coUnits()));
      for (PlanStore.Launch launch : store.launches(stored.code())) {
        if (processes.running(launch.processInstanceId()) != null) {
          Map<String, Object> own = new HashMap<>(values);
          Integer year = launch.businessKey().equals(d.code()) ? null
              : Integer.valueOf(launch.businessKey().substring(d.code().length() + 1));
          own.put("deliverableTitle", d.titleFor(year));
          processes.updateVariables(launch.processInstanceId(), own);
        }
      }
      store.recordAmendment(stored.code(), UPDATE, "Cập nhật nội dung nhiệm vụ theo tệp danh mục (tên, sản phẩm, "
          + "thẩm quyền, đơn vị phối hợp hoặc thời hạn các bước)", reason, PlanLauncher.CATALOGUE_AUTHOR);
    }
    store.updateDefinition(stored.code(), merged);
  }

  private int moveLead(String code, String oldLead, String newLead, List<String> coUnits) {
    int moved = 0;
    for (PlanStore.Launch launch : store.launches(code)) {
      if (processes.running(launch.processInstanceId()) != null) {
        moved += processes.reassign(launch.businessKey(), oldLead, newLead);
        processes.updateVariables(launch.processInstanceId(), Map.of("coUnits", JsonVariables.json(coUnits)));
      }
    }
    return moved;
  }

  /** Fields the file changed take the file's value; the others keep the value amendments gave them. */
  private static DeliverableEntry merge(DeliverableEntry before, DeliverableEntry file, DeliverableEntry eff) {
    return new DeliverableEntry(eff.code(),
        pick(before.area(), file.area(), eff.area()),
        pick(before.title(), file.title(), eff.title()),
        pick(before.product(), file.product(), eff.product()),
        pick(before.signer(), file.signer(), eff.signer()),
        pick(before.lead(), file.lead(), eff.lead()),
        pick(before.coUnits(), file.coUnits(), eff.coUnits()),
        pick(before.deadline(), file.deadline(), eff.deadline()),
        pick(before.lifecycle(), file.lifecycle(), eff.lifecycle()),
        pick(before.periods(), file.periods(), eff.periods()),
        pick(before.seedText(), file.seedText(), eff.seedText()),
        pick(before.note(), file.note(), eff.note()),
        pick(before.decision(), file.decision(), eff.decision()),
        pick(before.after(), file.after(), eff.after()));
  }

  private static <T> T pick(T before, T file, T effective) {
    return Objects.equals(before, file) ? effective : file;
  }

  private static DeliverableEntry withLead(DeliverableEntry e, String lead, List<String> coUnits) {
    return new DeliverableEntry(e.code(), e.area(), e.title(), e.product(), e.signer(), lead, coUnits, e.deadline(),
        e.lifecycle(), e.periods(), e.seedText(), e.note(), e.decision(), e.after());
  }

  private static DeliverableEntry withDeadline(DeliverableEntry e, String deadline) {
    return new DeliverableEntry(e.code(), e.area(), e.title(), e.product(), e.signer(), e.lead(), e.coUnits(),
        deadline == null ? null : TextNode.valueOf(deadline), e.lifecycle(), e.periods(), e.seedText(), e.note(),
        e.decision(), e.after());
  }

  private PlanStore.StoredDeliverable activeDeliverable(String code) {
    PlanStore.StoredDeliverable stored = store.deliverable(code)
        .orElseThrow(() -> new AmendmentException("code", "Không có nhiệm vụ mã " + code + " trong danh mục."));
    if (!stored.active()) {
      throw new AmendmentException("code", "Nhiệm vụ " + code + " đã bị hủy.");
    }
    return stored;
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.strip().length() < 10) {
      throw new AmendmentException("reason", "Lý do điều chỉnh là bắt buộc, tối thiểu 10 ký tự.");
    }
  }
}
