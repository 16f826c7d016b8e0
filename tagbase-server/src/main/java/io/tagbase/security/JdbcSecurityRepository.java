package io.tagbase.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSecurityRepository {
  record StoredUser(String username, String passwordHash, Role role) {}

  record StoredKey(long id, String name, Role role) {}

  private final JdbcClient jdbc;

  JdbcSecurityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long countUsers() {
    return jdbc.sql("select count(*) from app_user").query(Long.class).single();
  }

  Optional<StoredUser> user(String username) {
    return jdbc.sql("select username, password_hash, role from app_user where username = :u")
        .param("u", username)
        .query(
            (rs, n) ->
                new StoredUser(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))))
        .optional();
  }

  void insertUser(
      String username, String passwordHash, Role role, String displayName, Instant now) {
    jdbc.sql(
            "insert into app_user (username, password_hash, role, display_name, created_at)"
                + " values (:u, :p, :r, :d, :now)")
        .param("u", username)
        .param("p", passwordHash)
        .param("r", role.name())
        .param("d", displayName)
        .param("now", Timestamp.from(now))
        .update();
  }

  Optional<StoredKey> activeKey(String hash, String kind) {
    return jdbc.sql(
            "select id, name, role from api_key where key_hash = :h and kind = :kind"
                + " and revoked_at is null")
        .param("h", hash)
        .param("kind", kind)
        .query(
            (rs, n) -> new StoredKey(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))))
        .optional();
  }

  boolean keyExists(String hash) {
    return jdbc.sql("select count(*) from api_key where key_hash = :h")
            .param("h", hash)
            .query(Long.class)
            .single()
        > 0;
  }

  long insertKey(String name, String prefix, String hash, Role role, String kind, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into api_key (name, key_prefix, key_hash, role, kind, created_at)"
                + " values (:n, :p, :h, :r, :kind, :now)")
        .param("kind", kind)
        .param("n", name)
        .param("p", prefix)
        .param("h", hash)
        .param("r", role.name())
        .param("now", Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }
}
