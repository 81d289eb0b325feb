package vn.hanoi.gdnn.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads the holiday schedule file ({@code calendar/holidays.yaml} format) into {@link YearSchedule}s. */
public final class HolidayScheduleLoader {

  /** Classpath location of the shipped schedule. */
  public static final String SHIPPED_SCHEDULE = "calendar/holidays.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private HolidayScheduleLoader() {
  }

  record File(List<Year> years) {
  }

  record Year(int year, String status, Boolean verified, String source, List<Range> daysOff,
              List<SwappedDay> workingDays) {
  }

  record Range(LocalDate from, LocalDate to, String name) {
  }

  record SwappedDay(LocalDate date, String name) {
  }

  /** Parses a schedule file; any inconsistency fails the whole file (a half-read calendar is worse than none). */
  public static Map<Integer, YearSchedule> load(InputStream in, String description) {
    File file;
    try {
      file = YAML.readValue(in, File.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read holiday schedule " + description + ": " + e.getMessage(), e);
    }
    if (file == null || file.years() == null) {
      throw new IllegalStateException("Holiday schedule " + description + " has no 'years' list");
    }
    Map<Integer, YearSchedule> result = new HashMap<>();
    for (Year y : file.years()) {
      try {
        YearSchedule schedule = toSchedule(y);
        if (result.put(y.year(), schedule) != null) {
          throw new IllegalArgumentException("Year " + y.year() + " is listed twice");
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException("Invalid holiday schedule " + description + ": " + e.getMessage(), e);
      }
    }
    return result;
  }

  /** The schedule shipped on the classpath. */
  public static Map<Integer, YearSchedule> loadShipped() {
    try (InputStream in = HolidayScheduleLoader.class.getClassLoader().getResourceAsStream(SHIPPED_SCHEDULE)) {
      if (in == null) {
        throw new IllegalStateException("Shipped holiday schedule " + SHIPPED_SCHEDULE + " not found on classpath");
      }
      return load(in, "classpath:" + SHIPPED_SCHEDULE);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read shipped holiday schedule", e);
    }
  }

  private static YearSchedule toSchedule(Year y) {
    if (y.status() == null || y.source() == null || y.source().isBlank()) {
      throw new IllegalArgumentException("Year " + y.year() + " needs a status and a source");
    }
    YearSchedule.Status status = YearSchedule.Status.valueOf(y.status().trim().toUpperCase(Locale.ROOT));
    if (status == YearSchedule.Status.COMPUTED) {
      throw new IllegalArgumentException("Year " + y.year() + ": status must be official or provisional");
    }
    TreeMap<LocalDate, String> off = new TreeMap<>();
    if (y.daysOff() != null) {
      for (Range r : y.daysOff()) {
        if (r.from() == null || r.name() == null) {
          throw new IllegalArgumentException("Year " + y.year() + ": every day-off range needs 'from' and 'name'");
        }
        LocalDate to = r.to() == null ? r.from() : r.to();
        if (to.isBefore(r.from())) {
          throw new IllegalArgumentException("Year " + y.year() + ": range " + r.from() + ".." + to + " is reversed");
        }
        for (LocalDate d = r.from(); !d.isAfter(to); d = d.plusDays(1)) {
          off.put(d, r.name());
        }
      }
    }
    TreeMap<LocalDate, String> swapped = new TreeMap<>();
    if (y.workingDays() != null) {
      for (SwappedDay s : y.workingDays()) {
        if (s.date() == null || s.name() == null) {
          throw new IllegalArgumentException("Year " + y.year() + ": every working day needs 'date' and 'name'");
        }
        swapped.put(s.date(), s.name());
      }
    }
    return new YearSchedule(y.year(), status, Boolean.TRUE.equals(y.verified()), y.source().trim(), off, swapped);
  }
}
