package vn.hanoi.gdnn.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The planners' API on the real calendar (controller and its error handler, without the security layer). */
class CalendarControllerTest {

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new CalendarController(WorkingDayCalendar.shipped()))
      .setControllerAdvice(new CalendarExceptionHandler())
      .build();

  @Test
  void countsWorkingDaysAcrossTet() throws Exception {
    mvc.perform(get("/api/calendar/working-days").param("from", "2026-02-12").param("to", "26/02/2026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("12/02/2026"))
        .andExpect(jsonPath("$.to").value("26/02/2026"))
        .andExpect(jsonPath("$.workingDays").value(5))
        .andExpect(jsonPath("$.provisional").value(false));
  }

  @Test
  void givesTheDeadlineAfterNWorkingDays() throws Exception {
    mvc.perform(get("/api/calendar/deadline").param("date", "2026-08-28").param("days", "2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deadline").value("04/09/2026"))
        .andExpect(jsonPath("$.deadlineTime").value("04/09/2026 17:00"))
        .andExpect(jsonPath("$.deadlineIso").value("2026-09-04T17:00+07:00"));
  }

  @Test
  void listsTheYearsDaysOffAndSwappedSaturdays() throws Exception {
    mvc.perform(get("/api/calendar/years/2026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("official"))
        .andExpect(jsonPath("$.daysOff[*].date", hasItem("17/02/2026")))
        .andExpect(jsonPath("$.swappedWorkingDays[0].date").value("10/01/2026"))
        .andExpect(jsonPath("$.swappedWorkingDays[0].weekday").value("Thứ Bảy"))
        .andExpect(jsonPath("$.swappedWorkingDays[1].dateIso").value("2026-08-22"));
  }

  @Test
  void aYearWithoutDataIsShownAsProvisional() throws Exception {
    mvc.perform(get("/api/calendar/years/2030"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("computed"))
        .andExpect(jsonPath("$.provisional").value(true))
        .andExpect(jsonPath("$.daysOff[*].date", hasItem("02/02/2030")));
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource({
      "/api/calendar/working-days?from=2026-02-30&to=2026-03-01, from",
      "/api/calendar/working-days?from=2026-02-01&to=hôm nay, to",
      "/api/calendar/working-days?to=2026-03-01, from",
      "/api/calendar/deadline?date=2026-03-01&days=-1, days",
      "/api/calendar/deadline?date=2026-03-01&days=năm, days",
      "/api/calendar/deadline?date=31/02/2026&days=3, date",
      "/api/calendar/deadline?date=2026-03-01, days",
      "/api/calendar/years/20x6, year",
  })
  void badInputIsRefusedNamingTheParameter(String url, String field) throws Exception {
    mvc.perform(get(url))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.message", containsString("\"" + field + "\"")));
  }
}
