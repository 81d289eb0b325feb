package vn.hanoi.gdnn;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port and an in-memory H2. Every integration test uses exactly this
 * setup so Spring caches one context for all of them. E-mail notifications are on, to a GreenMail server
 * ({@link TestMailServer}); mails leave only when a test runs the delivery jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {GdnnApplication.class, TestMailServer.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface IntegrationTest {
}
