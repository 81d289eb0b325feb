package vn.hanoi.gdnn.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** A person's notification preference as the API and the Tasklist page show it, and its one validation. */
@Component
public class PreferenceViews {

  /** Vietnamese labels of the modes, in the order the page offers them. */
  public static final Map<String, String> MODES = labels();

  private final Preferences preferences;
  private final People people;
  private final Mailer mailer;

  public PreferenceViews(Preferences preferences, People people, Mailer mailer) {
    this.preferences = preferences;
    this.people = people;
    this.mailer = mailer;
  }

  /**
   * @param email the address mails go to (from the identity data), null when the person has none
   * @param mailOn whether the system sends mails at all (an SMTP server is configured)
   */
  public record View(String user, String email, String mode, String modeLabel, Map<String, String> modes,
      boolean mailOn) {
  }

  public View of(String userId) {
    Preferences.Choice choice = preferences.of(userId);
    String email = people.find(userId).map(Person::email).orElse(null);
    return new View(userId, email, choice.mode(), MODES.get(choice.mode()), MODES, mailer.isOn());
  }

  /** Changes the caller's mode; an unknown mode is refused naming the field, and nothing changes. */
  public View change(String userId, String mode) {
    if (mode == null || !MODES.containsKey(mode)) {
      throw new IllegalArgumentException("Trường \"mode\" (cách nhận thông báo): phải là một trong "
          + String.join(", ", MODES.keySet()) + " (" + String.join("; ", MODES.values()) + ").");
    }
    preferences.save(userId, Preferences.Choice.ofMode(mode));
    return of(userId);
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("immediate", "Nhận thư ngay khi có việc");
    labels.put("digest", "Chỉ nhận thư tổng hợp hằng ngày");
    labels.put("both", "Nhận cả thư ngay và thư tổng hợp hằng ngày");
    labels.put("none", "Không nhận thư (chỉ xem trên hệ thống)");
    return java.util.Collections.unmodifiableMap(labels);
  }
}
