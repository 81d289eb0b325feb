package vn.hanoi.gdnn.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resources a process test deploys before each test and deletes after it, on a test method or its class (the
 * method's wins). The project's own twin of the engine's test annotation: the Operaton build, which has no
 * fetchable engine test library, runs every process test on {@link ProcessEngineExtension} with this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
public @interface Deployment {

  /** Classpath resources, e.g. {@code processes/issuance.bpmn}. */
  String[] resources() default {};
}
