package vn.hanoi.gdnn.calendar;

import java.time.LocalDate;
import java.time.temporal.JulianFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The Vietnamese lunisolar calendar, computed astronomically for the meridian of UTC+7.
 *
 * <p>Rules (the public description of Ho Ngoc Duc's method): a month starts on the local day that contains the
 * new moon; month 11 is the month containing the winter solstice; when 13 new moons separate two months 11,
 * the first month after month 11 without a major solar term (a multiple of 30 degrees of solar longitude) is the
 * leap month. Because the new moon is dated in UTC+7 and not UTC+8, some years differ from the Chinese
 * calendar (Tết 1985 was 21/01/1985 in Vietnam, 20/02/1985 in China).
 *
 * <p>New moons follow the series in Meeus, <i>Astronomical Algorithms</i> (ch. 49), solar longitude the
 * low-precision formula of ch. 25; both are accurate to well under a minute for 1900–2100, far closer than
 * any date boundary the calendar depends on in that range.
 */
public final class VietnameseLunarCalendar {

  /** Hours east of Greenwich of the calendar's meridian (Vietnam: UTC+7). */
  private final double timeZoneHours;

  private static final double SYNODIC_MONTH = 29.530588861;
  private static final double NEW_MOON_EPOCH = 2451550.09766; // JDE of the new moon k = 0 (6 January 2000)

  public VietnameseLunarCalendar() {
    this(7.0);
  }

  /** A calendar for another meridian; used in tests to show where UTC+7 and UTC+8 part. */
  public VietnameseLunarCalendar(double timeZoneHours) {
    this.timeZoneHours = timeZoneHours;
  }

  /** A lunar month: its number (1–12), whether it is a leap month, and its first (solar) day. */
  public record LunarMonth(int number, boolean leap, LocalDate firstDay) {
  }

  /** Tết Nguyên đán: the first day of lunar month 1 of the lunar year beginning in solar year {@code year}. */
  public LocalDate lunarNewYear(int year) {
    return toSolar(year, 1, 1);
  }

  /** Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month. */
  public LocalDate hungKingsCommemoration(int year) {
    return toSolar(year, 3, 10);
  }

  /** The solar date of day {@code day} of the (non-leap) lunar month {@code month} of lunar year {@code year}. */
  public LocalDate toSolar(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 30) {
      throw new IllegalArgumentException("Invalid lunar month/day " + month + "/" + day);
    }
    for (LunarMonth m : monthsOf(year)) {
      if (m.number() == month && !m.leap()) {
        return m.firstDay().plusDays(day - 1L);
      }
    }
    throw new IllegalStateException("Lunar month " + month + " not found in year " + year);
  }

  /**
   * The lunar months from month 11 of the previous lunar year up to (excluding) month 11 of this one, numbered,
   * with the leap month flagged. Month 1 of this list starts the lunar year that begins in solar year {@code year}.
   */
  public List<LunarMonth> monthsOf(int year) {
    long k11 = month11Index(year - 1);
    long nextK11 = month11Index(year);
    int count = (int) (nextK11 - k11);
    int leapOffset = -1;
    if (count == 13) {
      for (int i = 1; i < 13; i++) {
        if (!hasMajorTerm(k11 + i)) {
          leapOffset = i;
          break;
        }
      }
    }
    List<LunarMonth> months = new ArrayList<>();
    int number = 11;
    for (int i = 0; i < count; i++) {
      boolean leap = i == leapOffset;
      if (i > 0 && !leap) {
        number = number % 12 + 1;
      }
      months.add(new LunarMonth(number, leap, newMoonDay(k11 + i)));
    }
    return months;
  }

  // --- astronomy ----------------------------------------------------------------------------------------------

  /** Index k of the lunation that is month 11 of the lunar year ending around the winter solstice of {@code year}. */
  long month11Index(int year) {
    // the lunation whose local first day is on or before the day of the December solstice, and the next is after
    long k = Math.round((julianDayNumber(LocalDate.of(year, 12, 31)) - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    while (solarLongitudeAtLocalMidnight(newMoonDay(k)) >= 270.0 || solarLongitudeAtLocalMidnight(newMoonDay(k)) < 180.0) {
      k--;
    }
    while (solarLongitudeAtLocalMidnight(newMoonDay(k + 1)) < 270.0
        && solarLongitudeAtLocalMidnight(newMoonDay(k + 1)) >= 180.0) {
      k++;
    }
    return k;
  }

  /** Whether lunation k (from its local first day to the next month's first day) contains a major solar term. */
  boolean hasMajorTerm(long k) {
    double start = solarLongitudeAtLocalMidnight(newMoonDay(k));
    double end = solarLongitudeAtLocalMidnight(newMoonDay(k + 1));
    return (int) Math.floor(start / 30.0) != (int) Math.floor(end / 30.0);
  }

  /** The local (UTC+offset) civil day containing new moon k. */
  LocalDate newMoonDay(long k) {
    double jdUt = newMoonJde(k) - deltaTDays(k);
    long jdn = (long) Math.floor(jdUt + 0.5 + timeZoneHours / 24.0);
    return LocalDate.MIN.with(JulianFields.JULIAN_DAY, jdn);
  }

  private double solarLongitudeAtLocalMidnight(LocalDate day) {
    double jdUt = julianDayNumber(day) - 0.5 - timeZoneHours / 24.0;
    return apparentSolarLongitude(jdUt);
  }

  private static long julianDayNumber(LocalDate date) {
    return date.getLong(JulianFields.JULIAN_DAY);
  }

  /** Apparent geocentric longitude of the Sun in degrees [0, 360) (Meeus ch. 25, low precision). */
  static double apparentSolarLongitude(double jd) {
    double t = (jd - 2451545.0) / 36525.0;
    double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    double m = Math.toRadians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
    double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
        + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
        + 0.000289 * Math.sin(3 * m);
    double omega = Math.toRadians(125.04 - 1934.136 * t);
    double lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
    lambda %= 360.0;
    return lambda < 0 ? lambda + 360.0 : lambda;
  }

  /** Julian Ephemeris Day of the true new moon number k (k = 0: January 2000), Meeus ch. 49. */
  static double newMoonJde(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double t4 = t3 * t;
    double jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    double e = 1 - 0.002516 * t - 0.0000074 * t2;
    double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
    double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
    double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
    double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

    double correction = -0.40720 * Math.sin(mp)
        + 0.17241 * e * Math.sin(m)
        + 0.01608 * Math.sin(2 * mp)
        + 0.01039 * Math.sin(2 * f)
        + 0.00739 * e * Math.sin(mp - m)
        - 0.00514 * e * Math.sin(mp + m)
        + 0.00208 * e * e * Math.sin(2 * m)
        - 0.00111 * Math.sin(mp - 2 * f)
        - 0.00057 * Math.sin(mp + 2 * f)
        + 0.00056 * e * Math.sin(2 * mp + m)
        - 0.00042 * Math.sin(3 * mp)
        + 0.00042 * e * Math.sin(m + 2 * f)
        + 0.00038 * e * Math.sin(m - 2 * f)
        - 0.00024 * e * Math.sin(2 * mp - m)
        - 0.00017 * Math.sin(om)
        - 0.00007 * Math.sin(mp + 2 * m)
        + 0.00004 * Math.sin(2 * mp - 2 * f)
        + 0.00004 * Math.sin(3 * m)
        + 0.00003 * Math.sin(mp + m - 2 * f)
        + 0.00003 * Math.sin(2 * mp + 2 * f)
        - 0.00003 * Math.sin(mp + m + 2 * f)
        + 0.00003 * Math.sin(mp - m + 2 * f)
        - 0.00002 * Math.sin(mp - m - 2 * f)
        - 0.00002 * Math.sin(3 * mp + m)
        + 0.00002 * Math.sin(4 * mp);

    double[][] planetary = {
        {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
        {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
        {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
        {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
        {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
    double additional = 0;
    for (int i = 0; i < planetary.length; i++) {
      double arg = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
      additional += planetary[i][2] * Math.sin(rad(arg));
    }
    return jde + correction + additional;
  }

  /** Difference TT − UT in days (polynomial fits of the observed values, adequate to a few seconds). */
  private static double deltaTDays(long k) {
    double year = 2000.0 + k / 12.3685;
    double seconds;
    if (year < 1986) {
      double t = year - 1975;
      seconds = 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
    } else if (year < 2005) {
      double t = year - 2000;
      seconds = 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * Math.pow(t, 4);
    } else {
      double t = year - 2000;
      seconds = 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    return seconds / 86400.0;
  }

  private static double rad(double degrees) {
    return Math.toRadians(degrees % 360.0);
  }
}
