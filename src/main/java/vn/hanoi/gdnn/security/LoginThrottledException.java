package vn.hanoi.gdnn.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from this client address (or for this account from it): wait, then try again. */
public class LoginThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  public LoginThrottledException(long retryAfterSeconds) {
    super("Too many failed logins; retry after " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** What a person reads (JSON {@code message}). */
  public String vietnameseMessage() {
    return "Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng chờ " + retryAfterSeconds
        + " giây rồi thử lại.";
  }
}
