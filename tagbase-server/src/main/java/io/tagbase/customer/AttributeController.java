package io.tagbase.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/attributes")
@Tag(name = "Attribute schema", description = "Custom fields of the customer profile")
class AttributeController {
  private final AttributeSchema schema;

  AttributeController(AttributeSchema schema) {
    this.schema = schema;
  }

  @GetMapping
  @Operation(summary = "Every custom field")
  List<AttributeDefinition> fields() {
    return schema.fields();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a custom field")
  AttributeDefinition define(@Valid @RequestBody NewAttribute field) {
    return schema.define(field);
  }
}
