package vn.hanoi.gdnn.system;

import java.util.List;

/**
 * A migration shipped with a model change: the running instances of {@code processKeys} on version tag
 * {@code fromTag} move to {@code toTag} with Camunda's migration API, activity to activity of the same id.
 * Event triggers are kept (a deadline already running is not restarted by a migration). {@code reason} is what
 * an operator reads in the administrator's API.
 */
public record PreparedMigration(String id, List<String> processKeys, String fromTag, String toTag, String reason) {
}
