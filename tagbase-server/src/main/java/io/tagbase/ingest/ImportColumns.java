package io.tagbase.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds columns by name and suggests which column feeds which field, by the names exports usually
 * give them (English and Chinese). Stateless.
 */
final class ImportColumns {
  private static final Map<String, Set<String>> NAMES =
      Map.ofEntries(
          Map.entry(
              "externalId",
              Set.of("externalid", "customerid", "customer", "客户编号", "客户id", "会员编号", "id")),
          Map.entry("userId", Set.of("userid", "用户id", "用户编号")),
          Map.entry("anonymousId", Set.of("anonymousid", "匿名id")),
          Map.entry("phone", Set.of("phone", "mobile", "手机", "手机号", "电话", "手机号码")),
          Map.entry("email", Set.of("email", "mail", "邮箱", "电子邮件")),
          Map.entry("crmId", Set.of("crmid", "crm编号")),
          Map.entry("wecom", Set.of("wecom", "externaluserid", "企业微信")),
          Map.entry("displayName", Set.of("displayname", "name", "姓名", "名称", "客户名称")),
          Map.entry("gender", Set.of("gender", "sex", "性别")),
          Map.entry("age", Set.of("age", "年龄")),
          Map.entry("city", Set.of("city", "城市")),
          Map.entry("channel", Set.of("channel", "source", "渠道", "来源")),
          Map.entry("signupDate", Set.of("signupdate", "registerdate", "注册日期", "注册时间")),
          Map.entry(
              "customer",
              Set.of("customerid", "customer", "externalid", "客户编号", "客户id", "userid", "会员编号")),
          Map.entry("type", Set.of("type", "eventtype", "event", "事件", "事件类型")),
          Map.entry(
              "timestamp",
              Set.of(
                  "timestamp",
                  "time",
                  "date",
                  "invoicedate",
                  "orderdate",
                  "occurredat",
                  "时间",
                  "日期",
                  "下单时间",
                  "订单时间")),
          Map.entry("orderId", Set.of("orderid", "invoiceno", "invoice", "order", "订单号", "订单编号")),
          Map.entry("amount", Set.of("amount", "total", "金额", "订单金额", "实付金额")));

  private static final Set<String> QUANTITY = Set.of("quantity", "qty", "数量");
  private static final Set<String> PRICE = Set.of("unitprice", "price", "单价");

  private ImportColumns() {}

  /** The index of {@code name} in {@code header}: exact match first, then ignoring case; or -1. */
  static int indexOf(List<String> header, String name) {
    if (name == null) {
      return -1;
    }
    int exact = header.indexOf(name.trim());
    if (exact >= 0) {
      return exact;
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(name.trim())) {
        return i;
      }
    }
    return -1;
  }

  /** The column a field's usual names match, or null. */
  static String suggest(String target, List<String> header) {
    Set<String> names = NAMES.getOrDefault(target, Set.of(key(target)));
    for (String column : header) {
      if (names.contains(key(column))) {
        return column;
      }
    }
    return null;
  }

  /** "Quantity * UnitPrice" when the file has a quantity and a unit price column, else null. */
  static String suggestAmount(List<String> header) {
    String quantity = null;
    String price = null;
    for (String column : header) {
      quantity = quantity == null && QUANTITY.contains(key(column)) ? column : quantity;
      price = price == null && PRICE.contains(key(column)) ? column : price;
    }
    return quantity == null || price == null ? null : quote(quantity) + " * " + quote(price);
  }

  private static String quote(String column) {
    return column.matches("[\\p{L}\\p{N}_.]+") ? column : "[" + column + "]";
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
  }
}
