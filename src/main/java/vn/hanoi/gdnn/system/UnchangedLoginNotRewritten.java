package vn.hanoi.gdnn.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the webapps' login record from being written back to the session store when nothing in it changed.
 *
 * <p>Camunda's authentication filter puts its login record ({@code authenticatedUser}, the user's authentications
 * per engine) back into the session after every webapp request, changed or not, because it may have changed it in
 * place (a new engine login, a re-validation of the cached groups). With sessions in the database (Spring Session
 * JDBC) every such put is a Java serialisation and an upsert of the attribute row: one per Tasklist request. This
 * wrapper lets the put through only when the record is another object or its content — each login's user, engine,
 * groups, tenants, applications and validation time — differs from what the request read; otherwise the stored
 * copy is already the same. The session's last-access time is still written by Spring Session as before.
 */
final class UnchangedLoginNotRewritten extends OncePerRequestFilter {

  /** Camunda's session attribute of the login record ({@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}). */
  static final String LOGIN = "authenticatedUser";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Request(request), response);
  }

  /** What the record holds, as far as a stored copy could differ. */
  static List<Object> content(Object login) {
    List<Object> content = new ArrayList<>();
    if (login instanceof Authentications authentications) {
      for (UserAuthentication user : authentications.getAuthentications()) {
        content.add(user.getIdentityId());
        content.add(user.getProcessEngineName());
        content.add(user.getGroupIds() == null ? null : new ArrayList<>(user.getGroupIds()));
        content.add(user.getTenantIds() == null ? null : new ArrayList<>(user.getTenantIds()));
        content.add(user.getAuthorizedApps() == null ? null : new ArrayList<>(user.getAuthorizedApps()));
        content.add(user.getCacheValidationTime() == null ? null : user.getCacheValidationTime().getTime());
      }
    } else {
      content.add(login); // not Camunda's record: compared by identity below, never skipped
    }
    return content;
  }

  private static final class Request extends HttpServletRequestWrapper {

    private Session session;

    Request(HttpServletRequest request) {
      super(request);
    }

    @Override
    public HttpSession getSession() {
      return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
      HttpSession current = super.getSession(create);
      if (current == null) {
        return null;
      }
      if (session == null || session.delegate != current) {
        session = new Session(current);
      }
      return session;
    }
  }

  /** The request's session; only the login record's put is looked at. */
  static final class Session implements HttpSession {

    private final HttpSession delegate;
    private Object readLogin;
    private List<Object> readContent;

    Session(HttpSession delegate) {
      this.delegate = delegate;
    }

    @Override
    public Object getAttribute(String name) {
      Object value = delegate.getAttribute(name);
      if (LOGIN.equals(name) && value instanceof Authentications) {
        readLogin = value;
        readContent = content(value);
      }
      return value;
    }

    @Override
    public void setAttribute(String name, Object value) {
      if (LOGIN.equals(name) && value != null && value == readLogin && content(value).equals(readContent)) {
        return; // the stored copy already holds exactly this
      }
      if (LOGIN.equals(name)) {
        readLogin = value;
        readContent = value instanceof Authentications ? content(value) : null;
      }
      delegate.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      if (LOGIN.equals(name)) {
        readLogin = null;
        readContent = null;
      }
      delegate.removeAttribute(name);
    }

    @Override
    public long getCreationTime() {
      return delegate.getCreationTime();
    }

    @Override
    public String getId() {
      return delegate.getId();
    }

    @Override
    public long getLastAccessedTime() {
      return delegate.getLastAccessedTime();
    }

    @Override
    public ServletContext getServletContext() {
      return delegate.getServletContext();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
      delegate.setMaxInactiveInterval(interval);
    }

    @Override
    public int getMaxInactiveInterval() {
      return delegate.getMaxInactiveInterval();
    }

    @Override
    public Enumeration<String> getAttributeNames() {
      return delegate.getAttributeNames();
    }

    @Override
    public void invalidate() {
      delegate.invalidate();
    }

    @Override
    public boolean isNew() {
      return delegate.isNew();
    }
  }
}
