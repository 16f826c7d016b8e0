package io.tagbase.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class TagFormTest {

  private static TagForm layered(String values) {
    return new TagForm(
        "stage",
        "lifecycle",
        "阶段",
        "Stage",
        "",
        " ",
        null,
        null,
        "",
        TagValueType.LAYERED,
        values,
        null,
        null,
        null,
        null);
  }

  @Test
  void valueLinesAcceptLatinAndChineseCommas() {
    NewTag tag = layered("new, 新客, New\r\n\nactive，活跃，Active\n").toNewTag();
    assertThat(tag.values())
        .containsExactly(new TagValue("new", "新客", "New"), new TagValue("active", "活跃", "Active"));
  }

  @Test
  void blankTextFieldsBecomeNull() {
    NewTag tag = layered("a1, 甲, A\nb1, 乙, B").toNewTag();
    assertThat(tag.descriptionZh()).isNull();
    assertThat(tag.descriptionEn()).isNull();
    assertThat(tag.owner()).isNull();
  }

  @Test
  void valueLineWithoutThreePartsIsRefusedNamingTheLine() {
    assertThatThrownBy(() -> layered("new, 新客, New\nactive 活跃").toNewTag())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2");
  }
}
