package io.tagbase.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSecurityRepository {
  record StoredUser(String username, String passwordHash, String role, boolean disabled) {}

  record StoredKey(long id, String name, String role, String actsAs) {}

  private final JdbcClient jdbc;

  JdbcSecurityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long countAdmins() {
    return jdbc.sql("select count(*) from app_user where role = :r")
        .param("r", Role.ADMIN.name())
        .query(Long.class)
        .single();
  }

  Optional<StoredUser> user(String username) {
    return jdbc.sql(
            "select username, password_hash, role, disabled_at from app_user where username = :u")
        .param("u", username)
        .query(
            (rs, n) ->
                new StoredUser(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4) != null))
        .optional();
  }

  void insertUser(
      String username, String passwordHash, String role, String displayName, Instant now) {
    jdbc.sql(
            "insert into app_user (username, password_hash, role, display_name, created_at)"
                + " values (:u, :p, :r, :d, :now)")
        .param("u", username)
        .param("p", passwordHash)
        .param("r", role)
        .param("d", displayName)
        .param("now", Timestamp.from(now))
        .update();
  }

  Optional<StoredKey> activeKey(String hash, String kind, Instant now) {
    return jdbc.sql(
            "select id, name, role, coalesce(acts_as, created_by) from api_key where key_hash = :h"
                + " and kind = :kind"
                + " and revoked_at is null and (expires_at is null or expires_at > :now)")
        .param("h", hash)
        .param("kind", kind)
        .param("now", Timestamp.from(now))
        .query(
            (rs, n) ->
                new StoredKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  boolean keyExists(String hash) {
    return jdbc.sql("select count(*) from api_key where key_hash = :h")
            .param("h", hash)
            .query(Long.class)
            .single()
        > 0;
  }

  List<KeyInfo> keys() {
    return jdbc.sql(
            "select id, name, key_prefix, kind, role, created_by, created_at, expires_at, revoked_at"
                + " from api_key order by id")
        .query(
            (rs, n) ->
                new KeyInfo(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant(),
                    rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                    rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
        .list();
  }

  boolean revoke(long id, Instant now) {
    return jdbc.sql("update api_key set revoked_at = :now where id = :id and revoked_at is null")
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update()
        == 1;
  }

  void setOwner(long id, String createdBy, String actsAs, Instant expiresAt) {
    jdbc.sql(
            "update api_key set created_by = :by, acts_as = :as, expires_at = :expires"
                + " where id = :id")
        .param("by", createdBy)
        .param("as", actsAs, java.sql.Types.VARCHAR)
        .param(
            "expires",
            expiresAt == null ? null : Timestamp.from(expiresAt),
            java.sql.Types.TIMESTAMP)
        .param("id", id)
        .update();
  }

  long insertKey(String name, String prefix, String hash, String role, String kind, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into api_key (name, key_prefix, key_hash, role, kind, created_at)"
                + " values (:n, :p, :h, :r, :kind, :now)")
        .param("kind", kind)
        .param("n", name)
        .param("p", prefix)
        .param("h", hash)
        .param("r", role)
        .param("now", Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }
}
