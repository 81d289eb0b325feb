package vn.hanoi.gdnn.organisation;

/**
 * A kind of unit (sở, trường cao đẳng, UBND cấp xã, cơ quan Trung ương...).
 *
 * @param code stable id used by units ({@code so}, {@code ubnd-xa}, {@code trung-uong}...)
 * @param name Vietnamese name
 * @param groups whether units of this kind work in the system (get staff and leader groups); central bodies
 *     are addressees only
 */
public record UnitKind(String code, String name, boolean groups) {
}
