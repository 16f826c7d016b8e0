package io.tagbase.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed input thrown at the rule parser, the ingest APIs (REST and tracking) and the importer,
 * generated from valid requests with a fixed seed: every answer is a 4xx problem without Java or
 * SQL internals, and nothing stored changes. SQL-injection strings in every text field of every
 * write request are stored as plain text or refused, never run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tagbase.test.context=input-fuzz",
      "tagbase.rate-limit.per-second=0",
      "tagbase.max-json-bytes=200000"
    })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputFuzzIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern LEAK =
      Pattern.compile(
          "Exception|org\\.h2|org\\.postgresql|java\\.[a-z]+\\.|\\tat |SQLState|SQL statement|jdbc:",
          Pattern.CASE_INSENSITIVE);
  static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE customer; --",
          "\" OR \"\"=\"",
          "1; DELETE FROM tag --",
          "%' AND 1=1 --",
          "admin'--",
          "' UNION SELECT password_hash, key_hash FROM app_user, api_key --",
          "\\'; UPDATE app_user SET role='ADMIN' --");

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  TestHttp api;
  String writeKey;

  /** A valid request per endpoint; the fuzz breaks them. */
  record Valid(String method, String path, String body) {}

  List<Valid> valid;

  @BeforeAll
  void data() {
    api = TestHttp.withKey(port);
    api.post("/api/v1/tag-categories", "{\"code\":\"fz\",\"nameZh\":\"模糊\",\"nameEn\":\"Fuzz\"}");
    api.post(
        "/api/v1/tags",
        "{\"code\":\"fz_tag\",\"categoryCode\":\"fz\",\"nameZh\":\"甲\",\"nameEn\":\"A\"}");
    api.post(
        "/api/v1/tags",
        "{\"code\":\"fz_rule\",\"categoryCode\":\"fz\",\"nameZh\":\"规则\",\"nameEn\":\"Rule\","
            + "\"kind\":\"RULE\"}");
    api.post("/api/v1/customers", "{\"externalId\":\"fz-base\",\"city\":\"上海\"}");
    writeKey =
        api.post("/api/v1/api-keys", "{\"name\":\"fz-web\",\"kind\":\"WRITE\"}")
            .json()
            .get("secret")
            .asString();
    valid =
        List.of(
            new Valid(
                "POST",
                "/api/v1/customers",
                "{\"externalId\":\"fz-new\",\"displayName\":\"新客\",\"city\":\"北京\",\"age\":30,"
                    + "\"phone\":\"13800001111\",\"identities\":{\"crmId\":\"CRM-1\"}}"),
            new Valid(
                "POST",
                "/api/v1/customers/batch",
                "{\"customers\":[{\"externalId\":\"fz-b1\",\"city\":\"上海\"}]}"),
            new Valid(
                "POST",
                "/api/v1/events",
                "{\"type\":\"order\",\"customerId\":\"fz-base\",\"orderId\":\"o-1\",\"amount\":12.5,"
                    + "\"properties\":{\"sku\":\"A1\"}}"),
            new Valid(
                "POST",
                "/api/v1/events/batch",
                "{\"events\":[{\"type\":\"view\",\"customerId\":\"fz-base\"}]}"),
            new Valid(
                "POST",
                "/v1/track",
                "{\"writeKey\":\""
                    + writeKey
                    + "\",\"userId\":\"fz-base\",\"event\":\"Viewed\",\"properties\":{\"a\":1}}"),
            new Valid(
                "POST",
                "/v1/identify",
                "{\"writeKey\":\""
                    + writeKey
                    + "\",\"userId\":\"fz-id\",\"traits\":{\"city\":\"上海\"}}"),
            new Valid("PUT", "/api/v1/tags/fz_rule/rule", "{\"text\":\"city = \\\"上海\\\"\"}"),
            new Valid("POST", "/api/v1/rules/check", "{\"text\":\"city = \\\"上海\\\"\"}"),
            new Valid("POST", "/api/v1/segments/count", "{\"condition\":{\"tag\":\"fz_tag\"}}"));
  }

  @Test
  void malformedJsonIsRefusedWithA4xxAndChangesNothing() throws Exception {
    Random random = new Random(20261123L);
    var before = StoredData.fingerprint(dataSource, jdbc);
    List<String> wrong = new ArrayList<>();
    for (Valid v : valid) {
      for (int i = 0; i < 25; i++) {
        String body = breakJson(v.body(), random);
        var response = send(v.method(), v.path(), body);
        check(v, body, response, wrong);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(StoredData.fingerprint(dataSource, jdbc)).isEqualTo(before);
  }

  @Test
  void wrongTypesInEveryFieldAreRefusedAndChangeNothing() throws Exception {
    var before = StoredData.fingerprint(dataSource, jdbc);
    List<String> wrong = new ArrayList<>();
    for (Valid v : valid) {
      if (v.path().startsWith("/v1/")) {
        continue; // the tracking API reads loosely typed Segment messages by design
      }
      JsonNode tree = JSON.readTree(v.body());
      for (List<Object> path : leaves(tree, new ArrayList<>())) {
        if (path.contains("properties") || path.contains("identities")) {
          continue; // free-form maps: any JSON value is a valid property
        }
        JsonNode leaf = at(tree, path);
        // A string field given an object, a number field given a word: never acceptable.
        String replacement = leaf.isString() ? "{\"x\":[1,2]}" : "\"not-a-number\"";
        if (leaf.isObject() || leaf.isArray()) {
          continue;
        }
        String body = replace(tree, path, JSON.readTree(replacement)).toString();
        var response = send(v.method(), v.path(), body);
        check(v, body, response, wrong);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(StoredData.fingerprint(dataSource, jdbc)).isEqualTo(before);
  }

  @Test
  void malformedRulesAreRefusedAndLeaveTheRuleAsItWas() throws Exception {
    api.put("/api/v1/tags/fz_rule/rule", "{\"text\":\"city = \\\"上海\\\"\"}");
    var before = StoredData.fingerprint(dataSource, jdbc);
    Random random = new Random(7);
    String alphabet = "abc 城市()（），,\"'=<>!-+*/.0123456789_\n且或非 and or not in count last days 近30天";
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      StringBuilder text = new StringBuilder("city = ");
      for (int n = 1 + random.nextInt(30); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      text.append(i % 2 == 0 ? " and (" : " )");
      String body = JSON.writeValueAsString(Map.of("text", text.toString()));
      var put = send("PUT", "/api/v1/tags/fz_rule/rule", body);
      if (put.status() < 400 || put.status() >= 500 || LEAK.matcher(put.body()).find()) {
        wrong.add("PUT rule " + text + " -> " + put.status() + " " + put.body());
      }
      var check = send("POST", "/api/v1/rules/check", body);
      if (check.status() >= 500 || LEAK.matcher(check.body()).find()) {
        wrong.add("check " + text + " -> " + check.status());
      }
    }
    String deep = "(".repeat(3000) + "city = \\\"a\\\"" + ")".repeat(3000);
    var response = send("PUT", "/api/v1/tags/fz_rule/rule", "{\"text\":\"" + deep + "\"}");
    assertThat(response.status()).isBetween(400, 499);
    assertThat(wrong).isEmpty();
    assertThat(StoredData.fingerprint(dataSource, jdbc)).isEqualTo(before);
  }

  @Test
  void brokenImportFilesAreRefusedAndStoreNothing() throws Exception {
    var before = StoredData.fingerprint(dataSource, jdbc);
    Random random = new Random(99);
    byte[] noise = new byte[4096];
    random.nextBytes(noise);
    byte[] zipHeaderNoise = noise.clone();
    zipHeaderNoise[0] = 'P';
    zipHeaderNoise[1] = 'K';
    zipHeaderNoise[2] = 3;
    zipHeaderNoise[3] = 4;
    Map<String, byte[]> files =
        Map.of(
            "noise.xlsx",
            noise,
            "truncated.xlsx",
            zipHeaderNoise,
            "empty.csv",
            new byte[0],
            "header-only.csv",
            "\r\n".getBytes(StandardCharsets.UTF_8));
    List<String> wrong = new ArrayList<>();
    for (var file : files.entrySet()) {
      for (String kind : List.of("customers", "events")) {
        var response =
            api.postFile("/api/v1/imports", Map.of("kind", kind), file.getKey(), file.getValue());
        if (response.status() < 400
            || response.status() >= 500
            || LEAK.matcher(response.body()).find()) {
          wrong.add(
              kind + " " + file.getKey() + " -> " + response.status() + " " + response.body());
        }
      }
    }
    var unknownKind =
        api.postFile(
            "/api/v1/imports",
            Map.of("kind", "'; DROP TABLE customer; --"),
            "a.csv",
            "externalId\nx1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(unknownKind.status()).isBetween(400, 499);
    assertThat(wrong).isEmpty();
    assertThat(StoredData.fingerprint(dataSource, jdbc)).isEqualTo(before);
  }

  @Test
  void tooLargeBodiesAreAnswered413WithAProblem() {
    String big = "{\"customers\":[" + "{\"externalId\":\"x\"},".repeat(20_000) + "{}]}";
    var response = api.post("/api/v1/customers/batch", big);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).contains("problem+json");
    var chunked = sendChunked("/api/v1/events/batch", big);
    assertThat(chunked).isEqualTo(413);
  }

  @Test
  void sqlInjectionInEveryTextFieldIsStoredAsTextOrRefused() throws Exception {
    long customers = jdbc.sql("select count(*) from customer").query(Long.class).single();
    long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
    List<Valid> writes = new ArrayList<>(valid);
    writes.add(
        new Valid(
            "POST",
            "/api/v1/tags",
            "{\"code\":\"fz_inj\",\"categoryCode\":\"fz\",\"nameZh\":\"名\",\"nameEn\":\"N\","
                + "\"descriptionZh\":\"d\"}"));
    writes.add(
        new Valid(
            "POST",
            "/api/v1/segments",
            "{\"code\":\"fz_seg\",\"nameZh\":\"名\",\"nameEn\":\"N\",\"kind\":\"DYNAMIC\","
                + "\"condition\":{\"tag\":\"fz_tag\"}}"));
    writes.add(new Valid("POST", "/api/v1/api-keys", "{\"name\":\"k\"}"));
    writes.add(
        new Valid(
            "POST",
            "/api/v1/users",
            "{\"username\":\"u1\",\"displayName\":\"d\",\"role\":\"ANALYST\","
                + "\"password\":\"password-12345\"}"));
    writes.add(
        new Valid(
            "PUT",
            "/api/v1/roles/FZ_ROLE",
            "{\"nameZh\":\"名\",\"nameEn\":\"N\",\"permissions\":[\"TAGS_READ\"]}"));
    List<String> wrong = new ArrayList<>();
    int stored = 0;
    for (Valid v : writes) {
      JsonNode tree = JSON.readTree(v.body());
      for (List<Object> path : leaves(tree, new ArrayList<>())) {
        if (!at(tree, path).isString() || path.get(path.size() - 1).equals("writeKey")) {
          continue;
        }
        for (String injection : INJECTIONS) {
          String body = replace(tree, path, JSON.getNodeFactory().stringNode(injection)).toString();
          var response = send(v.method(), v.path(), body);
          if (response.status() >= 500 || LEAK.matcher(response.body()).find()) {
            wrong.add(v.path() + " " + path + " " + injection + " -> " + response.status());
          }
          if (response.status() < 300
              && response.body().contains(JSON.writeValueAsString(injection).replace("\"", ""))) {
            stored++;
          }
        }
      }
    }
    for (String injection : INJECTIONS) {
      String q = java.net.URLEncoder.encode(injection, StandardCharsets.UTF_8);
      for (String path :
          List.of("/api/v1/customers?q=" + q, "/api/v1/audit?actor=" + q, "/api/v1/tags/" + q)) {
        var response = api.get(path);
        if (response.status() >= 500 || LEAK.matcher(response.body()).find()) {
          wrong.add(path + " -> " + response.status());
        }
      }
      assertThat(api.get("/api/v1/customers?q=" + q).json().get("items").size())
          .as("an injected search finds only customers whose text really holds it")
          .isLessThanOrEqualTo(
              jdbc.sql("select count(*) from customer where display_name = :v or city = :v")
                      .param("v", injection)
                      .query(Long.class)
                      .single()
                      .intValue()
                  + 1);
    }
    assertThat(wrong).isEmpty();
    assertThat(stored)
        .as("some injections were accepted and echoed back as plain text")
        .isPositive();
    assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single())
        .isGreaterThanOrEqualTo(customers);
    assertThat(
            jdbc.sql("select count(*) from app_user where role = 'ADMIN'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single())
        .isGreaterThanOrEqualTo(users);
    assertThat(jdbc.sql("select count(*) from tag").query(Long.class).single()).isPositive();
  }

  private void check(Valid v, String body, TestHttp.Response response, List<String> wrong) {
    if (response.status() < 400 || response.status() >= 500) {
      wrong.add(
          v.method()
              + " "
              + v.path()
              + " "
              + abbreviate(body)
              + " -> "
              + response.status()
              + " "
              + abbreviate(response.body()));
    } else if (LEAK.matcher(response.body()).find()) {
      wrong.add("leak: " + v.path() + " -> " + abbreviate(response.body()));
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /** Breaks valid JSON: truncated, a wrong top-level value, noise, or nested too deep. */
  static String breakJson(String json, Random random) {
    switch (random.nextInt(5)) {
      case 0:
        return json.substring(0, 1 + random.nextInt(json.length() - 1));
      case 1:
        return List.of("[]", "\"text\"", "42", "null", "[{}]").get(random.nextInt(5));
      case 2:
        {
          StringBuilder noise = new StringBuilder();
          for (int n = 1 + random.nextInt(50); n > 0; n--) {
            noise.append((char) (32 + random.nextInt(90)));
          }
          return "{" + noise;
        }
      case 3:
        return "{\"a\":"
            + "[".repeat(3000)
            + "]".repeat(3000)
            + "}".substring(0, random.nextInt(2));
      default:
        {
          int cut = 1 + random.nextInt(json.length() - 2);
          return json.substring(0, cut) + "\u0000\uFFFF}" + json.substring(cut, json.length() - 1);
        }
    }
  }

  private TestHttp.Response send(String method, String path, String body) {
    return switch (method) {
      case "PUT" -> api.put(path, body);
      default -> api.post(path, body);
    };
  }

  private int sendChunked(String path, String body) {
    try {
      var stream = new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .header("Content-Type", "application/json")
              .header("X-Api-Key", TestHttp.API_KEY)
              .POST(HttpRequest.BodyPublishers.ofInputStream(() -> stream))
              .build();
      return HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<List<Object>> leaves(JsonNode node, List<Object> prefix) {
    List<List<Object>> out = new ArrayList<>();
    if (node.isObject()) {
      for (var name : node.propertyNames()) {
        List<Object> p = new ArrayList<>(prefix);
        p.add(name);
        out.addAll(leaves(node.get(name), p));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> p = new ArrayList<>(prefix);
        p.add(i);
        out.addAll(leaves(node.get(i), p));
      }
    } else {
      out.add(prefix);
    }
    return out;
  }

  static JsonNode at(JsonNode node, List<Object> path) {
    for (Object step : path) {
      node = step instanceof Integer i ? node.get(i) : node.get((String) step);
    }
    return node;
  }

  static JsonNode replace(JsonNode tree, List<Object> path, JsonNode value) {
    JsonNode copy = tree.deepCopy();
    JsonNode parent = at(copy, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer i) {
      ((tools.jackson.databind.node.ArrayNode) parent).set(i, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
    return copy;
  }
}
