package io.tagbase.automation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver for webhook tests, behaving like a careful integration: it checks the
 * signature, answers the first {@code failFirst} calls with 503, holds the next {@code slowNext}
 * calls longer than the sender waits (and still applies them, as a real service that finished late
 * would), and applies each idempotency key once. {@link #applied()} is what the receiving system
 * did; {@link #calls()} every request it got.
 */
final class WebhookReceiver implements AutoCloseable {
  record Call(String key, String signature, boolean signatureValid, int attempt, String body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final String secret;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
  private final AtomicInteger failFirst = new AtomicInteger();
  private final AtomicInteger slowNext = new AtomicInteger();
  private volatile long slowMillis = 1500;
  private volatile boolean down;
  private volatile CountDownLatch hold;
  private volatile CountDownLatch released;
  private final CountDownLatch holding = new CountDownLatch(1);

  WebhookReceiver(String secret) throws IOException {
    this.secret = secret;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/hook", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  WebhookReceiver failFirst(int n) {
    failFirst.set(n);
    return this;
  }

  WebhookReceiver slowNext(int n, long millis) {
    slowNext.set(n);
    slowMillis = millis;
    return this;
  }

  /** While down, every call gets 503. */
  void down(boolean down) {
    this.down = down;
  }

  /** The next call is held until {@link #release()}; {@link #awaitHeld()} waits for it to come. */
  void holdNext() {
    hold = new CountDownLatch(1);
    released = hold;
  }

  boolean awaitHeld() throws InterruptedException {
    return holding.await(30, TimeUnit.SECONDS);
  }

  void release() {
    if (released != null) {
      released.countDown();
    }
  }

  List<Call> calls() {
    return calls;
  }

  /** Times each key was applied by the receiving system: 1 for each, if it de-duplicates. */
  Map<String, Integer> applied() {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    applied.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    String signature = exchange.getRequestHeaders().getFirst("X-Tagbase-Signature");
    boolean valid = ("sha256=" + WebhookSender.sign(secret, body)).equals(signature);
    String attempt = exchange.getRequestHeaders().getFirst("X-Tagbase-Attempt");
    calls.add(
        new Call(key, signature, valid, attempt == null ? 0 : Integer.parseInt(attempt), body));
    int status;
    CountDownLatch h = hold;
    if (h != null) {
      hold = null;
      holding.countDown();
      await(h);
      apply(key);
      status = 200;
    } else if (!valid) {
      status = 401;
    } else if (down || failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      status = 503;
    } else if (slowNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      sleep(slowMillis);
      apply(key);
      status = 200;
    } else {
      apply(key);
      status = 200;
    }
    byte[] answer = (status == 200 ? "ok" : "unavailable").getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(status, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } catch (IOException e) {
      // The sender gave up waiting (timeout) and closed the connection.
    }
  }

  /** The receiving system applies a key once; a repeat is acknowledged and dropped. */
  private void apply(String key) {
    processed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    applied.computeIfAbsent(key, k -> new AtomicInteger()).compareAndSet(0, 1);
  }

  /** Times each key reached the receiving system with its work done (repeats included). */
  Map<String, Integer> processed() {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    processed.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
