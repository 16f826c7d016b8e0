package io.tagbase.taxonomy;

import java.util.List;

/**
 * The starter taxonomy: the six usual groups (基础属性 / 行为 / 价值 / 偏好 / 生命周期 / 风险), each with
 * sub-categories and typical tags, two of them layered (RFM tier, lifecycle stage). Codes match the
 * demo data's where they mean the same, so installing on top of it only adds what is missing.
 */
final class StarterCatalog {
  private StarterCatalog() {}

  static List<NewCategory> categories() {
    return List.of(
        new NewCategory("basic", null, "基础属性", "Basics", 1),
        new NewCategory("demographic", "basic", "人口属性", "Demographics", 1),
        new NewCategory("region", "basic", "地域", "Region", 2),
        new NewCategory("behavior", null, "行为", "Behaviour", 2),
        new NewCategory("purchase", "behavior", "购买行为", "Purchasing", 1),
        new NewCategory("engagement", "behavior", "互动行为", "Engagement", 2),
        new NewCategory("value", null, "价值", "Value", 3),
        new NewCategory("rfm", "value", "RFM 模型", "RFM model", 1),
        new NewCategory("spending", "value", "消费能力", "Spending power", 2),
        new NewCategory("preference", null, "偏好", "Preference", 4),
        new NewCategory("channel_pref", "preference", "渠道偏好", "Channel preference", 1),
        new NewCategory("category_pref", "preference", "品类偏好", "Product preference", 2),
        new NewCategory("lifecycle", null, "生命周期", "Lifecycle", 5),
        new NewCategory("lifecycle_stage", "lifecycle", "生命周期阶段", "Lifecycle stage", 1),
        new NewCategory("risk", null, "风险", "Risk", 6),
        new NewCategory("fraud", "risk", "欺诈风险", "Fraud risk", 1),
        new NewCategory("churn", "risk", "流失风险", "Churn risk", 2));
  }

  static List<NewTag> tags() {
    return List.of(
        flag("female", "demographic", "女性", "Female", "性别为女", "Gender is female"),
        flag("male", "demographic", "男性", "Male", "性别为男", "Gender is male"),
        flag("gen_z", "demographic", "Z世代", "Gen Z", "25 岁及以下", "Aged 25 or under"),
        flag(
            "tier1_city",
            "region",
            "一线城市",
            "Tier-1 city",
            "居住在北上广深",
            "Lives in Beijing, Shanghai, Guangzhou or Shenzhen"),
        rule(
            "recent_buyer",
            "purchase",
            "近30天购买",
            "Bought in last 30 days",
            "近 30 天内有订单",
            "Placed an order in the last 30 days"),
        rule(
            "frequent_buyer",
            "purchase",
            "高频购买",
            "Frequent buyer",
            "累计订单 6 笔及以上",
            "Six or more orders in total"),
        rule(
            "cart_abandoner",
            "engagement",
            "加购未买",
            "Cart abandoner",
            "近 30 天加购但未下单",
            "Added to cart in the last 30 days without ordering"),
        rule(
            "active_30d",
            "engagement",
            "近30天活跃",
            "Active in last 30 days",
            "近 30 天有浏览、互动或订单",
            "Viewed, engaged or ordered in the last 30 days"),
        layered(
            "rfm_tier",
            "rfm",
            "RFM 分层",
            "RFM tier",
            "按最近购买时间、购买频次、消费金额划分的客户价值层级",
            "Customer value tier by recency, frequency and monetary value of purchases",
            TagKind.STATISTICAL,
            List.of(
                new TagValue("champion", "重要价值客户", "Champions"),
                new TagValue("loyal", "重要保持客户", "Loyal"),
                new TagValue("potential", "重要发展客户", "Potential loyalists"),
                new TagValue("at_risk", "重要挽留客户", "At risk"),
                new TagValue("hibernating", "一般客户", "Hibernating"))),
        flag(
            "high_value",
            "spending",
            "高价值客户",
            "High value",
            "累计消费在前 10%",
            "Total spend in the top 10%"),
        flag(
            "price_sensitive",
            "spending",
            "价格敏感",
            "Price sensitive",
            "大部分订单使用了优惠券或折扣",
            "Most orders used a coupon or discount"),
        flag(
            "mobile_first",
            "channel_pref",
            "偏好移动端",
            "Mobile first",
            "通过 App 或小程序注册",
            "Signed up through the app or mini program"),
        flag(
            "store_shopper",
            "channel_pref",
            "偏好门店",
            "Store shopper",
            "多数订单来自线下门店",
            "Most orders were placed in a store"),
        flag(
            "beauty_lover",
            "category_pref",
            "美妆爱好者",
            "Beauty lover",
            "美妆品类消费占比高",
            "Spends a large share on beauty products"),
        layered(
            "lifecycle_stage",
            "lifecycle_stage",
            "生命周期阶段",
            "Lifecycle stage",
            "客户当前所处的生命周期阶段,每位客户只属于一个阶段",
            "The stage of its life with us a customer is in; one stage per customer",
            TagKind.RULE,
            List.of(
                new TagValue("new", "新客", "New"),
                new TagValue("active", "活跃", "Active"),
                new TagValue("dormant", "沉睡", "Dormant"),
                new TagValue("churned", "流失", "Churned"),
                new TagValue("recalled", "召回", "Won back"))),
        sensitive(
            "fraud_suspect",
            "fraud",
            "疑似欺诈",
            "Suspected fraud",
            "风控团队标记的可疑账户",
            "Account flagged by the risk team",
            Sensitivity.RESTRICTED),
        sensitive(
            "coupon_abuser",
            "fraud",
            "羊毛党",
            "Coupon abuser",
            "频繁领券但极少正价购买",
            "Collects many coupons but rarely pays full price",
            Sensitivity.SENSITIVE),
        new NewTag(
            "churn_risk_high",
            "churn",
            "高流失风险",
            "High churn risk",
            "流失预测模型评分前 10%",
            "Top 10% by the churn prediction model score",
            TagKind.MODEL,
            TagStatus.ACTIVE,
            null,
            TagValueType.FLAG,
            null,
            RefreshMode.SCHEDULED,
            null,
            Sensitivity.NORMAL));
  }

  private static NewTag flag(
      String code, String category, String zh, String en, String dzh, String den) {
    return NewTag.flag(code, category, zh, en, dzh, den);
  }

  private static NewTag rule(
      String code, String category, String zh, String en, String dzh, String den) {
    return new NewTag(
        code,
        category,
        zh,
        en,
        dzh,
        den,
        TagKind.RULE,
        TagStatus.ACTIVE,
        null,
        TagValueType.FLAG,
        null,
        RefreshMode.REAL_TIME,
        null,
        Sensitivity.NORMAL);
  }

  private static NewTag layered(
      String code,
      String category,
      String zh,
      String en,
      String dzh,
      String den,
      TagKind kind,
      List<TagValue> values) {
    return new NewTag(
        code,
        category,
        zh,
        en,
        dzh,
        den,
        kind,
        TagStatus.ACTIVE,
        null,
        TagValueType.LAYERED,
        values,
        RefreshMode.SCHEDULED,
        null,
        Sensitivity.NORMAL);
  }

  private static NewTag sensitive(
      String code,
      String category,
      String zh,
      String en,
      String dzh,
      String den,
      Sensitivity sensitivity) {
    return new NewTag(
        code,
        category,
        zh,
        en,
        dzh,
        den,
        TagKind.MANUAL,
        TagStatus.ACTIVE,
        null,
        TagValueType.FLAG,
        null,
        RefreshMode.MANUAL,
        180,
        sensitivity);
  }
}
