package io.tagbase.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * I1: sustained ingest through the HTTP batch API. Starts the real server jar in a child JVM, on
 * its embedded H2 file database (commits written out within about half a second) and on PostgreSQL
 * (embedded, durable: fsync and synchronous commit on), creates customers, then keeps {@code
 * --clients} threads posting batches of events to {@code POST /api/v1/events/batch} for {@code
 * --seconds}. Only events the server acknowledged (committed) count.
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java -cp tagbase-bench/target/tagbase-bench-0.1.0-SNAPSHOT-all.jar io.tagbase.bench.IngestBench \
 *     --server-jar tagbase-server/target/tagbase.jar --seconds 30 --clients 4 --batch 500
 * </pre>
 */
public final class IngestBench {
  static final String KEY = "bench-ingest-key-0123456789";
  private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

  private IngestBench() {}

  /**
   * One measured run; the CPU figures are milliseconds of CPU per 1,000 acknowledged events spent
   * by the server JVM, by PostgreSQL's processes (0 on H2) and by this load generator.
   */
  record Result(
      String database,
      long events,
      double seconds,
      long p50Micros,
      long p99Micros,
      double serverCpu,
      double databaseCpu,
      double clientCpu) {
    double perSecond() {
      return events / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    String jar =
        Path.of(arg(args, "--server-jar", "tagbase-server/target/tagbase.jar"))
            .toAbsolutePath()
            .toString();
    int seconds = Integer.parseInt(arg(args, "--seconds", "30"));
    int clients = Integer.parseInt(arg(args, "--clients", "4"));
    int batch = Integer.parseInt(arg(args, "--batch", "500"));
    int customers = Integer.parseInt(arg(args, "--customers", "20000"));
    String javaOptions = arg(args, "--server-java-options", "");
    // Long enough for the server's JIT to finish: its compiler threads otherwise count as ingest.
    int warmUp = Integer.parseInt(arg(args, "--warm-up", "15"));
    String databases = arg(args, "--db", "h2,postgres");
    List<Result> results = new ArrayList<>();
    for (String db : databases.split(",")) {
      results.add(run(db.trim(), jar, seconds, warmUp, clients, batch, customers, javaOptions));
    }
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%n| I1 durable HTTP ingest (%d clients, batches of %d, %d s after %d s of warm-up) | events/s"
                + " | batch p50 | batch p99 | CPU ms per 1,000 events: server / database / load"
                + " generator |%n|---|---|---|---|---|%n",
            clients,
            batch,
            seconds,
            warmUp));
    for (Result r : results) {
      table.append(
          String.format(
              Locale.ROOT,
              "| Tagbase on %s | %,.0f | %.1f ms | %.1f ms | %.1f / %.1f / %.1f |%n",
              r.database(),
              r.perSecond(),
              r.p50Micros() / 1000.0,
              r.p99Micros() / 1000.0,
              r.serverCpu(),
              r.databaseCpu(),
              r.clientCpu()));
    }
    table.append(String.format(Locale.ROOT, "%nMachine: %s%n", Machine.current()));
    System.out.print(table);
  }

  static Result run(
      String db,
      String jar,
      int seconds,
      int warmUp,
      int clients,
      int batch,
      int customers,
      String javaOptions)
      throws Exception {
    Path dir = Files.createTempDirectory("tagbase-ingest-");
    EmbeddedPostgres postgres = null;
    String url;
    String user = "sa";
    String password = "";
    if (db.equals("postgres")) {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("shared_buffers", "1GB")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", "on");
      // e.g. -Dtagbase.bench.postgres=log_min_duration_statement=0,logging_collector=on
      for (String setting : System.getProperty("tagbase.bench.postgres", "").split(",")) {
        if (setting.contains("=")) {
          builder.setServerConfig(
              setting.substring(0, setting.indexOf('=')),
              setting.substring(setting.indexOf('=') + 1));
        }
      }
      postgres = builder.start();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database tagbase");
      }
      url = postgres.getJdbcUrl("postgres", "tagbase");
      user = "postgres";
      password = "postgres";
    } else {
      url =
          "jdbc:h2:file:"
              + dir.resolve("tagbase")
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx4g"));
    for (String option : javaOptions.trim().split("\\s+")) {
      if (!option.isEmpty()) {
        command.add(option);
      }
    }
    command.addAll(
        List.of(
            "-jar",
            jar,
            "--server.port=" + port,
            "--tagbase.rate-limit.per-second=0",
            "--tagbase.ingest.max-concurrent-calls=64",
            "--logging.level.root=WARN"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TAGBASE_DB_URL", url);
    builder.environment().put("TAGBASE_DB_USER", user);
    builder.environment().put("TAGBASE_DB_PASSWORD", password);
    builder.environment().put("TAGBASE_BOOTSTRAP_API_KEY", KEY);
    builder.environment().put("TAGBASE_ADMIN_PASSWORD", "bench-admin-password");
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
    builder.directory(dir.toFile());
    Process server = builder.start();
    try {
      String base = "http://127.0.0.1:" + port;
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      waitUntilUp(http, base, server);
      createCustomers(http, base, customers);
      System.err.printf("%s: server up, %d customers created; warming up%n", db, customers);
      drive(http, base, clients, batch, customers, warmUp, "warm-" + db);
      System.err.printf("%s: measuring %d s%n", db, seconds);
      long serverBefore = cpuNanos(server.toHandle());
      long databaseBefore = postgres == null ? 0 : postgresCpuNanos(postgres.getPort());
      long clientBefore = cpuNanos(ProcessHandle.current());
      Result r = drive(http, base, clients, batch, customers, seconds, db);
      double perThousand = r.events() / 1000.0;
      return new Result(
          r.database(),
          r.events(),
          r.seconds(),
          r.p50Micros(),
          r.p99Micros(),
          (cpuNanos(server.toHandle()) - serverBefore) / 1e6 / perThousand,
          postgres == null
              ? 0
              : (postgresCpuNanos(postgres.getPort()) - databaseBefore) / 1e6 / perThousand,
          (cpuNanos(ProcessHandle.current()) - clientBefore) / 1e6 / perThousand);
    } finally {
      server.destroy();
      server.waitFor();
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static Result drive(
      HttpClient http, String base, int clients, int batch, int customers, int seconds, String db)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(
          pool.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(client * 7919L + db.hashCode());
                List<Long> latencies = new ArrayList<>();
                long accepted = 0;
                long n = 0;
                while (!stop.get()) {
                  String body = batchBody(random, batch, customers, db + "-" + client + "-" + n++);
                  long t0 = System.nanoTime();
                  HttpResponse<String> response =
                      http.send(
                          HttpRequest.newBuilder(URI.create(base + "/api/v1/events/batch"))
                              .header("X-Api-Key", KEY)
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  latencies.add((System.nanoTime() - t0) / 1000);
                  if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                        "ingest answered " + response.statusCode() + ": " + response.body());
                  }
                  Matcher m = ACCEPTED.matcher(response.body());
                  if (m.find()) {
                    accepted += Long.parseLong(m.group(1));
                  }
                }
                long[] out = new long[latencies.size() + 1];
                out[0] = accepted;
                for (int i = 0; i < latencies.size(); i++) {
                  out[i + 1] = latencies.get(i);
                }
                return out;
              }));
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long events = 0;
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : futures) {
      long[] r = f.get();
      events += r[0];
      for (int i = 1; i < r.length; i++) {
        all.add(r[i]);
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    all.sort(null);
    long p50 = all.isEmpty() ? 0 : all.get(all.size() / 2);
    long p99 = all.isEmpty() ? 0 : all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99)));
    return new Result(db, events, elapsed, p50, p99, 0, 0, 0);
  }

  /** A batch of view/cart/purchase events (80/15/5) of random customers, unique message ids. */
  static String batchBody(SplittableRandom random, int batch, int customers, String prefix) {
    StringBuilder sb = new StringBuilder(batch * 160).append("{\"events\":[");
    for (int i = 0; i < batch; i++) {
      double r = random.nextDouble();
      String type = r < 0.8 ? "view" : r < 0.95 ? "cart" : "purchase";
      sb.append(i == 0 ? "" : ",")
          .append("{\"type\":\"")
          .append(type)
          .append("\",\"customerId\":\"b")
          .append(random.nextInt(customers))
          .append("\",\"messageId\":\"")
          .append(prefix)
          .append('-')
          .append(i)
          .append("\",\"properties\":{\"sku\":\"S")
          .append(random.nextInt(5000))
          .append("\"}");
      if (type.equals("purchase")) {
        sb.append(",\"orderId\":\"")
            .append(prefix)
            .append('-')
            .append(i)
            .append("\",\"amount\":")
            .append(1 + random.nextInt(500));
      }
      sb.append('}');
    }
    return sb.append("]}").toString();
  }

  static void createCustomers(HttpClient http, String base, int customers) throws Exception {
    for (int from = 0; from < customers; from += 1000) {
      StringBuilder sb = new StringBuilder("{\"customers\":[");
      for (int i = from; i < Math.min(customers, from + 1000); i++) {
        sb.append(i == from ? "" : ",").append("{\"externalId\":\"b").append(i).append("\"}");
      }
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/batch"))
                  .header("X-Api-Key", KEY)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(sb.append("]}").toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "customer batch answered " + response.statusCode() + ": " + response.body());
      }
    }
  }

  static void waitUntilUp(HttpClient http, String base, Process server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("The server exited with " + server.exitValue());
      }
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The server did not start within 120 s");
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /**
   * CPU of the PostgreSQL server listening on {@code port} and its processes (backends, WAL writer,
   * checkpointer; a backend that ended during the run is not counted, ours live as long as the
   * server's connection pool).
   */
  static long postgresCpuNanos(int port) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .filter(p -> List.of(p.info().arguments().orElse(new String[0])).contains("" + port))
        .mapToLong(p -> cpuNanos(p) + p.descendants().mapToLong(IngestBench::cpuNanos).sum())
        .sum();
  }

  static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
