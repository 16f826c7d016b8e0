package io.tagbase.security;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Console users as administered, and custom roles with their permissions. */
@Repository
class JdbcAccountRepository {
  private final JdbcClient jdbc;

  JdbcAccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<UserAccount> users() {
    return jdbc.sql(
            "select username, display_name, role, created_at, disabled_at from app_user"
                + " order by username")
        .query(
            (rs, n) ->
                new UserAccount(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .list();
  }

  Optional<UserAccount> user(String username) {
    return users().stream().filter(u -> u.username().equals(username)).findFirst();
  }

  void updateUser(
      String username, String displayName, String role, Instant disabledAt, Instant now) {
    jdbc.sql(
            "update app_user set display_name = :d, role = :r, disabled_at = :dis, updated_at = :now"
                + " where username = :u")
        .param("d", displayName, Types.VARCHAR)
        .param("r", role)
        .param("dis", disabledAt == null ? null : Timestamp.from(disabledAt), Types.TIMESTAMP)
        .param("now", Timestamp.from(now))
        .param("u", username)
        .update();
  }

  void setPassword(String username, String hash, Instant now) {
    jdbc.sql("update app_user set password_hash = :h, updated_at = :now where username = :u")
        .param("h", hash)
        .param("now", Timestamp.from(now))
        .param("u", username)
        .update();
  }

  long activeUsersWithRole(String role) {
    return jdbc.sql("select count(*) from app_user where role = :r and disabled_at is null")
        .param("r", role)
        .query(Long.class)
        .single();
  }

  long usesOfRole(String role) {
    return jdbc.sql(
            "select (select count(*) from app_user where role = :r)"
                + " + (select count(*) from api_key where role = :r and revoked_at is null)")
        .param("r", role)
        .query(Long.class)
        .single();
  }

  List<RoleDefinition> customRoles() {
    Map<String, Set<Permission>> permissions = new LinkedHashMap<>();
    jdbc.sql("select role_code, permission from app_role_permission")
        .query(
            rs -> {
              permissions
                  .computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Permission.class))
                  .add(Permission.valueOf(rs.getString(2)));
            });
    return jdbc.sql("select code, name_zh, name_en, data_scope from app_role order by code")
        .query(
            (rs, n) ->
                new RoleDefinition(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    DataScope.valueOf(rs.getString(4)),
                    permissions.getOrDefault(rs.getString(1), Set.of()),
                    false))
        .list();
  }

  Optional<RoleDefinition> customRole(String code) {
    var head =
        jdbc.sql("select code, name_zh, name_en, data_scope from app_role where code = :c")
            .param("c", code)
            .query(
                (rs, n) ->
                    new String[] {
                      rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)
                    })
            .optional();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    jdbc.sql("select permission from app_role_permission where role_code = :c")
        .param("c", code)
        .query(String.class)
        .list()
        .forEach(p -> permissions.add(Permission.valueOf(p)));
    String[] h = head.get();
    return Optional.of(
        new RoleDefinition(h[0], h[1], h[2], DataScope.valueOf(h[3]), permissions, false));
  }

  void saveRole(RoleDefinition role, String actor, Instant now, boolean create) {
    if (create) {
      jdbc.sql(
              "insert into app_role (code, name_zh, name_en, data_scope, created_by, created_at,"
                  + " updated_at) values (:c, :zh, :en, :s, :by, :now, :now)")
          .param("c", role.code())
          .param("zh", role.nameZh())
          .param("en", role.nameEn())
          .param("s", role.scope().name())
          .param("by", actor)
          .param("now", Timestamp.from(now))
          .update();
    } else {
      jdbc.sql(
              "update app_role set name_zh = :zh, name_en = :en, data_scope = :s, updated_at = :now"
                  + " where code = :c")
          .param("c", role.code())
          .param("zh", role.nameZh())
          .param("en", role.nameEn())
          .param("s", role.scope().name())
          .param("now", Timestamp.from(now))
          .update();
      jdbc.sql("delete from app_role_permission where role_code = :c")
          .param("c", role.code())
          .update();
    }
    for (Permission p : role.permissions()) {
      jdbc.sql("insert into app_role_permission (role_code, permission) values (:c, :p)")
          .param("c", role.code())
          .param("p", p.name())
          .update();
    }
  }

  void deleteRole(String code) {
    jdbc.sql("delete from app_role_permission where role_code = :c").param("c", code).update();
    jdbc.sql("delete from app_role where code = :c").param("c", code).update();
  }
}
