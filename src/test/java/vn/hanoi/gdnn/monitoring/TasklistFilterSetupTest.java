package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

@IntegrationTest
class TasklistFilterSetupTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TasklistFilterSetup setup;
  @Autowired
  WorkingDayCalendar workingDays;

  @BeforeEach
  void fixture() {
    MonitoringFixture.deploy(engine);
    MonitoringFixture.identities(engine);
    setup.synchronize();
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void filtersAreCreatedOnceAndRestoredInPlaceWhenChanged() {
    assertThat(setup.synchronize()).as("a second run changes nothing").isZero();
    Map<String, Filter> filters = ours();
    assertThat(filters.values()).extracting(Filter::getName).containsExactlyInAnyOrder(
        "Việc của tôi", "Việc của đơn vị", "Chờ ký / phê duyệt", "Sắp đến hạn", "Quá hạn");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> variables = (List<Map<String, String>>) filters.get("unit-tasks").getProperties()
        .get("variables");
    assertThat(variables).extracting(v -> v.get("label"))
        .containsExactly("Mã nhiệm vụ", "Nội dung", "Đơn vị chủ trì", "Thời hạn");

    Filter changed = filters.get("overdue");
    FilterService filterService = engine.getFilterService();
    filterService.saveFilter(changed.setName("Quá hạn (cũ)")
        .setQuery(engine.getTaskService().createTaskQuery().taskAssignee("someone")));

    assertThat(setup.synchronize()).isEqualTo(1);
    Filter restored = filterService.getFilter(changed.getId());
    assertThat(restored.getName()).isEqualTo("Quá hạn");
    assertThat(ours()).hasSize(5);
    assertThat(setup.synchronize()).isZero();
  }

  @Test
  void staffSeeTheirUnitsWorkAndLeadersTheirSignOffs() {
    Date deadline = Date.from(Instant.now().plus(60, ChronoUnit.DAYS));
    Date later = Date.from(workingDays.plusWorkingDays(Instant.now(), 20));
    String id = MonitoringFixture.start(engine, "F1-" + System.nanoTime(), "Nhiệm vụ kiểm thử bộ lọc", "91",
        "Truyền thông", MonitoringFixture.UNIT, deadline, later).getId();
    Map<String, Filter> filters = ours();

    as(MonitoringFixture.STAFF);
    assertThat(visibleFilterNames()).contains("Việc của đơn vị").doesNotContain("Chờ ký / phê duyệt");
    assertThat(taskNames(filters.get("unit-tasks"), id)).containsExactly("Soạn dự thảo văn bản");
    assertThat(taskNames(filters.get("my-tasks"), id)).isEmpty();

    Task draft = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    engine.getTaskService().claim(draft.getId(), MonitoringFixture.STAFF);
    assertThat(taskNames(filters.get("my-tasks"), id)).containsExactly("Soạn dự thảo văn bản");
    engine.getTaskService().complete(draft.getId(), Map.of("draftSummary", "Dự thảo quyết định"));

    as(MonitoringFixture.LEADER);
    assertThat(visibleFilterNames()).contains("Chờ ký / phê duyệt");
    assertThat(taskNames(filters.get("sign-off"), id)).containsExactly("Lãnh đạo ký duyệt dự thảo");

    as(MonitoringFixture.STAFF);
    assertThat(taskNames(filters.get("unit-tasks"), id)).isEmpty();
  }

  @Test
  void dueSoonAndOverdueFollowTheWorkingDayCalendar() {
    Date deadline = Date.from(Instant.now().plus(60, ChronoUnit.DAYS));
    Date tomorrow = Date.from(workingDays.plusWorkingDays(Instant.now(), 1));
    Date past = Date.from(Instant.now().minus(2, ChronoUnit.DAYS));
    Date farAway = Date.from(workingDays.plusWorkingDays(Instant.now(), 15));
    String soon = MonitoringFixture.start(engine, "F2-" + System.nanoTime(), "Sắp đến hạn", "91", "Truyền thông",
        MonitoringFixture.UNIT, deadline, tomorrow).getId();
    String late = MonitoringFixture.start(engine, "F3-" + System.nanoTime(), "Quá hạn", "91", "Truyền thông",
        MonitoringFixture.UNIT, deadline, past).getId();
    String calm = MonitoringFixture.start(engine, "F4-" + System.nanoTime(), "Còn xa", "91", "Truyền thông",
        MonitoringFixture.UNIT, deadline, farAway).getId();
    Map<String, Filter> filters = ours();

    as(MonitoringFixture.STAFF);
    List<String> dueSoon = instances(filters.get("due-soon"));
    List<String> overdue = instances(filters.get("overdue"));
    assertThat(dueSoon).contains(soon).doesNotContain(late, calm);
    assertThat(overdue).contains(late).doesNotContain(soon, calm);

    as(MonitoringFixture.MANAGER);
    assertThat(instances(filters.get("overdue"))).as("not the manager's unit").doesNotContain(late);
  }

  private void as(String user) {
    engine.getIdentityService().setAuthentication(user, MonitoringFixture.groupsOf(user));
  }

  private Map<String, Filter> ours() {
    engine.getIdentityService().clearAuthentication();
    return engine.getFilterService().createTaskFilterQuery().list().stream()
        .filter(f -> f.getProperties() != null && f.getProperties().get(TasklistFilterSetup.KEY) != null)
        .collect(Collectors.toMap(f -> f.getProperties().get(TasklistFilterSetup.KEY).toString(), f -> f));
  }

  private List<String> visibleFilterNames() {
    return engine.getFilterService().createTaskFilterQuery().list().stream().map(Filter::getName).toList();
  }

  private List<String> taskNames(Filter filter, String processInstanceId) {
    return engine.getFilterService().<Task>list(filter.getId()).stream()
        .filter(t -> processInstanceId.equals(t.getProcessInstanceId())).map(Task::getName)
        .map(name -> name.substring(name.indexOf(" — ") + 3)).toList(); // the step, after "[code] title — "
  }

  private List<String> instances(Filter filter) {
    return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getProcessInstanceId).toList();
  }
}
