package io.tagbase.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Changes to the taxonomy after creation: categories, tag definitions, the starter taxonomy. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Taxonomy", description = "Tag categories and tag definitions")
class TaxonomyEditController {
  private final CategoryEditor categories;
  private final TagEditor tags;
  private final StarterTaxonomy starter;

  TaxonomyEditController(CategoryEditor categories, TagEditor tags, StarterTaxonomy starter) {
    this.categories = categories;
    this.tags = tags;
    this.starter = starter;
  }

  @PutMapping("/tag-categories/{code}")
  @Operation(
      summary = "Rename, move or reorder a category",
      description =
          "Fields left out are unchanged. parentCode \"\" moves the category to the top level; a"
              + " category cannot move under itself or one of its descendants.")
  TagCategory updateCategory(@PathVariable String code, @Valid @RequestBody CategoryChange change) {
    return categories.update(code, change);
  }

  @DeleteMapping("/tag-categories/{code}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete an empty category",
      description =
          "Refused with 409, naming what is inside, while it holds sub-categories or tags.")
  void deleteCategory(@PathVariable String code) {
    categories.delete(code);
  }

  @PostMapping("/tag-categories/starter")
  @Operation(
      summary = "Install the starter taxonomy",
      description =
          "Adds the six usual groups with sub-categories and typical tags. Idempotent: categories"
              + " and tags whose codes exist are kept as they are.")
  StarterReport installStarter(Principal principal) {
    return starter.install(principal.getName());
  }

  @PutMapping("/tags/{code}")
  @Operation(
      summary = "Update a tag definition (stored as a new version)",
      description =
          "Send the editable fields as GET returns them. The code and value type never change;"
              + " layered values may be added, renamed and reordered but not removed; the status"
              + " changes through POST /tags/{code}/status. expectedVersion makes a stale update"
              + " a 409.")
  TagDefinition updateTag(
      @PathVariable String code, @Valid @RequestBody TagUpdate update, Principal principal) {
    return tags.update(code, update, principal.getName());
  }

  @PostMapping("/tags/{code}/status")
  @Operation(
      summary = "Move a tag along its lifecycle",
      description =
          "draft -> active -> deprecated -> archived, and deprecated -> active. Anything else is"
              + " refused naming the allowed next statuses.")
  TagDefinition changeStatus(
      @PathVariable String code, @Valid @RequestBody StatusChange change, Principal principal) {
    return tags.changeStatus(code, change, principal.getName());
  }
}
