package io.tagbase.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field or record component that holds personal information (phone, e-mail, ...). Masking,
 * export rules and erasure key off this marker; a test checks that the known personal fields carry
 * it. In JSON answers a marked property is masked for callers without the permission to see
 * personal data ({@link PersonalDataSerializer}).
 */
@Documented
@com.fasterxml.jackson.annotation.JacksonAnnotationsInside
@tools.jackson.databind.annotation.JsonSerialize(using = PersonalDataSerializer.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface PersonalData {}
