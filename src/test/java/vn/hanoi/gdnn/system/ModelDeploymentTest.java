package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.document.ShippedDocumentNumbers;

@IntegrationTest
class ModelDeploymentTest {

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  ProcessEngine processEngine;

  @Test
  void everyFileOfProcessesAndFormsIsDeployedUnderItsFolderName() throws IOException {
    List<String> onDisk = filesUnder("processes", "forms");

    List<String> deployed = repositoryService.createDeploymentQuery()
        .deploymentName(ModelDeployment.DEPLOYMENT_NAME).list().stream()
        .flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
        .map(Resource::getName).distinct().toList();

    assertThat(onDisk).isNotEmpty();
    assertThat(deployed).containsAll(onDisk);
  }

  @Test
  void deployingTheSameModelsAgainCreatesNoNewVersion() {
    long deployments = repositoryService.createDeploymentQuery().count();
    long definitions = repositoryService.createProcessDefinitionQuery().count();

    new ModelDeployment(ShippedDocumentNumbers.forms()).postProcessEngineBuild(processEngine);

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
  }

  static List<String> filesUnder(String... folders) throws IOException {
    Stream<String> all = Stream.empty();
    for (String folder : folders) {
      Path root = Path.of(folder);
      try (Stream<Path> files = Files.walk(root)) {
        List<String> names = files.filter(Files::isRegularFile)
            .map(p -> folder + "/" + root.relativize(p).toString().replace('\\', '/')).toList();
        all = Stream.concat(all, names.stream());
      }
    }
    return all.toList();
  }
}
