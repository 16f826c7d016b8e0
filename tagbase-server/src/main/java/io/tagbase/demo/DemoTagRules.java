package io.tagbase.demo;

import io.tagbase.customer.NewCustomer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The rules the demo's tag descriptions state, applied to one generated customer. */
final class DemoTagRules {
  private DemoTagRules() {}

  static List<String> derive(
      NewCustomer c,
      List<DemoEvent> events,
      double spend,
      double highValueCut,
      LocalDate today,
      List<String> tier1) {
    List<String> tags = new ArrayList<>();
    tags.add(c.gender().equals("female") ? "female" : "male");
    if (c.age() <= 25) {
      tags.add("gen_z");
    }
    if (c.age() >= 55) {
      tags.add("senior");
    }
    if (tier1.contains(c.city())) {
      tags.add("tier1_city");
    }
    long orders = events.stream().filter(e -> e.type().equals("order")).count();
    LocalDate lastOrder = lastDay(events, "order");
    LocalDate lastCart = lastDay(events, "add_to_cart");
    long sinceOrder =
        lastOrder == null ? Long.MAX_VALUE : today.toEpochDay() - lastOrder.toEpochDay();
    if (sinceOrder <= 30) {
      tags.add("recent_buyer");
    }
    if (orders >= 6) {
      tags.add("frequent_buyer");
    }
    if (lastCart != null
        && today.toEpochDay() - lastCart.toEpochDay() <= 30
        && (lastOrder == null || lastOrder.isBefore(lastCart))) {
      tags.add("cart_abandoner");
    }
    boolean highValue = spend > 0 && spend >= highValueCut;
    if (highValue) {
      tags.add("high_value");
      if (orders >= 6) {
        tags.add("vip");
      }
    }
    if (c.channel().equals("app") || c.channel().equals("mini_program")) {
      tags.add("mobile_first");
    }
    if (today.toEpochDay() - c.signupDate().toEpochDay() <= 30) {
      tags.add("new_customer");
    }
    if (orders > 0 && sinceOrder > 90) {
      tags.add("dormant");
    }
    if (highValue && sinceOrder > 60) {
      tags.add("churn_risk");
    }
    return tags;
  }

  private static LocalDate lastDay(List<DemoEvent> events, String type) {
    LocalDate last = null;
    for (DemoEvent e : events) {
      if (e.type().equals(type)) {
        LocalDate day = e.at().atOffset(ZoneOffset.ofHours(8)).toLocalDate();
        if (last == null || day.isAfter(last)) {
          last = day;
        }
      }
    }
    return last;
  }
}
