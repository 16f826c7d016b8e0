package io.tagbase.demo;

import java.math.BigDecimal;
import java.time.Instant;

/** One generated event; {@code orderId} and {@code amount} are set for orders only. */
record DemoEvent(String type, Instant at, String orderId, BigDecimal amount, String properties) {}
