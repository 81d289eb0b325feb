package vn.hanoi.gdnn.webapp;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * Tasklist plugin "gdnn-documents" (registered through META-INF/services): the "Tài liệu" tab of a task
 * (plugin point {@code tasklist.task.detail}, script {@code plugin-webapp/gdnn-documents/app/plugin.js}) and its
 * JAX-RS resource under {@code /camunda/api/tasklist/plugin/gdnn-documents/{engine}/...}, reached with the webapp
 * session. Camunda's CSRF filter guards that path like the rest of {@code /camunda/api/*}.
 */
public class DocumentsTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "gdnn-documents";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(DocumentsPluginRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
