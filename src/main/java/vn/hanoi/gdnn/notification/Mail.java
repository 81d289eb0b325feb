package vn.hanoi.gdnn.notification;

/** A rendered mail. */
public record Mail(String subject, String body) {
}
