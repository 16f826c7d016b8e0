package io.tagbase.automation;

/**
 * When an automation starts: {@code target} is a tag code (TAG_*), a segment code (SEGMENT_*,
 * SCHEDULE) or an event type (EVENT); {@code value} a layered tag's value; {@code condition} a rule
 * that must hold for an EVENT trigger; {@code time} the time of day (HH:mm) for SCHEDULE.
 */
public record AutomationTrigger(
    TriggerKind kind, String target, String value, String condition, String time) {}
