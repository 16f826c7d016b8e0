package io.tagbase.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * I2: event-to-tag visible latency while segment queries run. Starts the real server jar (embedded
 * H2 file database), creates customers and a rule tag {@code count(i2_probe) >= 1}, keeps {@code
 * --query-threads} threads counting segments, and for each probe posts one event for a customer who
 * does not hold the tag yet and polls the customer's tags until the tag is there. The latency is
 * from sending the event to the first read that shows the tag.
 *
 * <pre>
 * java -cp tagbase-bench/target/tagbase-bench-0.1.0-SNAPSHOT-all.jar io.tagbase.bench.RealTimeBench \
 *     --server-jar tagbase-server/target/tagbase.jar --customers 100000 --probes 300
 * </pre>
 */
public final class RealTimeBench {
  private static final String KEY = IngestBench.KEY;

  private RealTimeBench() {}

  record Result(int probes, double p50, double p99, double max, long segmentQueries) {}

  public static void main(String[] args) throws Exception {
    String jar =
        Path.of(IngestBench.arg(args, "--server-jar", "tagbase-server/target/tagbase.jar"))
            .toAbsolutePath()
            .toString();
    int customers = Integer.parseInt(IngestBench.arg(args, "--customers", "100000"));
    int probes = Integer.parseInt(IngestBench.arg(args, "--probes", "300"));
    int threads = Integer.parseInt(IngestBench.arg(args, "--query-threads", "1"));
    int events = Integer.parseInt(IngestBench.arg(args, "--events", "0"));
    Result r = run(jar, customers, events, probes, threads);
    System.out.printf(
        Locale.ROOT,
        "%n| I2 event-to-tag visible (%,d customers, %,d events, %d probes, %d segment-query"
            + " thread(s)) | p50"
            + " | p99 | max | segment queries meanwhile |%n|---|---|---|---|---|%n"
            + "| Tagbase on H2 | %.1f ms | %.1f ms | %.1f ms | %,d |%n%nMachine: %s%n",
        customers,
        events,
        r.probes(),
        threads,
        r.p50(),
        r.p99(),
        r.max(),
        r.segmentQueries(),
        Machine.current());
  }

  static Result run(String jar, int customers, int events, int probes, int threads)
      throws Exception {
    Path dir = Files.createTempDirectory("tagbase-i2-");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            IngestBench.javaBin(),
            "-Xmx4g",
            "-jar",
            jar,
            "--server.port=" + port,
            "--tagbase.rate-limit.per-second=0",
            "--logging.level.root=WARN");
    builder
        .environment()
        .put(
            "TAGBASE_DB_URL",
            "jdbc:h2:file:"
                + dir.resolve("tagbase")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    builder.environment().put("TAGBASE_BOOTSTRAP_API_KEY", KEY);
    builder.environment().put("TAGBASE_ADMIN_PASSWORD", "bench-admin-password");
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
    builder.directory(dir.toFile());
    Process server = builder.start();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    AtomicBoolean stop = new AtomicBoolean();
    try {
      String base = "http://127.0.0.1:" + port;
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      IngestBench.waitUntilUp(http, base, server);
      IngestBench.createCustomers(http, base, customers);
      java.util.SplittableRandom random = new java.util.SplittableRandom(11);
      for (int sent = 0; sent < events; sent += 1000) {
        send(
            http,
            base,
            "POST",
            "/api/v1/events/batch",
            IngestBench.batchBody(random, Math.min(1000, events - sent), customers, "pre-" + sent));
      }
      send(
          http,
          base,
          "POST",
          "/api/v1/tag-categories",
          "{\"code\":\"bench\",\"nameZh\":\"基准\",\"nameEn\":\"Bench\"}");
      send(
          http,
          base,
          "POST",
          "/api/v1/tags",
          "{\"code\":\"i2_buyer\",\"categoryCode\":\"bench\",\"nameZh\":\"探针\",\"nameEn\":\"Probe\","
              + "\"kind\":\"RULE\"}");
      // the event type must exist before a rule can name it: b0 is the first probe's customer
      event(http, base, 0);
      send(http, base, "PUT", "/api/v1/tags/i2_buyer/rule", "{\"text\":\"count(i2_probe) >= 1\"}");
      AtomicLong queries = new AtomicLong();
      for (int t = 0; t < threads; t++) {
        pool.submit(
            () -> {
              while (!stop.get()) {
                send(
                    http,
                    base,
                    "POST",
                    "/api/v1/segments/count",
                    "{\"condition\":{\"or\":[{\"tag\":\"i2_buyer\"},{\"not\":{\"tag\":\"i2_buyer\"}}]}}");
                queries.incrementAndGet();
              }
              return null;
            });
      }
      double[] latencies = new double[probes];
      for (int p = 0; p < probes; p++) {
        int customer = 1 + p;
        long t0 = System.nanoTime();
        event(http, base, customer);
        while (!send(http, base, "GET", "/api/v1/customers/b" + customer + "/tags", null)
            .contains("\"i2_buyer\"")) {
          if (System.nanoTime() - t0 > Duration.ofSeconds(30).toNanos()) {
            throw new IllegalStateException("probe " + p + " never became visible");
          }
        }
        latencies[p] = (System.nanoTime() - t0) / 1e6;
      }
      stop.set(true);
      double[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return new Result(
          probes,
          sorted[(int) Math.ceil(0.5 * probes) - 1],
          sorted[(int) Math.ceil(0.99 * probes) - 1],
          sorted[probes - 1],
          queries.get());
    } finally {
      stop.set(true);
      pool.shutdownNow();
      server.destroy();
      server.waitFor();
    }
  }

  private static void event(HttpClient http, String base, int customer) throws Exception {
    send(
        http,
        base,
        "POST",
        "/api/v1/events",
        "{\"type\":\"i2_probe\",\"customerId\":\"b" + customer + "\"}");
  }

  private static String send(HttpClient http, String base, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("X-Api-Key", KEY)
            .header("Content-Type", "application/json");
    request =
        body == null
            ? request.method(method, HttpRequest.BodyPublishers.noBody())
            : request.method(method, HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
