package vn.hanoi.gdnn.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.document.DocumentNumberForms;

/**
 * Deploys processes/ and forms/ (copied to the classpath by the build) when the engine starts.
 *
 * <p>Resources are named by their path inside those folders ({@code processes/consultation.bpmn}), not by
 * their place on disk, so the same models deployed from another checkout, a packaged jar or a second cluster
 * node are recognised as the same. Camunda's duplicate filtering with changed-only deployment then adds a
 * new version only for a resource whose content changed: a restart creates no new versions.
 *
 * <p>Call activities bind the procedure they call by version tag (docs/procedures.md, "Versions"), so a
 * changed process must carry a new version tag: {@link VersionTagGuard} refuses the start before anything is
 * deployed when a changed process keeps a tag that is already deployed.
 *
 * <p>Forms are deployed with the document-number rule written into their marked fields ({@link
 * DocumentNumberForms}): the deployed form is what Tasklist shows and what the server checks a submission
 * against, so both read the one rule. A change of the rule or of the organisation's abbreviations changes the
 * deployed forms, and only then is a new form version added.
 */
@Component
public class ModelDeployment extends AbstractCamundaConfiguration {

  public static final String DEPLOYMENT_NAME = "gdnn-models";
  static final List<String> FOLDERS = List.of("processes", "forms");
  static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final DocumentNumberForms documentNumbers;

  public ModelDeployment(DocumentNumberForms documentNumbers) {
    this.documentNumbers = documentNumbers;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    List<NamedResource> resources = findResources();
    if (resources.isEmpty()) {
      LOG.warn("No models found under {} on the classpath; nothing deployed", FOLDERS);
      return;
    }
    DeploymentBuilder builder = processEngine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("gdnn-workflow")
        .enableDuplicateFiltering(true);
    VersionTagGuard guard = new VersionTagGuard(processEngine.getRepositoryService());
    for (NamedResource resource : resources) {
      byte[] content;
      try (InputStream in = resource.resource().getInputStream()) {
        content = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read model " + resource.name(), e);
      }
      if (resource.name().endsWith(".form")) {
        content = documentNumbers.apply(content);
      }
      guard.check(resource.name(), content);
      builder.addInputStream(resource.name(), new java.io.ByteArrayInputStream(content));
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    List<ProcessDefinition> changed = deployment.getDeployedProcessDefinitions();
    LOG.info("Models checked: {} resources; deployment {}; new process versions: {}", resources.size(),
        deployment.getId(), changed == null ? "none" : changed.stream().map(ProcessDefinition::getKey).toList());
  }

  static List<NamedResource> findResources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<NamedResource> found = new ArrayList<>();
    for (String folder : FOLDERS) {
      try {
        for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*")) {
          String url = resource.getURL().toString();
          if (resource.isReadable() && SUFFIXES.stream().anyMatch(url::endsWith)) {
            String name = url.substring(url.lastIndexOf("/" + folder + "/") + 1);
            found.add(new NamedResource(name, resource));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list models under " + folder, e);
      }
    }
    return found;
  }

  record NamedResource(String name, Resource resource) {
  }
}
