package vn.hanoi.gdnn.calendar;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's three business calendars ({@code duration} for timer durations, {@code dueDate} for timer dates and
 * task due/follow-up dates, {@code cycle} for timer cycles) extended with the {@link WorkingDayNotation}. Anything
 * else goes to Camunda's own implementation unchanged, so plain ISO 8601 keeps its meaning.
 */
public final class WorkingDayBusinessCalendars {

  private WorkingDayBusinessCalendars() {
  }

  /** A business calendar manager holding the three extended calendars under Camunda's names. */
  public static BusinessCalendarManager manager(WorkingDayCalendar calendar) {
    WorkingDayNotation notation = new WorkingDayNotation(calendar);
    MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
    manager.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new WorkingDayAware(new DurationBusinessCalendar(), notation));
    manager.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new WorkingDayAware(new DueDateBusinessCalendar(), notation));
    manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new Cycle(notation));
    return manager;
  }

  private static Date startOrNow(Date start) {
    return start != null ? start : ClockUtil.getCurrentTime();
  }

  private static Date taskStart(Task task) {
    return task != null && task.getCreateTime() != null ? task.getCreateTime() : ClockUtil.getCurrentTime();
  }

  /**
   * Timer {@code timeDuration} (around Camunda's duration calendar), timer {@code timeDate} and user task
   * {@code camunda:dueDate}/{@code camunda:followUpDate} (around its due-date calendar): the working-day
   * notation is resolved here, everything else by the standard calendar unchanged.
   */
  static final class WorkingDayAware implements BusinessCalendar {
    private final BusinessCalendar standard;
    private final WorkingDayNotation notation;

    WorkingDayAware(BusinessCalendar standard, WorkingDayNotation notation) {
      this.standard = standard;
      this.notation = notation;
    }

    @Override
    public Date resolveDuedate(String duedate) {
      return resolveDuedate(duedate, (Date) null);
    }

    @Override
    public Date resolveDuedate(String duedate, Date startDate) {
      Optional<Date> wd = notation.resolve(duedate, startOrNow(startDate));
      return wd.orElseGet(() -> standard.resolveDuedate(duedate, startDate));
    }

    @Override
    public Date resolveDuedate(String duedate, Task task) {
      Optional<Date> wd = notation.resolve(duedate, taskStart(task));
      return wd.orElseGet(() -> standard.resolveDuedate(duedate, task));
    }
  }

  /**
   * Timer {@code timeCycle}: {@code R<k>/P<n>WD} (k repetitions, or {@code R/P<n>WD} without end) fires every n
   * working days; the engine rewrites it to {@code R<k>/<start>/P<n>WD} after the first firing, which is
   * understood too. Cron expressions and ISO cycles go to Camunda unchanged.
   */
  static final class Cycle extends CycleBusinessCalendar {
    private static final Pattern WD_CYCLE =
        Pattern.compile("R(\\d*)/(?:([0-9T:\\-.]+)/)?(P\\d{1,4}(?:WD|CD))", Pattern.CASE_INSENSITIVE);

    private final WorkingDayNotation notation;

    Cycle(WorkingDayNotation notation) {
      this.notation = notation;
    }

    @Override
    public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
      Matcher m = WD_CYCLE.matcher(duedateDescription.trim());
      if (!m.matches()) {
        return super.resolveDuedate(duedateDescription, startDate, repeatOffset);
      }
      try {
        int repetitions = m.group(1).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
        Date now = ClockUtil.getCurrentTime();
        Date start = m.group(2) != null
            ? Date.from(LocalDateTime.parse(m.group(2)).atZone(ZoneId.systemDefault()).toInstant())
            : startOrNow(startDate);
        Date next = start;
        for (int i = 0; i < repetitions; i++) {
          ZonedDateTime candidate = notation.resolveZoned(m.group(3), next);
          next = Date.from(candidate.toInstant());
          if (next.after(now) || m.group(2) == null) {
            return next;
          }
        }
        return null;
      } catch (RuntimeException e) {
        throw new ProcessEngineException("Cannot resolve working-day cycle '" + duedateDescription + "'", e);
      }
    }
  }
}
