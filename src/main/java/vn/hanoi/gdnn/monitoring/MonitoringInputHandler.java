package vn.hanoi.gdnn.monitoring;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns a wrong monitoring parameter into 400 with {@code {"field": …, "message": …}}. */
@RestControllerAdvice(assignableTypes = UnitPerformanceController.class)
public class MonitoringInputHandler {

  @ExceptionHandler(MonitoringInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public Map<String, String> badInput(MonitoringInputException e) {
    return Map.of("field", e.field(), "message", e.getMessage());
  }
}
