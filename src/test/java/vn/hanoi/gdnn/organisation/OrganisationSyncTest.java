package vn.hanoi.gdnn.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.hanoi.gdnn.ProcessTestEngine;

/** On a real (in-memory) engine of its own: groups follow the file; removed units keep open work. */
class OrganisationSyncTest {

  private final ProcessEngine engine = ProcessTestEngine.engine();
  private final IdentityService identity = engine.getIdentityService();
  private final TaskService tasks = engine.getTaskService();

  private static final String KINDS = """
      kinds:
        - code: so
          name: Sở
        - code: trung-uong
          name: Cơ quan Trung ương
          groups: false
      """;

  private OrganisationSync syncOf(String units) {
    OrganisationDirectory directory = OrganisationDirectory.parse(
        new ByteArrayInputStream((KINDS + "units:\n" + units).getBytes(StandardCharsets.UTF_8)), "test.yaml");
    return new OrganisationSync(directory, identity, tasks);
  }

  private static final String TWO_UNITS = """
        - code: so-a
          name: Sở A
          kind: so
        - code: so-b
          name: Sở B
          kind: so
        - code: bo-x
          name: Bộ X
          kind: trung-uong
      """;

  @AfterEach
  void cleanUp() {
    tasks.createTaskQuery().list().stream().filter(t -> t.getProcessInstanceId() == null)
        .forEach(t -> tasks.deleteTask(t.getId(), true));
    identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
  }

  private Group group(String id) {
    return identity.createGroupQuery().groupId(id).singleResult();
  }

  @Test
  void unitsBecomeStaffAndLeaderGroupsAndCentralBodiesNone() {
    OrganisationSync.Report report = syncOf(TWO_UNITS).sync();

    assertThat(report.created()).containsExactly("so-a", "so-a-lanh-dao", "so-b", "so-b-lanh-dao",
        "vp-ubnd-theo-doi", "quan-ly-ke-hoach", "camunda-admin");
    assertThat(group("so-a").getName()).isEqualTo("Sở A");
    assertThat(group("so-a").getType()).isEqualTo("don-vi");
    assertThat(group("so-a-lanh-dao").getName()).isEqualTo("Lãnh đạo Sở A");
    assertThat(group("so-a-lanh-dao").getType()).isEqualTo("lanh-dao");
    assertThat(group("bo-x")).isNull();
  }

  @Test
  void runningAgainChangesNothing() {
    syncOf(TWO_UNITS).sync();
    long groups = identity.createGroupQuery().count();

    OrganisationSync.Report again = syncOf(TWO_UNITS).sync();

    assertThat(again.changedNothing()).isTrue();
    assertThat(again.keptWithOpenTasks()).isEmpty();
    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
  }

  @Test
  void aRenamedUnitRenamesItsGroupsAndKeepsTheirMembers() {
    syncOf(TWO_UNITS).sync();
    identity.saveUser(identity.newUser("sync-test-user"));
    identity.createMembership("sync-test-user", "so-a");
    try {
      OrganisationSync.Report report = syncOf(TWO_UNITS.replace("name: Sở A", "name: Sở A mới")).sync();

      assertThat(report.renamed()).containsExactly("so-a", "so-a-lanh-dao");
      assertThat(report.created()).isEmpty();
      assertThat(group("so-a").getName()).isEqualTo("Sở A mới");
      assertThat(group("so-a-lanh-dao").getName()).isEqualTo("Lãnh đạo Sở A mới");
      assertThat(identity.createUserQuery().memberOfGroup("so-a").singleResult().getId()).isEqualTo("sync-test-user");
    } finally {
      identity.deleteUser("sync-test-user");
    }
  }

  @Test
  void aRemovedUnitWithOpenTasksIsKeptAndOneWithoutIsDeleted() {
    syncOf(TWO_UNITS + """
        - code: so-c
          name: Sở C
          kind: so
      """).sync();
    Task open = tasks.newTask();
    open.setName("Việc còn dở của Sở B");
    tasks.saveTask(open);
    tasks.addCandidateGroup(open.getId(), "so-b-lanh-dao");

    String withoutBandC = """
        - code: so-a
          name: Sở A
          kind: so
      """;
    OrganisationSync.Report report = syncOf(withoutBandC).sync();

    assertThat(report.keptWithOpenTasks()).isEqualTo(Map.of("so-b", 1L));
    assertThat(group("so-b")).isNotNull();
    assertThat(group("so-b-lanh-dao")).isNotNull();
    assertThat(report.deleted()).containsExactlyInAnyOrder("so-c", "so-c-lanh-dao");
    assertThat(group("so-c")).isNull();

    tasks.complete(open.getId());
    OrganisationSync.Report later = syncOf(withoutBandC).sync();
    assertThat(later.deleted()).containsExactlyInAnyOrder("so-b", "so-b-lanh-dao");
    assertThat(later.keptWithOpenTasks()).isEmpty();
  }

  @Test
  void groupsAnAdministratorCreatedWithAnotherTypeAreLeftAlone() {
    syncOf(TWO_UNITS).sync();
    Group working = identity.newGroup("to-cong-tac-gdnn");
    working.setName("Tổ công tác giáo dục nghề nghiệp");
    working.setType("WORKFLOW");
    identity.saveGroup(working);

    OrganisationSync.Report report = syncOf(TWO_UNITS).sync();

    assertThat(report.deleted()).isEmpty();
    assertThat(group("to-cong-tac-gdnn")).isNotNull();
  }
}
