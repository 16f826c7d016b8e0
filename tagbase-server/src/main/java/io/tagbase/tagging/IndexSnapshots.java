package io.tagbase.tagging;

import io.tagbase.engine.IndexSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where the membership index and its attribute columns are kept between a clean shutdown and the
 * next start: a file written with {@link IndexSnapshot}, and a marker row (index_snapshot) with the
 * label of the file and the database's {@link Fingerprint} at that moment.
 *
 * <p>At start the file is used only if the marker is there, names the file's label and the database
 * still gives the same fingerprint (no customer added, merged, erased or updated, no tag change and
 * no custom value added or deleted since); otherwise the index is rebuilt from the database. A
 * custom field added, retyped or deleted while down is caught later, at the columns' first use
 * ({@link MembershipIndex#withColumns}). Cost at start: one scan of customer and one count of
 * customer_attribute. Either way the marker and the file are deleted once the server has started,
 * so a crash later can never bring back an old index, and no external id outlives its erasure on
 * disk by more than one run. A change that reaches the index after the snapshot was written (a late
 * writer during shutdown) deletes the file too (see {@link MembershipIndex}).
 *
 * <p>Set {@code tagbase.index.snapshot-file} empty to always rebuild from the database.
 */
@Repository
class IndexSnapshots {
  private static final Logger log = LoggerFactory.getLogger(IndexSnapshots.class);

  private final Path file;
  private final JdbcClient jdbc;
  private final Clock clock;

  IndexSnapshots(
      @Value("${tagbase.index.snapshot-file:}") String file, JdbcClient jdbc, Clock clock) {
    this.file = file == null || file.isBlank() ? null : Path.of(file).toAbsolutePath();
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The numbers a snapshot is checked against: customers, the last customer id, the last
   * tag-history id, the latest customer update (epoch microseconds; every profile write, built-in
   * or custom, sets customer.updated_at) and the number of custom attribute values.
   */
  record Fingerprint(
      long customers,
      long lastCustomerId,
      long lastHistoryId,
      long lastCustomerUpdate,
      long attributeValues) {}

  /** Writes the index's part of a snapshot to a stream. */
  interface Content {
    void write(String label, OutputStream out) throws IOException;
  }

  boolean enabled() {
    return file != null;
  }

  Fingerprint fingerprint() {
    return jdbc.sql(
            "select c.n, c.last_id, (select coalesce(max(id), 0) from tag_history), c.updated,"
                + " (select count(*) from customer_attribute) from (select count(*) n,"
                + " coalesce(max(id), 0) last_id, max(updated_at) updated from customer) c")
        .query(
            (rs, row) ->
                new Fingerprint(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    micros(rs.getObject(4, OffsetDateTime.class)),
                    rs.getLong(5)))
        .single();
  }

  /**
   * The index written at the last clean shutdown, if the database still matches it; empty when
   * there is none, it does not match or it cannot be read. Always removes the marker and the file.
   */
  Optional<IndexSnapshot.Restored> takeBack() {
    if (file == null) {
      return Optional.empty();
    }
    try {
      List<Marker> markers =
          jdbc.sql(
                  "select label, customers, last_customer_id, last_history_id,"
                      + " last_customer_update, attribute_values from index_snapshot")
              .query(
                  (rs, row) ->
                      new Marker(
                          rs.getString(1),
                          new Fingerprint(
                              rs.getLong(2),
                              rs.getLong(3),
                              rs.getLong(4),
                              rs.getLong(5),
                              rs.getLong(6))))
              .list();
      if (markers.size() != 1 || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      Marker marker = markers.get(0);
      Fingerprint now = fingerprint();
      if (!marker.fingerprint().equals(now)) {
        log.info(
            "Index snapshot not used: the database changed since it was written ({} then, {} now)",
            marker.fingerprint(),
            now);
        return Optional.empty();
      }
      try (InputStream in = Files.newInputStream(file)) {
        IndexSnapshot.Restored restored = IndexSnapshot.read(in);
        if (!restored.label().equals(marker.label())) {
          log.info("Index snapshot not used: the file is not the one the database names");
          return Optional.empty();
        }
        return Optional.of(restored);
      } catch (IOException | RuntimeException e) {
        log.warn("Index snapshot not used: {}", e.getMessage());
        return Optional.empty();
      }
    } finally {
      discard();
    }
  }

  /** Writes the file (whole, then moved into place) and then the marker. */
  void save(Fingerprint fingerprint, Content content) throws IOException {
    String label = UUID.randomUUID().toString();
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      content.write(label, out);
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    jdbc.sql("delete from index_snapshot").update();
    jdbc.sql(
            "insert into index_snapshot (label, taken_at, customers, last_customer_id,"
                + " last_history_id, last_customer_update, attribute_values) values (:label, :at,"
                + " :customers, :customer, :history, :updated, :values)")
        .param("label", label)
        .param("at", Timestamp.from(clock.instant()))
        .param("customers", fingerprint.customers())
        .param("customer", fingerprint.lastCustomerId())
        .param("history", fingerprint.lastHistoryId())
        .param("updated", fingerprint.lastCustomerUpdate())
        .param("values", fingerprint.attributeValues())
        .update();
  }

  /** Deletes the marker and the file. */
  void discard() {
    if (file == null) {
      return;
    }
    jdbc.sql("delete from index_snapshot").update();
    discardFile();
  }

  /** Deletes the file only: what a late change does, without touching the database. */
  void discardFile() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the index snapshot {}: {}", file, e.getMessage());
    }
  }

  /** Epoch microseconds, 0 for none (no customers). */
  private static long micros(OffsetDateTime at) {
    if (at == null) {
      return 0;
    }
    Instant instant = at.toInstant();
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }

  private record Marker(String label, Fingerprint fingerprint) {}
}
