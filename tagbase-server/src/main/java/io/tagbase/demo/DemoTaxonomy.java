package io.tagbase.demo;

import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import java.util.List;

/** The demo's starter taxonomy: the six usual groups (基础属性 / 行为 / 价值 / 偏好 / 生命周期 / 风险). */
final class DemoTaxonomy {
  private DemoTaxonomy() {}

  static List<NewCategory> categories() {
    return List.of(
        category("basic", null, "基础属性", "Basics", 1),
        category("demographic", "basic", "人口属性", "Demographics", 1),
        category("region", "basic", "地域", "Region", 2),
        category("behavior", null, "行为", "Behaviour", 2),
        category("value", null, "价值", "Value", 3),
        category("preference", null, "偏好", "Preference", 4),
        category("lifecycle", null, "生命周期", "Lifecycle", 5),
        category("risk", null, "风险", "Risk", 6));
  }

  static List<NewTag> tags() {
    return List.of(
        tag("female", "demographic", "女性", "Female", "性别为女", "Gender is female"),
        tag("male", "demographic", "男性", "Male", "性别为男", "Gender is male"),
        tag("gen_z", "demographic", "Z世代", "Gen Z", "25 岁及以下", "Aged 25 or under"),
        tag("senior", "demographic", "银发族", "Senior", "55 岁及以上", "Aged 55 or over"),
        tag(
            "tier1_city",
            "region",
            "一线城市",
            "Tier-1 city",
            "居住在北上广深",
            "Lives in Beijing, Shanghai, Guangzhou or Shenzhen"),
        tag(
            "recent_buyer",
            "behavior",
            "近30天购买",
            "Bought in last 30 days",
            "近 30 天内有订单",
            "Placed an order in the last 30 days"),
        tag(
            "frequent_buyer",
            "behavior",
            "高频购买",
            "Frequent buyer",
            "累计订单 6 笔及以上",
            "Six or more orders in total"),
        tag(
            "cart_abandoner",
            "behavior",
            "加购未买",
            "Cart abandoner",
            "近 30 天加购但未下单",
            "Added to cart in the last 30 days without ordering"),
        tag(
            "high_value",
            "value",
            "高价值客户",
            "High value",
            "累计消费在前 10%",
            "Total spend in the top 10%"),
        tag("vip", "value", "VIP", "VIP", "高价值且高频", "High value and frequent"),
        tag(
            "mobile_first",
            "preference",
            "偏好移动端",
            "Mobile first",
            "通过 App 或小程序注册",
            "Signed up through the app or mini program"),
        tag(
            "new_customer",
            "lifecycle",
            "新客",
            "New customer",
            "注册 30 天内",
            "Signed up in the last 30 days"),
        tag(
            "dormant",
            "lifecycle",
            "沉睡",
            "Dormant",
            "曾下单但 90 天以上未下单",
            "Ordered before, but not in the last 90 days"),
        tag(
            "churn_risk",
            "risk",
            "流失风险",
            "Churn risk",
            "高价值但 60 天以上未下单",
            "High value with no order in 60 days"));
  }

  private static NewCategory category(String code, String parent, String zh, String en, int sort) {
    return new NewCategory(code, parent, zh, en, sort);
  }

  private static NewTag tag(
      String code, String category, String zh, String en, String descZh, String descEn) {
    return NewTag.flag(code, category, zh, en, descZh, descEn);
  }
}
