package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.hanoi.gdnn.IntegrationTest;

/**
 * Every bean and method that an expression in processes/ names exists in the running application, with a public
 * method of that name taking that many arguments. A renamed bean or a changed signature fails here instead of in
 * a deliverable years later. Names the engine itself provides ({@code execution}, {@code task}) and plain
 * variables ({@code ${leadUnit}}) are not beans and are left out; a {@code delegateExpression} must be a bean
 * that is a delegate or listener.
 */
@IntegrationTest
class ProcessExpressionBeansTest {

  /** {@code ${name}} or {@code ${name.method(arguments)}}, in $ or # expressions. */
  private static final Pattern CALL = Pattern.compile("[$#]\\{\\s*([A-Za-z_]\\w*)\\.(\\w+)\\(([^)]*)\\)\\s*}");
  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z_]\\w*)}\"");
  private static final Pattern VARIABLE_MAPPING =
      Pattern.compile("variableMappingDelegateExpression=\"\\$\\{([A-Za-z_]\\w*)}\"");
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId");

  @Autowired
  ApplicationContext context;

  @Test
  void everyBeanAndMethodNamedInProcessesExists() throws IOException {
    List<String> problems = new ArrayList<>();
    int calls = 0;
    int delegates = 0;
    int mappings = 0;
    for (Path file : bpmnFiles()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Matcher call = CALL.matcher(text);
      while (call.find()) {
        String bean = call.group(1);
        if (ENGINE_NAMES.contains(bean)) {
          continue;
        }
        calls++;
        String argumentText = call.group(3).replaceAll("'[^']*'", "''"); // commas inside quoted text
        int arguments = argumentText.isBlank() ? 0 : argumentText.split(",").length;
        if (!context.containsBean(bean)) {
          problems.add(file + ": ${" + bean + "." + call.group(2) + "(…)} names no bean " + bean);
        } else if (!hasMethod(context.getBean(bean), call.group(2), arguments)) {
          problems.add(file + ": bean " + bean + " has no public method " + call.group(2) + " with " + arguments
              + " argument(s)");
        }
      }
      Matcher delegate = DELEGATE.matcher(text);
      while (delegate.find()) {
        delegates++;
        String bean = delegate.group(1);
        if (!context.containsBean(bean)) {
          problems.add(file + ": delegateExpression ${" + bean + "} names no bean");
        } else {
          Object target = context.getBean(bean);
          if (!(target instanceof JavaDelegate || target instanceof ExecutionListener
              || target instanceof TaskListener)) {
            problems.add(file + ": ${" + bean + "} is neither a delegate nor a listener");
          }
        }
      }
      Matcher mapping = VARIABLE_MAPPING.matcher(text);
      while (mapping.find()) {
        mappings++;
        String bean = mapping.group(1);
        if (!context.containsBean(bean)) {
          problems.add(file + ": variableMappingDelegateExpression ${" + bean + "} names no bean");
        } else if (!(context.getBean(bean) instanceof DelegateVariableMapping)) {
          problems.add(file + ": ${" + bean + "} is no DelegateVariableMapping (a procedure's contract)");
        }
      }
    }
    assertThat(mappings).as("procedure contracts named by call activities").isGreaterThan(10);
    assertThat(calls).as("method calls found in processes/").isGreaterThan(10);
    assertThat(delegates).as("delegate expressions found in processes/").isGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  private static boolean hasMethod(Object bean, String name, int arguments) {
    Class<?> type = AopUtils.getTargetClass(bean);
    return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name)
        && Modifier.isPublic(m.getModifiers()) && parameterCountFits(m, arguments));
  }

  private static boolean parameterCountFits(Method method, int arguments) {
    return method.isVarArgs() ? arguments >= method.getParameterCount() - 1 : method.getParameterCount() == arguments;
  }

  private static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
