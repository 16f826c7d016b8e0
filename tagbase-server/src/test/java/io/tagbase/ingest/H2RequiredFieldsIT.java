package io.tagbase.ingest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "tagbase.test.context=required-fields")
@ActiveProfiles("test")
class H2RequiredFieldsIT extends RequiredFieldsContract {}
