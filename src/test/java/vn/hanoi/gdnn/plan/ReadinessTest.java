package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hanoi.gdnn.SecondApplication;

/**
 * Readiness is honest: the node says it accepts traffic only after its start-up work, the plan's launch
 * included (the slowest part, seconds after the "Started" line), and the load balancer's and Kubernetes' probes
 * answer on their own paths.
 */
class ReadinessTest {

  @Test
  void theNodeIsReadyOnlyAfterThePlanIsLaunchedAndItsProbesAnswer() throws Exception {
    List<Integer> launchedWhenReady = new ArrayList<>();
    ApplicationListener<AvailabilityChangeEvent<?>> probe = event -> {
      if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
        ApplicationContext context = (ApplicationContext) event.getSource();
        launchedWhenReady.add(context.getBean(PlanStore.class).launches().size());
      }
    };
    try (ConfigurableApplicationContext app = SecondApplication.start("readiness", List.of("test"),
        Map.of("spring.datasource.url", "jdbc:h2:mem:readiness;DB_CLOSE_DELAY=-1",
            "gdnn.plan.launch-on-start", "true"), List.of(probe))) {
      assertThat(launchedWhenReady).as("occurrences launched when the node became ready")
          .containsExactly(PlanApiIntegrationTest.OCCURRENCES);

      String port = app.getEnvironment().getProperty("local.server.port");
      HttpClient http = HttpClient.newHttpClient();
      for (String probePath : List.of("/actuator/health/readiness", "/actuator/health/liveness",
          "/actuator/health")) {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + probePath)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(probePath).isEqualTo(200);
        assertThat(reply.body()).as(probePath).contains("\"status\":\"UP\"");
      }
    }
  }
}
