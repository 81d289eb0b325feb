package vn.hanoi.gdnn.calendar;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Spring wiring of the calendar: the {@code workingDays} bean, the engine plugin and the watch's delegates. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CalendarProperties.class, DeadlineProperties.class})
public class CalendarConfiguration {

  @Bean
  public WorkingDayCalendar workingDays(CalendarProperties properties, ResourceLoader resources) throws IOException {
    Resource resource = resources.getResource(properties.scheduleLocation());
    if (!resource.exists()) {
      throw new IllegalStateException("Holiday schedule not found at gdnn.calendar.schedule-location="
          + properties.scheduleLocation());
    }
    try (InputStream in = resource.getInputStream()) {
      return new WorkingDayCalendar(HolidayScheduleLoader.load(in, properties.scheduleLocation()), properties);
    }
  }

  @Bean
  public WorkingDayCalendarPlugin workingDayCalendarPlugin(WorkingDayCalendar workingDays,
                                                           DeadlineProperties deadlines) {
    return new WorkingDayCalendarPlugin(workingDays, deadlines);
  }

  @Bean(WorkingDayCalendarPlugin.REMINDER_BEAN)
  public DeadlineReminderDelegate deadlineReminder(WorkingDayCalendar workingDays, DeadlineProperties deadlines) {
    return new DeadlineReminderDelegate(workingDays, deadlines);
  }

  @Bean(WorkingDayCalendarPlugin.OVERDUE_BEAN)
  public DeadlineOverdueDelegate deadlineOverdue(WorkingDayCalendar workingDays, DeadlineProperties deadlines) {
    return new DeadlineOverdueDelegate(workingDays, deadlines);
  }

  @Bean(WorkingDayCalendarPlugin.ESCALATION_FACTS_BEAN)
  public DeadlineEscalationFacts deadlineEscalationFacts(WorkingDayCalendar workingDays) {
    return new DeadlineEscalationFacts(workingDays);
  }

  @Bean(WorkingDayCalendarPlugin.ESCALATION_CHECK_BEAN)
  public EscalationActionValidator escalationActionValidator() {
    return new EscalationActionValidator();
  }
}
