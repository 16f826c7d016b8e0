package io.tagbase.taxonomy;

/** The settings of a new tag after defaults are applied to what the caller left out. */
record NewTagDefaults(
    TagKind kind,
    TagStatus status,
    TagValueType valueType,
    RefreshMode refreshMode,
    Sensitivity sensitivity) {

  static NewTagDefaults of(NewTag t) {
    boolean hasValues = t.values() != null && !t.values().isEmpty();
    return new NewTagDefaults(
        t.kind() == null ? TagKind.MANUAL : t.kind(),
        t.status() == null ? TagStatus.ACTIVE : t.status(),
        t.valueType() != null
            ? t.valueType()
            : hasValues ? TagValueType.LAYERED : TagValueType.FLAG,
        t.refreshMode() == null ? RefreshMode.MANUAL : t.refreshMode(),
        t.sensitivity() == null ? Sensitivity.NORMAL : t.sensitivity());
  }
}
