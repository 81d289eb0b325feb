package vn.hanoi.gdnn.delegation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.notification.People;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.Unit;
import vn.hanoi.gdnn.procedure.IssuanceValidator;
import vn.hanoi.gdnn.procedure.SignatureBlockLookup;

/**
 * The signature block (thể thức chữ ký, Decree 30/2020 Appendix I) of a document signed by a deputy during the
 * leader's absence, computed from the delegation data — never typed: the latest sign-off of the deliverable that
 * the delegation recorded as a ký thay ({@link DelegationRule#SIGNED_ON_BEHALF_OF}, on the task in history) for a
 * leader of the issuing body. A collective body signs "TM." (on behalf of) the body, then "KT." (for) its head:
 * <pre>
 *   TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / &lt;deputy&gt;     (UBND, a commune's UBND; HĐND alike)
 *   KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / &lt;deputy&gt;                            (a department)
 * </pre>
 * Without a ký thay there is no computed block: the identity data do not say who is the head and who a deputy, so
 * the signer recorded with the document stands as entered.
 */
@Component
public class SignatureBlocks implements SignatureBlockLookup {

  /** Process variable of the issuance, in history: the block, lines joined by " / ". */
  public static final String VARIABLE = IssuanceValidator.SIGNATURE_BLOCK;

  /** The body's name in a "TM." line (collective bodies only) and its head's title, by kind of unit. */
  private record Titles(String body, String head) {
  }

  private static final Map<String, Titles> TITLES = Map.of(
      "ubnd", new Titles("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
      "ubnd-xa", new Titles("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
      "hdnd", new Titles("HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"),
      "so", new Titles(null, "GIÁM ĐỐC"),
      "van-phong", new Titles(null, "CHÁNH VĂN PHÒNG"),
      "truong-cao-dang", new Titles(null, "HIỆU TRƯỞNG"),
      "truong-trung-cap", new Titles(null, "HIỆU TRƯỞNG"));

  /** A computed block: its lines, the deputy who signed and the leader signed for. */
  public record Block(List<String> lines, String unit, String signer, String onBehalfOf) {

    public String text() {
      return String.join(" / ", lines);
    }
  }

  private final ProcessEngine engine;
  private final DelegationRule rule;
  private final OrganisationDirectory organisation;
  private final People people;

  public SignatureBlocks(@Lazy ProcessEngine engine, @Lazy DelegationRule rule, OrganisationDirectory organisation,
      @Lazy People people) {
    this.engine = engine;
    this.rule = rule;
    this.organisation = organisation;
    this.people = people;
  }

  /**
   * The block of the deliverable's latest ký thay for a leader of {@code issuingUnit}, looking at every procedure
   * under {@code rootProcessInstanceId}.
   */
  public Optional<Block> find(String rootProcessInstanceId, String issuingUnit) {
    return find(rootProcessInstanceId, organisation.isUnit(issuingUnit) ? List.of(issuingUnit) : List.of());
  }

  /**
   * Read without the caller's authorizations: the person asking (the office clerk recording the issuance) may not
   * read the history of the leaders' sign-off, yet the block is the document's.
   */
  private Optional<Block> find(String rootProcessInstanceId, List<String> units) {
    if (units.isEmpty() || rootProcessInstanceId == null) {
      return Optional.empty();
    }
    CommandExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    return executor.execute(context -> context.runWithoutAuthorization(() -> latest(rootProcessInstanceId, units)));
  }

  private Optional<Block> latest(String rootProcessInstanceId, List<String> units) {
    HistoryService history = engine.getHistoryService();
    String[] instances = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootProcessInstanceId)
        .list().stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    if (instances.length == 0) {
      return Optional.empty();
    }
    List<HistoricVariableInstance> signed = new ArrayList<>(history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances).variableName(DelegationRule.SIGNED_ON_BEHALF_OF).list());
    signed.sort(Comparator.comparing(HistoricVariableInstance::getCreateTime,
        Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
    for (HistoricVariableInstance mark : signed) {
      String leader = String.valueOf(mark.getValue());
      HistoricTaskInstance task = mark.getTaskId() == null ? null
          : history.createHistoricTaskInstanceQuery().taskId(mark.getTaskId()).singleResult();
      if (task == null || task.getAssignee() == null) {
        continue;
      }
      for (String unit : units) {
        if (rule.isLeaderOf(leader, unit)) {
          return Optional.of(block(unit, task.getAssignee(), leader));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> blockFor(String rootProcessInstanceId, String issuingUnit) {
    return find(rootProcessInstanceId, issuingUnit).map(Block::text);
  }

  /** The block for {@code deputy} signing for the head of {@code unit}. */
  public Block block(String unit, String deputy, String leader) {
    Unit found = organisation.find(unit).orElseThrow(() -> new IllegalArgumentException("Unknown unit " + unit));
    Titles titles = TITLES.getOrDefault(found.kind(), new Titles(null, "THỦ TRƯỞNG CƠ QUAN"));
    List<String> lines = new ArrayList<>();
    if (titles.body() != null) {
      lines.add("TM. " + titles.body());
    }
    lines.add("KT. " + titles.head());
    lines.add("PHÓ " + titles.head());
    lines.add(people.nameOf(deputy));
    return new Block(List.copyOf(lines), unit, deputy, leader);
  }

  @Override
  public Optional<String> blockRecordedBy(String rootProcessInstanceId, String recordingUnit) {
    return find(rootProcessInstanceId, chain(recordingUnit)).map(Block::text);
  }

  /** The unit and the bodies it belongs to, nearest first. */
  private List<String> chain(String unit) {
    List<String> units = new ArrayList<>();
    Optional<Unit> current = organisation.find(unit);
    while (current.isPresent() && !units.contains(current.get().code())) {
      units.add(current.get().code());
      current = organisation.find(current.get().parent());
    }
    return units;
  }
}
