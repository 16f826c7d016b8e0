package io.tagbase.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchInsertsTest {
  private static HikariDataSource processed(String url) {
    HikariDataSource data = new HikariDataSource();
    data.setJdbcUrl(url);
    new PostgresBatchInserts().postProcessBeforeInitialization(data, "dataSource");
    return data;
  }

  @Test
  void postgresSendsBatchesOfInsertsAsMultiRowStatements() {
    assertThat(processed("jdbc:postgresql://db:5432/tagbase").getDataSourceProperties())
        .containsEntry(PostgresBatchInserts.OPTION, "true");
  }

  @Test
  void h2AndAnExplicitChoiceInTheUrlAreLeftAlone() {
    assertThat(processed("jdbc:h2:mem:x;MODE=PostgreSQL").getDataSourceProperties()).isEmpty();
    assertThat(
            processed("jdbc:postgresql://db/tagbase?reWriteBatchedInserts=false")
                .getDataSourceProperties())
        .isEmpty();
  }
}
