package io.tagbase.privacy;

import org.springframework.stereotype.Component;

/**
 * The one place personal data is masked for callers without the permission to see it. API answers
 * are masked as they are written (every {@link PersonalData} property, see {@link
 * PersonalDataSerializer}); console pages call it as {@code @pii.show(kind, value)}; exports take
 * {@link #visible()} when they start (they run later, without the caller) and use {@link
 * #show(String, String, boolean)}. Thread-safe.
 */
@Component("pii")
public class PersonalDataMasking {
  private static volatile CallerAccess current;

  private final CallerAccess caller;

  PersonalDataMasking(CallerAccess caller) {
    this.caller = caller;
    current = caller;
  }

  /** Whether the current caller sees personal data in clear. */
  public boolean visible() {
    return caller.seesPersonalData();
  }

  /** {@code value} as the current caller may see it. */
  public String show(String kind, String value) {
    return show(kind, value, visible());
  }

  /** {@code value} in clear when {@code visible}, masked by its kind otherwise. */
  public String show(String kind, String value, boolean visible) {
    return visible ? value : Masks.mask(kind, value);
  }

  /** The current caller's name, or null for work the system does by itself. */
  public String callerName() {
    String name = caller.name();
    return "system".equals(name) ? null : name;
  }

  public String phone(String value) {
    return show("phone", value);
  }

  public String email(String value) {
    return show("email", value);
  }

  /** For the JSON serializer, which Jackson creates itself: unmasked only with the permission. */
  static boolean callerSeesPersonalData() {
    CallerAccess c = current;
    return c != null && c.seesPersonalData();
  }
}
