package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Chinese and English forms of a rule parse to the same tree, and print canonically. */
class RuleParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          count(order, last 30 days) >= 3 and 城市 in ("上海", "北京") | 近30天 order 次数 >= 3 且 城市 属于 (上海, 北京)
          count(下单, last 30 days) >= 3 | 近30天下单次数 >= 3
          has tag vip and not has tag churn_risk | 有标签 vip 且 非 有标签 churn_risk
          tag rfm = champion | 标签 rfm 为 champion
          rfm = "champion" | rfm 为 「champion」
          sum(order, quantity * unit_price, last 90 days) > 1000 | 近90天 order 的 quantity * unit_price 总和 > 1000
          days since last(order) > 60 | 距上次 order 天数 > 60
          did order in last 7 days | 近7天 做过 order
          did not visit in last 30 days | 近30天 未做过 visit
          count(order where country = "UK", last 30 days) > 0 | 近30天 order 其中 country = UK 次数 > 0
          distinct count(order, sku) >= 2 | order 的 sku 去重数 >= 2
          avg(order, amount, between 2026-01-01 and 2026-01-31) < 5 | 从 2026-01-01 至 2026-01-31 order 的 amount 平均 < 5
          signup >= today - 30 days | signup >= 今天 - 30 天
          city != "x" or age between 18 and 30 | city 不等于 x 或 age 介于 18 和 30
          name starts with "张" AND name ENDS WITH "三" | name 开头是 张 且 name 结尾是 三
          interests has some of ("a", "b") | interests 包含任一 （a， b）
          tags has none of (vip, gold) | 标签集 不包含任何 (vip、gold)
          email missing or phone exists | email 缺失 或 phone 存在
          first(order, before today) = 2026-01-31 | 早于 今天 order 首次时间 = 2026-01-31
          """)
  void chineseAndEnglishFormsAreTheSameRule(String english, String chinese) {
    assertThat(RuleText.parse(chinese)).isEqualTo(RuleText.parse(english));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          COUNT(order, LAST 30 DAYS) >= 3 AND city IN ('a') | count(order, last 30 days) >= 3 and city in ("a")
          (a = 1 or b = 2) and not (c = 3 and d = 4) | (a = 1 or b = 2) and not (c = 3 and d = 4)
          a = 1 or (b = 2 or c = 3) | a = 1 or (b = 2 or c = 3)
          sum(o, (a + b) * c - (d - e)) > 1.50 | sum(o, (a + b) * c - (d - e)) > 1.5
          `last` = true and `城市 名` != -2 | `last` = true and `城市 名` != -2
          did o where (a = 1 or b = 2) in after today - 3 days | did o where (a = 1 or b = 2) in after today - 3 days
          x matches "^a\\\\d+$" | x matches "^a\\\\d+$"
          """)
  void printsCanonicalText(String text, String canonical) {
    assertThat(RuleText.print(RuleText.parse(text))).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          次数(order, 近30天) >= 3 | count(order, last 30 days) >= 3
          age 介于 1 至 5 或 age 小于等于 0 | age between 1 and 5 or age <= 0
          phone matches "^1[3-9]\\d{9}$" | phone matches "^1[3-9]\\\\d{9}$"
          did order where (country = "UK" and coupon = true) | did order where (country = "UK" and coupon = true)
          晚于 今天 - 7 天 order 最近时间 exists | last(order, after today - 7 days) exists
          city ＝ “上海” 或 age ≥ 3 | city = "上海" or age >= 3
          """)
  void documentedFormsParse(String text, String canonical) {
    assertThat(RuleText.print(RuleText.parse(text))).isEqualTo(canonical);
  }
}
