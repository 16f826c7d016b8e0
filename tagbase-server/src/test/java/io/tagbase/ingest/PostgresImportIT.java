package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tagbase.storage.PostgresTestDatabase;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@ActiveProfiles("test")
class PostgresImportIT extends ImportContract {
  @Autowired DataSource dataSource;

  @Test
  void batchesOfInsertsGoToPostgresAsMultiRowStatements() {
    assertThat(((HikariDataSource) dataSource).getDataSourceProperties())
        .containsEntry("reWriteBatchedInserts", "true");
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    importDirectory(registry);
    PostgresTestDatabase.register(registry);
  }
}
