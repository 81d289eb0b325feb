package vn.hanoi.gdnn.procedure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Periods of the shared procedures, in working days (land recovery's statutory periods are calendar days:
 * notices, persuasion, posting, dialogue, appraisal, payment; docs/procedures.md says which). Defaults come from {@code gdnn.periods.*} (kebab-case names,
 * e.g. {@code office-check}); a process variable {@code <name>Days} (e.g. {@code officeCheckDays}) overrides the
 * default for one deliverable. Lifecycles compute call-activity inputs with
 * {@code ${periods.of(execution, 'consultation')}}; the procedures fill missing inputs at their start with
 * {@link #ensure}.
 */
@Component("periods")
public class Periods {

  /** Every period the procedures use (kebab-case, as in configuration). */
  public static final List<String> NAMES = List.of("consultation", "appraisal", "revision", "sign",
      "office-check", "leader-decision", "hdnd-review", "hdnd-follow-up", "issuance", "preparation",
      "consolidation", "gazette", "posting", "land-notice-agricultural", "land-notice-other", "land-persuasion",
      "land-inventory", "land-plan", "land-plan-posting", "land-meeting", "land-dialogue", "land-appraisal",
      "land-decision", "land-payment", "land-handover", "land-handover-persuasion", "land-enforcement",
      "land-record");

  private final Map<String, Integer> defaults;

  @Autowired
  public Periods(Environment environment) {
    this(Binder.get(environment).bind("gdnn.periods", Bindable.mapOf(String.class, Integer.class))
        .orElse(Map.of()));
  }

  /** Periods with the given defaults; every name of {@link #NAMES} must have a positive number of days. */
  public Periods(Map<String, Integer> configured) {
    Map<String, Integer> byVariable = new LinkedHashMap<>();
    configured.forEach((name, days) -> byVariable.put(variableName(name), days));
    for (String name : NAMES) {
      Integer days = byVariable.get(variableName(name));
      if (days == null || days <= 0) {
        throw new IllegalStateException("gdnn.periods." + name + " must be a positive number of working days, was "
            + days);
      }
    }
    this.defaults = Collections.unmodifiableMap(byVariable);
  }

  /** The configured default for {@code name} (kebab- or camel-case), in working days. */
  public int defaultOf(String name) {
    Integer days = defaults.get(variableName(name));
    if (days == null) {
      throw new IllegalArgumentException("Unknown period: " + name);
    }
    return days;
  }

  /** The period {@code name} for this process: the variable {@code <name>Days} when set, else the default. */
  public int of(VariableScope scope, String name) {
    String variable = variableName(name);
    Object value = scope.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      return defaultOf(name);
    }
    try {
      int days = value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
      if (days > 0 && days <= 366) {
        return days;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ProcessEngineException("Biến " + variable + " phải là số ngày làm việc nguyên dương (1–366), nhận được: "
        + value);
  }

  /** Sets {@code <name>Days} for each comma-separated name to its value or default, as an Integer. */
  public void ensure(VariableScope scope, String names) {
    for (String name : names.split(",")) {
      if (!name.isBlank()) {
        scope.setVariable(variableName(name.strip()), of(scope, name.strip()));
      }
    }
  }

  /** {@code office-check} and {@code officeCheck} both name the variable {@code officeCheckDays}. */
  static String variableName(String name) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : name.strip().toCharArray()) {
      if (c == '-' || c == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    String base = camel.toString();
    base = base.isEmpty() ? base : base.substring(0, 1).toLowerCase(Locale.ROOT) + base.substring(1);
    return base.endsWith("Days") ? base : base + "Days";
  }
}
