package vn.hanoi.gdnn.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP calls of a benchmark client: HTTP Basic as a given user, one keep-alive client per thread. */
final class BenchHttp {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  BenchHttp(String base) {
    this.base = base;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", basic(user, BenchOrganisation.PASSWORD)).header("Accept", "application/json")
        .GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path, String user) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", basic(user, BenchOrganisation.PASSWORD)).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", basic(user, BenchOrganisation.PASSWORD)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postAs(String path, String user, String password, String json)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .header("Authorization", basic(user, password)).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> putAs(String path, String user, String password) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user, password))
        .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> putJsonAs(String path, String user, String password, String json)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .header("Authorization", basic(user, password)).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void expect(HttpResponse<?> response, int status, String what) {
    if (response.statusCode() != status) {
      Object body = response.body();
      String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
      throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " "
          + text.substring(0, Math.min(500, text.length())));
    }
  }
}
