package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImportExpressionTest {
  static final List<String> HEADER = List.of("Quantity", "UnitPrice", "Unit Price", "折扣");

  static TabularRow row(String... cells) {
    return new TabularRow(2, List.of(cells));
  }

  static BigDecimal eval(String expression, String... cells) {
    return ImportExpression.parse(expression, HEADER).evaluate(row(cells));
  }

  @Test
  void amountIsQuantityTimesUnitPrice() {
    assertThat(eval("Quantity * UnitPrice", "6", "2.55", "", "")).isEqualByComparingTo("15.30");
  }

  @Test
  void multiplicationBindsTighterThanAdditionAndParenthesesGroup() {
    assertThat(eval("1 + 2 * 3")).isEqualByComparingTo("7");
    assertThat(eval("(1 + 2) * 3")).isEqualByComparingTo("9");
    assertThat(eval("10 - 4 - 3")).isEqualByComparingTo("3");
    assertThat(eval("-2 * -3 / 4")).isEqualByComparingTo("1.5");
  }

  @Test
  void columnsWithSpacesOrChineseNamesCanBeUsed() {
    assertThat(eval("[Unit Price] * (1 - 折扣)", "", "", "100", "0.2")).isEqualByComparingTo("80");
    assertThat(eval("\"Unit Price\" + quantity", "3", "", "1.5", "")).isEqualByComparingTo("4.5");
  }

  @Test
  void matchesAPlainEvaluationOnRandomNumbers() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      int q = random.nextInt(2000) - 1000;
      BigDecimal p = BigDecimal.valueOf(random.nextInt(100_000), 2);
      BigDecimal d = BigDecimal.valueOf(random.nextInt(100), 2);
      BigDecimal expected = BigDecimal.valueOf(q).multiply(p).subtract(d).add(BigDecimal.ONE);
      assertThat(eval("Quantity * UnitPrice - 折扣 + 1", "" + q, p.toString(), "", d.toString()))
          .isEqualByComparingTo(expected);
    }
  }

  @Test
  void unknownColumnIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> ImportExpression.parse("Quantity * Price", HEADER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'Price'")
        .hasMessageContaining("position 12");
  }

  @Test
  void malformedExpressionsAreRefused() {
    for (String bad :
        List.of("Quantity *", "(1 + 2", "1 + + ", "Quantity UnitPrice", "1.2.3", "")) {
      assertThatThrownBy(() -> ImportExpression.parse(bad, HEADER))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void nothingButArithmeticIsAccepted() {
    assertThatThrownBy(() -> ImportExpression.parse("Runtime.getRuntime()", HEADER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCellThatIsNotANumberNamesTheColumn() {
    assertThatThrownBy(() -> eval("Quantity * UnitPrice", "six", "2.55", "", ""))
        .hasMessage("'six' in column Quantity is not a number");
    assertThatThrownBy(() -> eval("Quantity * UnitPrice", "6", "", "", ""))
        .hasMessage("column UnitPrice is empty");
  }

  @Test
  void divisionByZeroIsARowError() {
    assertThatThrownBy(() -> eval("Quantity / UnitPrice", "6", "0", "", ""))
        .hasMessageContaining("division by zero in column UnitPrice");
  }

  @Test
  void thousandsSeparatorsAndCurrencySignsAreRead() {
    assertThat(eval("Quantity * UnitPrice", "1,000", "¥2.5", "", "")).isEqualByComparingTo("2500");
  }
}
