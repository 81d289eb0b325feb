package vn.hanoi.gdnn.plan;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.Unit;

/** The units a deliverable may name (the organisation directory), with their Vietnamese names. */
@Component
public class PlanUnits {

  public static final String COMMUNE_KIND = "ubnd-xa";

  private final OrganisationDirectory directory;

  public PlanUnits(OrganisationDirectory directory) {
    this.directory = directory;
  }

  public boolean exists(String code) {
    return code != null && directory.isUnit(code);
  }

  public String name(String code) {
    return code == null ? null : directory.find(code).map(Unit::name).orElse(code);
  }

  /** The kind of unit {@code code} is ({@code truong-cao-dang}…), or null when there is no such unit. */
  public String kindOf(String code) {
    return code == null ? null : directory.find(code).map(Unit::kind).orElse(null);
  }

  /** Commune-level people's committees (they recover land). */
  public List<Unit> communes() {
    return directory.units().stream().filter(u -> COMMUNE_KIND.equals(u.kind())).toList();
  }

  public boolean isCommune(String code) {
    return directory.find(code).map(u -> COMMUNE_KIND.equals(u.kind())).orElse(false);
  }
}
