package vn.hanoi.gdnn;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Workflow and approval engine for Kế hoạch 115/KH-UBND (vocational education, Hanoi 2025–2030).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GdnnApplication {

  /** Every date a civil servant reads is Hanoi time, whatever the host's zone. */
  public static final String ZONE = "Asia/Ho_Chi_Minh";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    SpringApplication.run(GdnnApplication.class, args);
  }
}
