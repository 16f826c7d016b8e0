package io.tagbase.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A logged-in console session over plain HTTP: form login, then requests with the CSRF token. */
final class ConsoleClient {
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private String csrf;

  private ConsoleClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Page(int status, String location, String body) {}

  static ConsoleClient anonymous(int port) {
    return new ConsoleClient(port);
  }

  /** Logs in through the form; fails when the login does not land on the home page. */
  static ConsoleClient login(int port, String user, String password) {
    var c = new ConsoleClient(port);
    Page loginPage = c.send("GET", "/login", null);
    String token = find(loginPage.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
    Page done =
        c.send(
            "POST",
            "/login",
            "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token));
    if (done.location() == null || done.location().contains("error")) {
      throw new IllegalStateException("login of " + user + " failed: " + done.location());
    }
    Page home = c.send("GET", "/", null);
    if (home.location() != null) { // a sales rep's home is their customer list
      home = c.send("GET", java.net.URI.create(home.location()).getPath(), null);
    }
    c.csrf = find(home.body(), "name=\"_csrf\" content=\"([^\"]+)\"");
    return c;
  }

  Page get(String path) {
    return send("GET", path, null);
  }

  /** A form POST (with the session's CSRF token). */
  Page post(String path, String form) {
    return send("POST", path, form == null ? "" : form);
  }

  Page send(String method, String path, String form) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (csrf != null) {
      builder.header("X-CSRF-TOKEN", csrf);
    }
    if (form != null) {
      builder.header("Content-Type", "application/x-www-form-urlencoded");
      builder.method(method, HttpRequest.BodyPublishers.ofString(form));
    } else {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Page(
          response.statusCode(),
          response.headers().firstValue("Location").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no match for " + regex);
    }
    return m.group(1);
  }
}
