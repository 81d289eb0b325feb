package vn.hanoi.gdnn.security;

import java.lang.reflect.Field;
import java.util.Map;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Reads what a guarded engine command carries. Camunda's command classes keep their arguments in protected fields
 * with no getters, so they are read by name here, in one place: {@code WorkGuardTest} fails on an engine upgrade
 * that renames one (listed in docs/architecture.md among the engine internals to re-check).
 */
final class EngineCommands {

  private EngineCommands() {
  }

  /** CompleteTaskCmd, SubmitTaskFormCmd, ClaimTaskCmd, AssignTaskCmd (AbstractSetTaskPropertyCmd). */
  static String taskId(Command<?> command) {
    return (String) field(command, "taskId");
  }

  /** CompleteTaskCmd: {@code variables}; SubmitTaskFormCmd: {@code properties}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> submittedVariables(Command<?> command) {
    Object value = has(command, "properties") ? field(command, "properties") : field(command, "variables");
    return (Map<String, Object>) value;
  }

  /** ClaimTaskCmd: {@code userId}; AssignTaskCmd: {@code value}; null gives the task back to the queue. */
  static String assignee(Command<?> command) {
    return (String) (has(command, "userId") ? field(command, "userId") : field(command, "value"));
  }

  /** SaveUserCmd: {@code user}. */
  static User savedUser(Command<?> command) {
    return (User) field(command, "user");
  }

  private static boolean has(Command<?> command, String name) {
    return find(command.getClass(), name) != null;
  }

  private static Object field(Command<?> command, String name) {
    Field field = find(command.getClass(), name);
    if (field == null) {
      throw new IllegalStateException("Engine command " + command.getClass().getName() + " has no field '" + name
          + "': re-check vn.hanoi.gdnn.security.EngineCommands after an engine upgrade");
    }
    try {
      field.setAccessible(true);
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // keep looking in the superclass
      }
    }
    return null;
  }
}
