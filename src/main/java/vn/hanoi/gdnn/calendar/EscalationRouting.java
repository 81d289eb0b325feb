package vn.hanoi.gdnn.calendar;

import java.util.function.UnaryOperator;
import vn.hanoi.gdnn.organisation.Groups;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;

/**
 * Who is asked to step in when a unit's task stays overdue: the UBND office's monitoring group, except for the
 * bodies of the People's Council (kind {@code hdnd}), which the UBND does not supervise — the People's Council
 * supervises the UBND — so their late work goes to the HĐND office ({@code vp-hdnd}).
 */
public final class EscalationRouting {

  /** Kind of the People's Council's bodies in organisation.yaml. */
  public static final String HDND_KIND = "hdnd";
  /** The office serving the People's Council (Văn phòng Đoàn ĐBQH và HĐND Thành phố). */
  public static final String HDND_OFFICE = "vp-hdnd";

  private final UnaryOperator<String> groupOfUnit;

  private EscalationRouting(UnaryOperator<String> groupOfUnit) {
    this.groupOfUnit = groupOfUnit;
  }

  /** Every escalation to the UBND office (engines without organisation data). */
  public static EscalationRouting ubndOfficeOnly() {
    return new EscalationRouting(unit -> Groups.UBND_MONITORING);
  }

  /** Routing by the unit's kind in the organisation; the HĐND office only where the organisation has it. */
  public static EscalationRouting of(OrganisationDirectory organisation) {
    boolean hdndOffice = organisation.isUnit(HDND_OFFICE);
    return new EscalationRouting(unit -> unit != null && hdndOffice && organisation.find(unit)
        .map(u -> HDND_KIND.equals(u.kind())).orElse(false) ? HDND_OFFICE : Groups.UBND_MONITORING);
  }

  /** The candidate group of the escalation task for a late task of {@code unit} (null: unit unknown). */
  public String groupFor(String unit) {
    return groupOfUnit.apply(unit);
  }
}
