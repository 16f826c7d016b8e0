package io.tagbase.storage;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storage contract on a real PostgreSQL started in the test JVM. */
@SpringBootTest
@ActiveProfiles("test")
class PostgresStorageIT extends StorageContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
