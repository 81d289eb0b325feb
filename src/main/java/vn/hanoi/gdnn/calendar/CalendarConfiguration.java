package vn.hanoi.gdnn.calendar;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.function.SingletonSupplier;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;

/** Spring wiring of the calendar: the {@code workingDays} bean, the engine plugin and the escalation's listener. */
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

  /**
   * The observers (the notification package's mails) are looked up when the first step runs, not when the engine
   * is built: they need engine services themselves. Looked up once: a lookup per step was 4 % of a reminder's CPU.
   */
  @Bean
  public WorkingDayCalendarPlugin workingDayCalendarPlugin(WorkingDayCalendar workingDays,
                                                           DeadlineProperties deadlines,
                                                           OrganisationDirectory organisation,
                                                           ObjectProvider<DeadlineObserver> observers) {
    return new WorkingDayCalendarPlugin(workingDays, deadlines, EscalationRouting.of(organisation), () -> true,
        SingletonSupplier.of(() -> observers.orderedStream().toList()));
  }

  @Bean(WorkingDayCalendarPlugin.ESCALATION_CHECK_BEAN)
  public EscalationActionValidator escalationActionValidator() {
    return new EscalationActionValidator();
  }
}
