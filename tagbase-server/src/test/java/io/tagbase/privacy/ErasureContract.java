package io.tagbase.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import io.tagbase.tagging.MembershipIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasing a customer leaves nothing of them: every table (read from the database metadata, so a
 * table added later is searched too), the membership index and the export files are searched for
 * every value they had, and nothing is found; another customer is untouched. Run on H2 and on a
 * real PostgreSQL.
 */
abstract class ErasureContract {
  static final String ID = "erase-me-7f3q";
  static final List<String> VALUES =
      List.of(
          ID,
          "13987650017",
          "erase.me.7f3q@example.org",
          "CRM-ERASE-7F3Q",
          "11010119800101777X",
          "ORD-ERASE-7F3Q",
          "擦除测试客户");

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired MembershipIndex index;

  @Value("${tagbase.export.directory}")
  String exportDir;

  @Test
  void erasedCustomerIsFoundNowhere() throws Exception {
    var admin = TestHttp.withKey(port);
    admin.post(
        "/api/v1/attributes",
        "{\"code\":\"id_number\",\"nameZh\":\"身份证\",\"nameEn\":\"ID\",\"type\":\"STRING\","
            + "\"required\":false,\"pii\":true}");
    admin.post("/api/v1/tag-categories", "{\"code\":\"er\",\"nameZh\":\"擦\",\"nameEn\":\"E\"}");
    admin.post(
        "/api/v1/tags",
        "{\"code\":\"er_vip\",\"categoryCode\":\"er\",\"nameZh\":\"甲\",\"nameEn\":\"A\"}");
    for (String id : List.of(ID, "keep-me-7f3q")) {
      boolean erased = id.equals(ID);
      var created =
          admin.post(
              "/api/v1/customers",
              "{\"externalId\":\""
                  + id
                  + "\",\"displayName\":\""
                  + (erased ? "擦除测试客户" : "保留客户")
                  + "\",\"phone\":\""
                  + (erased ? "13987650017" : "13987650018")
                  + "\",\"email\":\""
                  + (erased ? "erase.me.7f3q@example.org" : "keep@example.org")
                  + "\",\"identities\":{\"crmId\":\""
                  + (erased ? "CRM-ERASE-7F3Q" : "CRM-KEEP-7F3Q")
                  + "\"},\"attributes\":{\"id_number\":\""
                  + (erased ? "11010119800101777X" : "110101198001017770")
                  + "\"}}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(admin.put("/api/v1/customers/" + id + "/tags/er_vip").status()).isEqualTo(201);
    }
    var event =
        admin.post(
            "/api/v1/events",
            "{\"type\":\"order\",\"customerId\":\""
                + ID
                + "\",\"orderId\":\"ORD-ERASE-7F3Q\",\"amount\":12.5}");
    assertThat(event.status()).as(event.body()).isBetween(200, 202);
    assertThat(
            admin
                .post(
                    "/api/v1/segments",
                    "{\"code\":\"er_seg\",\"nameZh\":\"擦\",\"nameEn\":\"E\",\"kind\":\"DYNAMIC\","
                        + "\"condition\":{\"tag\":\"er_vip\"}}")
                .status())
        .isEqualTo(201);
    admin.get("/api/v1/customers/" + ID);
    long exportJob =
        admin.post("/api/v1/segments/er_seg/exports?format=csv", "{}").json().get("id").asLong();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> admin.get("/api/v1/segments/exports/" + exportJob).status() == 200);
    long id =
        jdbc.sql("select id from customer where external_id = :id")
            .param("id", ID)
            .query(Long.class)
            .single();
    assertThat(findAnywhere(id)).as("before erasure the search finds the customer").isNotEmpty();

    var compliance = complianceKey(admin);
    var erased = compliance.delete("/api/v1/customers/" + ID);
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);

    assertThat(findAnywhere(id)).isEmpty();
    assertThat(index.tagsOf(ID)).isEmpty();
    assertThat(admin.get("/api/v1/tags/er_vip/members").json().get("total").asLong()).isEqualTo(1);
    assertThat(admin.get("/api/v1/customers/" + ID).status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/customers/keep-me-7f3q").json().get("phone").asString())
        .isEqualTo("13987650018");
    assertThat(
            admin
                .get("/api/v1/audit?action=CUSTOMER_ERASED")
                .json()
                .get(0)
                .get("targetId")
                .asString())
        .startsWith("erased:");
    assertThat(compliance.delete("/api/v1/customers/" + ID).status()).isEqualTo(404);
  }

  @Test
  void rolesWithoutTheRightCannotErase() {
    var admin = TestHttp.withKey(port);
    admin.post("/api/v1/customers", "{\"externalId\":\"not-erased-7f3q\"}");
    String secret =
        admin
            .post("/api/v1/api-keys", "{\"name\":\"er-analyst\",\"role\":\"ANALYST\"}")
            .json()
            .get("secret")
            .asString();
    assertThat(new TestHttp(port, secret).delete("/api/v1/customers/not-erased-7f3q").status())
        .isEqualTo(403);
    assertThat(admin.get("/api/v1/customers/not-erased-7f3q").status()).isEqualTo(200);
  }

  private TestHttp complianceKey(TestHttp admin) {
    String secret =
        admin
            .post("/api/v1/api-keys", "{\"name\":\"er-compliance\",\"role\":\"COMPLIANCE\"}")
            .json()
            .get("secret")
            .asString();
    return new TestHttp(port, secret);
  }

  /**
   * Every place the customer still is: text columns holding one of its values, customer_id-like
   * columns holding its id, export files holding a value.
   */
  private List<String> findAnywhere(long customerId) throws Exception {
    List<String> found = new ArrayList<>();
    List<String[]> textColumns = new ArrayList<>();
    List<String[]> idColumns = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet columns = meta.getColumns(null, c.getSchema(), "%", "%")) {
        while (columns.next()) {
          String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
          int type = columns.getInt("DATA_TYPE");
          if (Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR)
              .contains(type)) {
            textColumns.add(new String[] {table, column});
          }
          if (column.equals("customer_id")) {
            idColumns.add(new String[] {table, column});
          }
        }
      }
    }
    assertThat(textColumns.size()).isGreaterThan(50);
    for (String[] tc : textColumns) {
      for (String value : VALUES) {
        long n =
            jdbc.sql("select count(*) from " + tc[0] + " where " + tc[1] + " like :v")
                .param("v", "%" + value + "%")
                .query(Long.class)
                .single();
        if (n > 0) {
          found.add(tc[0] + "." + tc[1] + " holds " + value);
        }
      }
    }
    for (String[] ic : idColumns) {
      long n =
          jdbc.sql("select count(*) from " + ic[0] + " where " + ic[1] + " = :id")
              .param("id", customerId)
              .query(Long.class)
              .single();
      if (n > 0) {
        found.add(ic[0] + "." + ic[1] + " holds the customer's id");
      }
    }
    Path dir = Path.of(exportDir);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          String text =
              new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
          for (String value : VALUES) {
            if (text.contains(value)) {
              found.add(file + " holds " + value);
            }
          }
        }
      }
    }
    return found;
  }
}
