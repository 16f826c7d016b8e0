package io.tagbase.tagging;

import io.tagbase.ingest.TabularRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an uploaded table into bulk rows. A first row naming its columns is a header (customer_id
 * or 客户编号, and optionally tag / 标签, value / 标签值, expires_at / 过期时间); without one, the columns are
 * customer id, value, expiry in that order.
 */
final class BulkFiles {
  private static final Set<String> ID =
      Set.of(
          "customer_id",
          "customerid",
          "external_id",
          "externalid",
          "customer",
          "id",
          "客户编号",
          "客户id",
          "用户id");
  private static final Set<String> TAG = Set.of("tag", "tag_code", "标签", "标签编码");
  private static final Set<String> VALUE = Set.of("value", "tag_value", "标签值");
  private static final Set<String> EXPIRY = Set.of("expires_at", "expiry", "过期时间", "到期时间");

  private BulkFiles() {}

  static List<BulkItem> items(List<TabularRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> first = rows.get(0).cells().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    int id = indexOf(first, ID);
    boolean header = id >= 0;
    int tag = header ? indexOf(first, TAG) : -1;
    int value = header ? indexOf(first, VALUE) : 1;
    int expiry = header ? indexOf(first, EXPIRY) : 2;
    id = header ? id : 0;
    List<BulkItem> items = new ArrayList<>(rows.size());
    for (int i = header ? 1 : 0; i < rows.size(); i++) {
      TabularRow row = rows.get(i);
      items.add(
          new BulkItem(row.line(), row.cell(id), row.cell(tag), row.cell(value), row.cell(expiry)));
    }
    return items;
  }

  /** One row per non-blank id, numbered from 1 as listed. */
  static List<BulkItem> ofIds(List<String> ids) {
    List<BulkItem> items = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i) == null ? null : ids.get(i).trim();
      items.add(new BulkItem(i + 1, id, null, null, null));
    }
    return items;
  }

  private static int indexOf(List<String> header, Set<String> names) {
    for (int i = 0; i < header.size(); i++) {
      if (names.contains(header.get(i).trim())) {
        return i;
      }
    }
    return -1;
  }
}
