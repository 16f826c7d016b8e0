package io.tagbase.taxonomy;

import io.tagbase.storage.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The taxonomy contract on a real PostgreSQL started in the test JVM. */
@SpringBootTest
@ActiveProfiles("test")
class PostgresTaxonomyIT extends TaxonomyContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
