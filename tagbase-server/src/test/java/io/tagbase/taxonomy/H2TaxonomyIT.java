package io.tagbase.taxonomy;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The taxonomy contract on the embedded default, H2 in PostgreSQL mode. */
@SpringBootTest
@ActiveProfiles("test")
class H2TaxonomyIT extends TaxonomyContract {}
