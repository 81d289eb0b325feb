package vn.hanoi.gdnn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.hanoi.gdnn.IntegrationTest;
import vn.hanoi.gdnn.NodeTools;

/**
 * Real Chromium against the running application: in Tasklist, a person opens "Nhận thông báo", changes how they
 * hear of their work, saves, reloads the page and finds the choice kept (and stored). Skipped with a plain message
 * when Chromium or Node.js is missing, except under CI (CI=true).
 */
@IntegrationTest
class PreferencesBrowserTest {

  static final String USER = "so-tc-cv";

  @LocalServerPort
  int port;
  @Autowired
  Preferences preferences;

  @AfterEach
  void reset() {
    preferences.save(USER, Preferences.Choice.DEFAULT);
  }

  @Test
  void aChoiceMadeInTasklistIsKeptAfterReloading() throws Exception {
    NodeTools.requireCommand("chromium", "install Debian's Chromium (apt-get install chromium) to run the browser"
        + " tests");
    Path tools = NodeTools.install();
    assertThat(preferences.of(USER)).as("starts from the default: both").isEqualTo(Preferences.Choice.DEFAULT);

    NodeTools.Result result = NodeTools.run(tools, List.of("node", "preferences-browser.mjs",
        "http://localhost:" + port, USER, USER, "digest"), 300);
    System.out.println(result.output());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("the button reads \"✉ Nhận thông báo\"")
        .contains("before: both")
        .contains("saving: the server answered 200")
        .contains("the panel says: Đã lưu lựa chọn.")
        .contains("after reloading: digest (Chỉ nhận thư tổng hợp hằng ngày)");
    assertThat(preferences.of(USER)).isEqualTo(Preferences.Choice.ofMode("digest"));
  }
}
