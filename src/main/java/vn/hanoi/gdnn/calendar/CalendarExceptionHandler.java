package vn.hanoi.gdnn.calendar;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns bad calendar API input into 400 with {@code {"field": ..., "message": ...}}. */
@RestControllerAdvice(assignableTypes = CalendarController.class)
public class CalendarExceptionHandler {

  @ExceptionHandler(CalendarInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public Map<String, String> badInput(CalendarInputException e) {
    return Map.of("field", e.field(), "message", e.getMessage());
  }
}
