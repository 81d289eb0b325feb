package vn.hanoi.gdnn;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

import vn.hanoi.gdnn.calendar.DeadlineProperties;
import vn.hanoi.gdnn.calendar.EscalationRouting;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;
import vn.hanoi.gdnn.calendar.WorkingDayCalendarPlugin;
import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.monitoring.TaskPresentationPlugin;

/**
 * One in-memory engine for every process test (building one costs seconds): job executor off so tests run
 * jobs themselves with a controlled clock, full history so tests can read the audit trail. Delegates are
 * registered as real objects under the bean names the BPMN files use. The working-day calendar plugin is
 * installed as in the application; the deadline policy's task timers are created only in tests that switch them on
 * ({@link #deadlineTimers}), so other process tests see no extra jobs.
 */
public final class ProcessTestEngine {

  /** The engine's retry cycle for failed jobs, as application.yaml sets it (failed-job-retry-time-cycle). */
  public static final String RETRY_CYCLE = "R3/PT10M";

  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static volatile boolean deadlineTimers;
  private static ProcessEngine engine;

  private ProcessTestEngine() {
  }

  /**
   * A JUnit 5 extension on the shared engine; {@code @Deployment} resources are deleted after each test.
   * camunda-bpm-assert is pointed at this engine before every test: when an integration test's Spring
   * context runs in the same JVM there are two engines, and the assertions must not guess.
   */
  public static ProcessEngineExtension extension() {
    ProcessEngineExtension extension = new ProcessEngineExtension() {
      @Override
      public void beforeTestExecution(ExtensionContext context) {
        super.beforeTestExecution(context);
        BpmnAwareTests.init(processEngine);
      }

      @Override
      public void afterTestExecution(ExtensionContext context) {
        BpmnAwareTests.reset();
        super.afterTestExecution(context);
      }
    };
    extension.useProcessEngine(engine());
    return extension;
  }

  /** Whether user tasks created from now on get the deadline policy's timers (off by default). */
  public static void deadlineTimers(boolean on) {
    deadlineTimers = on;
  }

  /** Makes {@code bean} resolvable as {@code ${name}} in expressions of deployed processes. */
  public static void registerBean(String name, Object bean) {
    BEANS.put(name, bean);
  }

  public static synchronized ProcessEngine engine() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName("process-tests");
      configuration.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1");
      configuration.setDatabaseSchemaUpdate("create-drop");
      configuration.setJobExecutorActivate(false);
      configuration.setFailedJobRetryTimeCycle(RETRY_CYCLE);
      configuration.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_FULL);
      configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9_-]+");
      configuration.setEnforceHistoryTimeToLive(true);
      // working-day business calendars (P5WD) and the deadline watch on user tasks, as in the application
      WorkingDayCalendarPlugin calendarPlugin = new WorkingDayCalendarPlugin(WorkingDayCalendar.shipped(),
          DeadlineProperties.defaults(), EscalationRouting.of(shippedOrganisation()), () -> deadlineTimers,
          java.util.List::of);
      configuration.getProcessEnginePlugins().add(calendarPlugin);
      calendarPlugin.processBeans().forEach(BEANS::putIfAbsent);
      // Json variables (what Camunda Forms submit for lists), as the Spring Boot starter installs in the application
      configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
      // every user task is named as in the application, by the bean "taskNaming" when the test registered one
      configuration.getProcessEnginePlugins().add(new TaskPresentationPlugin(java.util.List.of(task -> {
        if (BEANS.get("taskNaming") instanceof TaskListener naming) {
          naming.notify(task);
        }
      })));
      configuration.setBeans(BEANS);
      engine = configuration.buildProcessEngine();
    }
    return engine;
  }

  private static OrganisationDirectory shippedOrganisation() {
    try (var in = ProcessTestEngine.class.getResourceAsStream("/organisation/organisation.yaml")) {
      return OrganisationDirectory.parse(in, "organisation/organisation.yaml");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
