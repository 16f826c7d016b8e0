package io.tagbase.taxonomy;

import java.util.List;

/** A category with its sub-categories and tags, for drawing the taxonomy tree. */
public record CategoryNode(
    TagCategory category, List<CategoryNode> children, List<TagDefinition> tags) {

  /** Tags in this category and all below it. */
  public int tagCount() {
    return tags.size() + children.stream().mapToInt(CategoryNode::tagCount).sum();
  }
}
