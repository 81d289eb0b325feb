package vn.hanoi.gdnn.organisation;

/**
 * A post held by one person (the UBND chairman, a vice-chairman in charge of a field, the HĐND chair): a group of
 * its own, so a decision can be routed to that person rather than to every leader of the unit.
 *
 * @param code stable id, also the id of the post's Camunda group (e.g. {@code ubnd-pct-vhxh})
 * @param name Vietnamese title as users read it
 * @param unit code of the unit the post belongs to
 */
public record Post(String code, String name, String unit) {
}
