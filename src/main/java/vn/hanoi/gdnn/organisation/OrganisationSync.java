package vn.hanoi.gdnn.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's groups match the organisation file, at every start and idempotently: a missing group is
 * created, a renamed unit renames its groups, an unchanged one is left alone. A unit that disappeared from
 * the file is reported; its groups are deleted only when no open task is waiting for them, otherwise they are
 * kept (and reported again at every start) until that work is finished or moved.
 *
 * <p>Only groups of the organisation's own types ({@code don-vi}, {@code lanh-dao}) are ever deleted; groups
 * an administrator creates in Admin with other types are left alone. Memberships are never touched: people
 * are managed in Admin.
 */
@Component
public class OrganisationSync {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationSync.class);

  private final OrganisationDirectory directory;
  private final IdentityService identityService;
  private final TaskService taskService;

  public OrganisationSync(OrganisationDirectory directory, IdentityService identityService,
      TaskService taskService) {
    this.directory = directory;
    this.identityService = identityService;
    this.taskService = taskService;
  }

  /** What a sync changed; all lists empty when the groups already matched the file. */
  public record Report(List<String> created, List<String> renamed, List<String> deleted,
      Map<String, Long> keptWithOpenTasks) {

    public boolean changedNothing() {
      return created.isEmpty() && renamed.isEmpty() && deleted.isEmpty();
    }
  }

  /** A Camunda group as the organisation defines it. */
  public record GroupSpec(String id, String name, String type) {
  }

  /** The groups the organisation defines, by id, in file order. */
  public Map<String, GroupSpec> desiredGroups() {
    Map<String, GroupSpec> groups = new LinkedHashMap<>();
    for (Unit unit : directory.unitsWithGroups()) {
      add(groups, new GroupSpec(unit.code(), unit.name(), Groups.TYPE_UNIT));
      add(groups, new GroupSpec(Groups.leadersOf(unit.code()), "Lãnh đạo " + unit.name(), Groups.TYPE_LEADERS));
    }
    for (Post post : directory.posts()) {
      add(groups, new GroupSpec(post.code(), post.name(), Groups.TYPE_POST));
    }
    add(groups, new GroupSpec(Groups.UBND_MONITORING,
        "Tổ theo dõi, đôn đốc – Văn phòng Ủy ban nhân dân Thành phố", Groups.TYPE_ROLE));
    add(groups, new GroupSpec(Groups.PLAN_MANAGERS, "Quản lý Kế hoạch 115/KH-UBND", Groups.TYPE_ROLE));
    add(groups, new GroupSpec(Groups.ADMINISTRATORS, "Quản trị hệ thống", Groups.TYPE_SYSTEM));
    return groups;
  }

  private static void add(Map<String, GroupSpec> groups, GroupSpec spec) {
    groups.put(spec.id(), spec);
  }

  public Report sync() {
    Map<String, GroupSpec> desired = desiredGroups();
    // One read of every group instead of one query per group: with the 126 communes the organisation has some
    // 370 groups, and start-up (and every test context) pays for each round trip.
    Map<String, Group> existing = new HashMap<>();
    identityService.createGroupQuery().list().forEach(g -> existing.put(g.getId(), g));
    List<String> created = new ArrayList<>();
    List<String> renamed = new ArrayList<>();
    for (GroupSpec spec : desired.values()) {
      String id = spec.id();
      String name = spec.name();
      String type = spec.type();
      Group group = existing.get(id);
      if (group == null) {
        group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        created.add(id);
      } else if (!name.equals(group.getName()) || !type.equals(group.getType())) {
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        renamed.add(id);
      }
    }

    // Groups of units that left the file, grouped by unit so staff and leader groups go (or stay) together.
    Map<String, List<String>> removedUnits = new TreeMap<>();
    for (Group group : existing.values()) {
      if (Groups.TYPE_UNIT.equals(group.getType()) || Groups.TYPE_LEADERS.equals(group.getType())) {
        if (!desired.containsKey(group.getId())) {
          removedUnits.computeIfAbsent(Groups.unitCodeOf(group.getId()), k -> new ArrayList<>()).add(group.getId());
        }
      }
    }
    List<String> deleted = new ArrayList<>();
    Map<String, Long> kept = new TreeMap<>();
    removedUnits.forEach((unit, groupIds) -> {
      long openTasks = groupIds.stream()
          .mapToLong(g -> taskService.createTaskQuery().taskCandidateGroup(g).includeAssignedTasks().count())
          .sum();
      long members = groupIds.stream()
          .mapToLong(g -> identityService.createUserQuery().memberOfGroup(g).count()).sum();
      if (openTasks > 0) {
        kept.put(unit, openTasks);
        LOG.warn("Unit {} is no longer in the organisation file but {} open task(s) still wait for groups {}: "
            + "groups kept; finish or move that work, then restart to remove them", unit, openTasks, groupIds);
      } else {
        groupIds.forEach(identityService::deleteGroup);
        deleted.addAll(groupIds);
        LOG.warn("Unit {} is no longer in the organisation file and has no open task: groups {} deleted "
            + "({} membership(s) removed)", unit, groupIds, members);
      }
    });

    Report report = new Report(created, renamed, deleted, kept);
    if (report.changedNothing()) {
      LOG.info("Organisation groups checked: {} groups match the organisation file", desired.size());
    } else {
      LOG.info("Organisation groups synced: created {}, renamed {}, deleted {}", created, renamed, deleted);
    }
    return report;
  }
}
