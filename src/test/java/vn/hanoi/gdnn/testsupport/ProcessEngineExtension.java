package vn.hanoi.gdnn.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The process tests' JUnit 5 extension, on the engine's public API: puts the shared engine into the test's
 * {@code ProcessEngine} fields, deploys the test's {@link Deployment} resources before the test body (after its
 * {@code @BeforeEach}, as the engine's own extension does) and removes them, with their instances and history,
 * after it; the engine clock is reset after each test. It exists because the Operaton build can fetch no engine
 * test library (.ci/operaton/rewrite.yml, TestSupport); {@code ProcessEngineExtensionTest} checks it behaves as
 * the engine's own extension in what the tests rely on.
 */
public class ProcessEngineExtension
    implements TestInstancePostProcessor, BeforeTestExecutionCallback, AfterTestExecutionCallback {

  protected ProcessEngine processEngine;
  private String deploymentId;

  public ProcessEngineExtension useProcessEngine(ProcessEngine engine) {
    this.processEngine = engine;
    return this;
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    for (Class<?> type = testInstance.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType() == ProcessEngine.class && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          field.set(testInstance, processEngine);
        }
      }
    }
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    Optional<Deployment> annotation = context.getTestMethod().map(this::declared)
        .or(() -> context.getTestClass().map(type -> type.getAnnotation(Deployment.class)));
    annotation.filter(deployment -> deployment.resources().length > 0).ifPresent(deployment -> {
      DeploymentBuilder builder = getRepositoryService().createDeployment()
          .name(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
      for (String resource : deployment.resources()) {
        builder.addClasspathResource(resource);
      }
      deploymentId = builder.deploy().getId();
    });
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (deploymentId != null) {
      getRepositoryService().deleteDeployment(deploymentId, true, true);
      deploymentId = null;
    }
    ClockUtil.reset();
  }

  private Deployment declared(Method method) {
    return method.getAnnotation(Deployment.class);
  }

  public ProcessEngine getProcessEngine() {
    return processEngine;
  }

  public ProcessEngineConfiguration getProcessEngineConfiguration() {
    return processEngine.getProcessEngineConfiguration();
  }

  public RepositoryService getRepositoryService() {
    return processEngine.getRepositoryService();
  }

  public RuntimeService getRuntimeService() {
    return processEngine.getRuntimeService();
  }

  public TaskService getTaskService() {
    return processEngine.getTaskService();
  }

  public HistoryService getHistoryService() {
    return processEngine.getHistoryService();
  }

  public ManagementService getManagementService() {
    return processEngine.getManagementService();
  }

  public IdentityService getIdentityService() {
    return processEngine.getIdentityService();
  }

  public FormService getFormService() {
    return processEngine.getFormService();
  }
}
