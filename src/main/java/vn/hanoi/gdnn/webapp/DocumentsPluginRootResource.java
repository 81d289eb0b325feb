package vn.hanoi.gdnn.webapp;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import vn.hanoi.gdnn.document.DocumentProperties;
import vn.hanoi.gdnn.document.DocumentService;
import vn.hanoi.gdnn.security.DocumentAccess;
import vn.hanoi.gdnn.security.TaskHolders;

/**
 * Root of the document tab's REST resources. Camunda's webapp filter lets a request through here only with a
 * valid webapp session for the engine in the path (EngineRequestAuthorizer), and its CSRF filter only with the
 * session's token on changes. The document beans come from the Spring context (Jersey creates this resource).
 */
@Path("plugin/" + DocumentsTasklistPlugin.ID)
public class DocumentsPluginRootResource extends AbstractTasklistPluginRootResource {

  public DocumentsPluginRootResource() {
    super(DocumentsTasklistPlugin.ID);
  }

  @Path("{engineName}")
  public TaskDocumentsPluginResource documents(@PathParam("engineName") String engineName) {
    WebApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    ProcessEngine engine = spring.getBean(ProcessEngine.class);
    java.util.Map<String, String> known = new java.util.HashMap<>(); // this request's lookups
    return subResource(new TaskDocumentsPluginResource(engineName, spring.getBean(DocumentService.class),
        spring.getBean(TaskHolders.class), spring.getBean(DocumentAccess.class),
        spring.getBean(DocumentProperties.class), id -> known.computeIfAbsent(id, user -> fullName(engine, user))),
        engineName);
  }

  /**
   * The full name of an uploader, read without the caller's engine authorizations: a staff member may not list
   * accounts, but sees who attached a document of a task they hold, as Tasklist shows a task's assignee.
   */
  static String fullName(ProcessEngine engine, String userId) {
    CommandExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    User user = executor.execute(context -> context.runWithoutAuthorization(() ->
        engine.getIdentityService().createUserQuery().userId(userId).singleResult()));
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }
}
