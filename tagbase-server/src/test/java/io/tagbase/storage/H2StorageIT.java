package io.tagbase.storage;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The storage contract on the embedded default, H2 in PostgreSQL mode. */
@SpringBootTest
@ActiveProfiles("test")
class H2StorageIT extends StorageContract {}
