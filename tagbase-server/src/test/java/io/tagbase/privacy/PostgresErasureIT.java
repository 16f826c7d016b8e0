package io.tagbase.privacy;

import io.tagbase.storage.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tagbase.test.context=erasure-postgres",
      "tagbase.rate-limit.per-second=0",
      "tagbase.export.directory=${java.io.tmpdir}/tagbase-erasure-exports-pg"
    })
@ActiveProfiles("test")
class PostgresErasureIT extends ErasureContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
