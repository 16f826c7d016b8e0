package io.tagbase.web;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: the items, the total across all pages, and where this page is. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

  public <R> PageResult<R> map(Function<T, R> mapper) {
    return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
  }

  public int pages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }
}
