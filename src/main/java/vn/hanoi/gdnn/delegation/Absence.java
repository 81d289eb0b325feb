package vn.hanoi.gdnn.delegation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.hanoi.gdnn.GdnnApplication;

/**
 * A leader's absence with its delegation (ủy quyền): from {@code startsOn} 00:00 to the end of {@code endsOn}
 * (Hanoi time), the deputy signs ({@code ký thay}) the leader's work of the kinds in {@code scope}.
 */
public record Absence(String id, String leaderId, String deputyId, String unit, LocalDate startsOn,
    LocalDate endsOn, List<String> scope, String reason, State state, String recordedBy, Instant recordedAt) {

  public static final String ALL = "all";
  static final ZoneId ZONE = ZoneId.of(GdnnApplication.ZONE);
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  public enum State { PLANNED, ACTIVE, ENDED }

  public Instant startsAt() {
    return startsOn.atStartOfDay(ZONE).toInstant();
  }

  public Instant endsAt() {
    return endsOn.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /** In force: started by its process, not ended, and now within its days. */
  public boolean inForce(Instant now) {
    return state == State.ACTIVE && !now.isBefore(startsAt()) && now.isBefore(endsAt());
  }

  public boolean covers(String processDefinitionKey) {
    return scope.contains(ALL) || scope.contains(processDefinitionKey);
  }

  public String period() {
    return DATE.format(startsOn) + " – " + DATE.format(endsOn);
  }
}
