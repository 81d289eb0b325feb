package vn.hanoi.gdnn.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.hanoi.gdnn.IntegrationTest;

/** The calendar inside the running application: engine plugin installed, watch deployed, API behind login. */
@IntegrationTest
class CalendarIntegrationTest {

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private ProcessEngine engine;

  @Autowired
  private WorkingDayCalendar workingDays;

  @Test
  void engineUsesTheWorkingDayCalendarAndTheEscalationIsDeployed() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // 12/02/2026 is the last working day before Tết (14–22/02): five working days end on 26/02 at 17:00
    Date start = Date.from(java.time.ZonedDateTime.parse("2026-02-12T10:00:00+07:00").toInstant());
    assertThat(configuration.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
        .resolveDuedate("P5WD", start))
        .isEqualTo(Date.from(java.time.ZonedDateTime.parse("2026-02-26T17:00:00+07:00").toInstant()));
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("deadlineEscalation")
        .latestVersion().count()).isEqualTo(1);
    assertThat(workingDays.holidays(2026).status()).isEqualTo(YearSchedule.Status.OFFICIAL);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void apiNeedsALoginAndAnswersLoggedInUsers() {
    ResponseEntity<Map> anonymous = rest.getForEntity("/api/calendar/years/2026", Map.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<Map> answer = rest.withBasicAuth("demo", "demo")
        .getForEntity("/api/calendar/deadline?date=2026-02-12&days=5", Map.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).containsEntry("deadline", "26/02/2026");

    ResponseEntity<Map> bad = rest.withBasicAuth("demo", "demo")
        .getForEntity("/api/calendar/deadline?date=2026-02-12&days=-3", Map.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).containsEntry("field", "days");
  }
}
