package vn.hanoi.gdnn.monitoring;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/** Spring wiring of monitoring: health rules, the progress reader and the {@code inbox} bean of the filters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringProperties.class)
public class MonitoringConfiguration {

  @Bean
  public HealthRules healthRules(WorkingDayCalendar workingDays, MonitoringProperties properties) {
    return new HealthRules(workingDays, properties);
  }

  @Bean
  public ProgressService progressService(ProcessEngine engine, HealthRules healthRules,
      MonitoringProperties properties) {
    return new ProgressService(engine, healthRules, properties);
  }

  @Bean(InboxExpressions.BEAN)
  public InboxExpressions inboxExpressions(WorkingDayCalendar workingDays, MonitoringProperties properties) {
    return new InboxExpressions(workingDays, properties);
  }
}
