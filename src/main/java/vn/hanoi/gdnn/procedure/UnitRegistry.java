package vn.hanoi.gdnn.procedure;

import java.util.Map;

/**
 * What the shared procedures need to know about the organisation: whether a unit code exists, its Vietnamese
 * name, and which units can be asked for an opinion. Implemented on top of the organisation directory.
 */
public interface UnitRegistry {

  /** Whether {@code code} names a unit (group of type "don-vi") of the organisation. */
  boolean exists(String code);

  /** The unit's Vietnamese name, or the code itself when the unit is unknown. */
  String nameOf(String code);

  /** Units whose staff can give an opinion in a consultation (code to Vietnamese name, in display order). */
  Map<String, String> consultableUnits();
}
