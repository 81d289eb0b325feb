package vn.hanoi.gdnn.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import vn.hanoi.gdnn.procedure.UnitRegistry;

/**
 * The organisation as the procedures see it, read from Camunda's groups of type {@code don-vi}. Registered by
 * {@link BenchNode} only when the application has no {@link UnitRegistry} of its own (the organisation package
 * provides the real one); names are cached because every procedure start and task asks for them.
 */
public class BenchUnits implements UnitRegistry {

  static final String UNIT_TYPE = "don-vi";

  private final IdentityService identity;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  public BenchUnits(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public boolean exists(String code) {
    return code != null && lookUp(code) != null;
  }

  @Override
  public String nameOf(String code) {
    String name = code == null ? null : lookUp(code);
    return name == null ? code : name;
  }

  @Override
  public Map<String, String> consultableUnits() {
    Map<String, String> units = new LinkedHashMap<>();
    for (Group group : identity.createGroupQuery().groupType(UNIT_TYPE).orderByGroupId().asc().list()) {
      units.put(group.getId(), group.getName());
    }
    return units;
  }

  private String lookUp(String code) {
    String cached = names.get(code);
    if (cached != null) {
      return cached;
    }
    Group group = identity.createGroupQuery().groupId(code).groupType(UNIT_TYPE).singleResult();
    if (group == null) {
      return null;
    }
    String name = group.getName() == null ? code : group.getName();
    names.put(code, name);
    return name;
  }
}
