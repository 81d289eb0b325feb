package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * A Tasklist request that leaves the login record as it was does not write it back to the session store; a login to
 * another engine, a re-validation of the user's groups, a logout or another record are written as before.
 */
class UnchangedLoginNotRewrittenTest {

  /** A session store that counts the writes of Camunda's login record. */
  private final List<Object> writes = new ArrayList<>();
  private final MockHttpSession store = new MockHttpSession() {
    @Override
    public void setAttribute(String name, Object value) {
      if (UnchangedLoginNotRewritten.LOGIN.equals(name)) {
        writes.add(value);
      }
      super.setAttribute(name, value);
    }
  };
  private Authentications login;
  private UserAuthentication user;

  @BeforeEach
  void loggedIn() {
    login = new Authentications();
    user = new UserAuthentication("cv-so-gddt", "default");
    user.setGroupIds(new ArrayList<>(List.of("so-gddt")));
    user.setCacheValidationTime(new Date(1_000));
    login.addOrReplace(user);
    store.setAttribute(UnchangedLoginNotRewritten.LOGIN, login);
    writes.clear();
  }

  @Test
  void anUnchangedLoginIsNotWrittenAgain() throws Exception {
    request(auths -> { });
    request(auths -> { });

    assertThat(writes).isEmpty();
    assertThat(store.getAttribute(UnchangedLoginNotRewritten.LOGIN)).isSameAs(login);
  }

  @Test
  void aChangedLoginIsWritten() throws Exception {
    request(auths -> auths.getAuthentications().get(0).setCacheValidationTime(new Date(2_000)));
    request(auths -> auths.getAuthentications().get(0).getGroupIds().add("so-gddt-lanh-dao"));
    request(auths -> auths.addOrReplace(new UserAuthentication("cv-so-gddt", "second")));

    assertThat(writes).hasSize(3);
  }

  @Test
  void anotherRecordAndALogoutGoThrough() throws Exception {
    Authentications other = new Authentications();
    execute(request -> request.getSession().setAttribute(UnchangedLoginNotRewritten.LOGIN, other));
    execute(request -> request.getSession().removeAttribute(UnchangedLoginNotRewritten.LOGIN));

    assertThat(writes).containsExactly(other);
    assertThat(store.getAttribute(UnchangedLoginNotRewritten.LOGIN)).isNull();
  }

  /** What Camunda's authentication filter does: read the record, maybe change it, put it back. */
  private void request(Consumer<Authentications> change) throws Exception {
    execute(request -> {
      Authentications auths = (Authentications) request.getSession(false)
          .getAttribute(UnchangedLoginNotRewritten.LOGIN);
      change.accept(auths);
      request.getSession(false).setAttribute(UnchangedLoginNotRewritten.LOGIN, auths);
    });
  }

  private void execute(Consumer<HttpServletRequest> camunda) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task");
    request.setSession(store);
    new UnchangedLoginNotRewritten().doFilter(request, new MockHttpServletResponse(),
        (req, res) -> camunda.accept((HttpServletRequest) req));
  }
}
