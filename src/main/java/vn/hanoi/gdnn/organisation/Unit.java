package vn.hanoi.gdnn.organisation;

/**
 * A unit of the organisation (a department, the UBND office, a school, a commune UBND, a central body).
 *
 * @param code stable id, also the id of the unit's Camunda group (e.g. {@code so-gddt})
 * @param name Vietnamese name as users read it
 * @param kind code of its {@link UnitKind}
 * @param parent code of the unit it belongs to, or {@code null} at the top
 * @param unconfirmed whether its name or status after the 2025 reorganisation still needs checking
 * @param abbreviation the abbreviation of its name in the numbers of the documents it issues (Decree 30/2020,
 *     e.g. {@code UBND}, {@code SGDĐT}), or {@code null} when not recorded: such a unit is no document's issuer
 */
public record Unit(String code, String name, String kind, String parent, boolean unconfirmed, String abbreviation) {
}
