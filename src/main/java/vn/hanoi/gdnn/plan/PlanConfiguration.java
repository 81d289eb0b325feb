package vn.hanoi.gdnn.plan;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers {@code gdnn.plan.*}. */
@Configuration
@EnableConfigurationProperties(PlanProperties.class)
public class PlanConfiguration {
}
