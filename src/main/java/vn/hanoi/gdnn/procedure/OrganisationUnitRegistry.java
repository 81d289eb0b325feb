package vn.hanoi.gdnn.procedure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.Unit;

/**
 * The procedures' view of the organisation directory: a unit exists for them when it works in the system (its
 * kind has staff and leader groups, so a task can be given to it); central bodies such as Bộ GD&ĐT are
 * addressees, not units to consult. The city UBND itself decides and is never consulted.
 */
@Component
public class OrganisationUnitRegistry implements UnitRegistry {

  static final String CITY_UBND_KIND = "ubnd";

  private final OrganisationDirectory directory;

  public OrganisationUnitRegistry(OrganisationDirectory directory) {
    this.directory = directory;
  }

  @Override
  public boolean exists(String code) {
    return directory.find(code).map(unit -> directory.kindOf(unit).groups()).orElse(false);
  }

  @Override
  public String nameOf(String code) {
    return directory.find(code).map(Unit::name).orElse(code);
  }

  @Override
  public Map<String, String> consultableUnits() {
    Map<String, String> units = new LinkedHashMap<>();
    for (Unit unit : directory.unitsWithGroups()) {
      if (!CITY_UBND_KIND.equals(unit.kind())) {
        units.put(unit.code(), unit.name());
      }
    }
    return units;
  }
}
