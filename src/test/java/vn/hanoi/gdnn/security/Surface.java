package vn.hanoi.gdnn.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One of the two ways a signed-in person reaches the engine over HTTP, for attack tests that must hold on both:
 * the REST API ({@code /engine-rest}, HTTP Basic) and the webapps' own engine API
 * ({@code /camunda/api/engine/engine/default}, Camunda's login session with its XSRF token), as Tasklist and
 * Cockpit call it from the browser. Paths are given relative to the engine root, e.g. {@code /task/{id}/complete}.
 */
public abstract class Surface {

  private static final ObjectMapper JSON = new ObjectMapper();

  final int port;
  final String user;
  final HttpClient http;

  private Surface(int port, String user, HttpClient http) {
    this.port = port;
    this.user = user;
    this.http = http;
  }

  /** HTTP Basic on {@code /engine-rest}; the demo password is the user id. */
  public static Surface rest(int port, String user) {
    return new Rest(port, user);
  }

  /** A browser session logged into Tasklist as {@code user}, sending the XSRF token as Tasklist does. */
  public static Surface webapp(int port, String user) {
    Webapp webapp = new Webapp(port, user);
    webapp.login();
    return webapp;
  }

  /** A response: status code and body. */
  public record Reply(int status, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  public Reply get(String enginePath) {
    return send("GET", enginePath, null);
  }

  public Reply post(String enginePath, Object body) {
    return send("POST", enginePath, body);
  }

  public Reply put(String enginePath, Object body) {
    return send("PUT", enginePath, body);
  }

  public Reply delete(String enginePath) {
    return send("DELETE", enginePath, null);
  }

  public Reply send(String method, String enginePath, Object body) {
    return exchange(method, root() + enginePath, body);
  }

  private Reply exchange(String method, String url, Object body) {
    try {
      String payload = body == null ? (method.equals("GET") || method.equals("DELETE") ? null : "{}")
          : body instanceof String text ? text : JSON.writeValueAsString(body);
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(30))
          .header("Accept", "application/json")
          .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
      if (payload != null) {
        request.header("Content-Type", "application/json");
      }
      authenticate(request);
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A GET outside the engine root with the same credentials, e.g. a Cockpit plugin's resource
   * ({@code /camunda/api/cockpit/plugin/...}); the path starts at the server root.
   */
  public Reply getFromServerRoot(String path) {
    return exchange("GET", "http://localhost:" + port + path, null);
  }

  abstract String root();

  abstract void authenticate(HttpRequest.Builder request);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + user + ")";
  }

  private static final class Rest extends Surface {

    Rest(int port, String user) {
      super(port, user, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    @Override
    String root() {
      return "http://localhost:" + port + "/engine-rest";
    }

    @Override
    void authenticate(HttpRequest.Builder request) {
      String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
  }

  private static final class Webapp extends Surface {

    private final CookieManager cookies;

    Webapp(int port, String user) {
      this(port, user, new CookieManager());
    }

    private Webapp(int port, String user, CookieManager cookies) {
      super(port, user, HttpClient.newBuilder().cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build());
      this.cookies = cookies;
    }

    void login() {
      try {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
            .GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpRequest.Builder login = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user,
                StandardCharsets.UTF_8));
        authenticate(login);
        int status = http.send(login.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
          throw new IllegalStateException("Tasklist login of " + user + " answered " + status);
        }
        // The login starts a new session; Tasklist's next read fetches the session's XSRF token, as here.
        http.send(HttpRequest.newBuilder(URI.create(root() + "/task/count")).GET().build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    String root() {
      return "http://localhost:" + port + "/camunda/api/engine/engine/default";
    }

    @Override
    void authenticate(HttpRequest.Builder request) {
      cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    }
  }
}
