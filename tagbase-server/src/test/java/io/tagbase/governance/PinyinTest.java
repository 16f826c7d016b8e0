package io.tagbase.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTest {

  @Test
  void commonTagWordsAreRomanised() {
    assertThat(Pinyin.of("高价值客户")).isEqualTo("gaojiazhikehu");
    assertThat(Pinyin.of("流失风险")).isEqualTo("liushifengxian");
    assertThat(Pinyin.of("重要会员")).isEqualTo("zhongyaohuiyuan");
  }

  @Test
  void unknownCharactersAreKeptAndReportedAsNotCovered() {
    assertThat(Pinyin.of("VIP客户")).isEqualTo("vipkehu");
    assertThat(Pinyin.covers("高价值客户")).isTrue();
    assertThat(Pinyin.covers("龘")).isFalse();
  }

  @Test
  void editDistanceCountsSingleCharacterEdits() {
    assertThat(NameDistance.distance("高价值客户", "高价值顾客")).isEqualTo(2);
    assertThat(NameDistance.distance("", "abc")).isEqualTo(3);
    assertThat(NameDistance.distance("kitten", "sitting")).isEqualTo(3);
  }
}
