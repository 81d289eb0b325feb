package vn.hanoi.gdnn.calendar;

/** A bad request parameter of the calendar API, with the Vietnamese message shown to the caller. */
public class CalendarInputException extends RuntimeException {

  private final String field;

  public CalendarInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
