package vn.hanoi.gdnn.monitoring;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import javax.sql.DataSource;

import vn.hanoi.gdnn.calendar.DeadlineProperties;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.Unit;
import vn.hanoi.gdnn.procedure.TaskNaming;

/**
 * Spring wiring of monitoring: health rules, the progress reader, the {@code inbox} bean of the filters and the
 * engine plugin that names every user task and gives it its list columns and priority, and the one that keeps the
 * units' task summary for the units' figures.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringProperties.class)
public class MonitoringConfiguration {

  @Bean
  public HealthRules healthRules(WorkingDayCalendar workingDays, MonitoringProperties properties) {
    return new HealthRules(workingDays, properties);
  }

  @Bean
  public ProgressService progressService(ProcessEngine engine, HealthRules healthRules,
      MonitoringProperties properties, ObjectProvider<Prerequisites> prerequisites) {
    return new ProgressService(engine, healthRules, properties, prerequisites.getIfAvailable(() -> Prerequisites.NONE));
  }

  @Bean
  public UnitPerformanceService unitPerformanceService(DataSource dataSource, WorkingDayCalendar workingDays,
      OrganisationDirectory directory) {
    return new UnitPerformanceService(new UnitTaskHistory(dataSource), workingDays, directory);
  }

  /**
   * The handler is made here and not exposed as a bean: the Camunda Spring Boot starter would take a
   * {@code HistoryEventHandler} bean as the engine's only handler and drop the database history.
   */
  @Bean
  public UnitTaskSummaryPlugin unitTaskSummaryPlugin() {
    return new UnitTaskSummaryPlugin(new UnitTaskSummaryHandler());
  }

  @Bean(InboxExpressions.BEAN)
  public InboxExpressions inboxExpressions(WorkingDayCalendar workingDays, MonitoringProperties properties) {
    return new InboxExpressions(workingDays, properties);
  }

  @Bean
  public TaskInboxFields taskInboxFields(WorkingDayCalendar workingDays, MonitoringProperties properties,
      OrganisationDirectory directory, DeadlineProperties deadlines) {
    return new TaskInboxFields(workingDays, properties,
        code -> directory.find(code).map(Unit::name).orElse(code), deadlines.overduePriority());
  }

  @Bean
  public TaskPresentationPlugin taskPresentationPlugin(TaskNaming taskNaming, TaskInboxFields taskInboxFields) {
    return new TaskPresentationPlugin(List.of(taskNaming, taskInboxFields));
  }
}
