package io.tagbase.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Taxonomy", description = "Tag categories and tag definitions")
class TaxonomyController {
  private final TaxonomyService taxonomy;

  TaxonomyController(TaxonomyService taxonomy) {
    this.taxonomy = taxonomy;
  }

  @GetMapping("/tag-categories")
  @Operation(summary = "List every tag category (a flat list; parentId links the tree)")
  List<TagCategory> categories() {
    return taxonomy.categories();
  }

  @PostMapping("/tag-categories")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a tag category")
  TagCategory createCategory(@Valid @RequestBody NewCategory category) {
    return taxonomy.createCategory(category);
  }

  @GetMapping("/tags")
  @Operation(summary = "List every tag definition")
  List<TagDefinition> tags() {
    return taxonomy.tags();
  }

  @GetMapping("/tags/{code}")
  @Operation(summary = "Read one tag definition")
  TagDefinition tag(@PathVariable String code) {
    return taxonomy.get(code);
  }

  @PostMapping("/tags")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a tag definition")
  TagDefinition createTag(@Valid @RequestBody NewTag tag, Principal principal) {
    return taxonomy.createTag(tag, principal.getName());
  }

  @GetMapping("/tags/{code}/versions")
  @Operation(summary = "Every recorded version of a tag definition, newest first")
  List<TagVersion> versions(@PathVariable String code) {
    return taxonomy.versions(code);
  }
}
