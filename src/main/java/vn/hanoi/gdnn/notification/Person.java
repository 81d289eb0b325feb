package vn.hanoi.gdnn.notification;

/** Someone to tell: the identity service's user id, the name to greet and the e-mail address (null: none). */
public record Person(String id, String name, String email) {
}
