package vn.hanoi.gdnn.security;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the running application's REST API as a demo user with HTTP Basic (password = user id). */
final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;

  Api(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** A response: status code and body. */
  record Reply(int status, String body, HttpHeaders headers) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  Reply get(String user, String path) {
    return call(user, user, HttpMethod.GET, path, null);
  }

  Reply post(String user, String path, Object body) {
    return call(user, user, HttpMethod.POST, path, body);
  }

  Reply call(String user, String password, HttpMethod method, String path, Object body) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, password);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
    String payload;
    try {
      payload = body == null ? (method == HttpMethod.GET ? null : "{}") : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    ResponseEntity<String> response = client.exchange(path, method, new HttpEntity<>(payload, headers),
        String.class);
    return new Reply(response.getStatusCode().value(), response.getBody(), response.getHeaders());
  }

  /** {@code {"name": {"value": value}, ...}} as the REST API takes variables. */
  static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
    }
    return variables;
  }
}
