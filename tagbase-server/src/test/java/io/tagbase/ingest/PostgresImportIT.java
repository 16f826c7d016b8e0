package io.tagbase.ingest;

import io.tagbase.storage.PostgresTestDatabase;
import java.io.IOException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@ActiveProfiles("test")
class PostgresImportIT extends ImportContract {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    importDirectory(registry);
    PostgresTestDatabase.register(registry);
  }
}
