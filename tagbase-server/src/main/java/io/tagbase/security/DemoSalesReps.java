package io.tagbase.security;

import io.tagbase.TagbaseProperties;
import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo data's sales reps: three users with the sales rep role, so the data scope can be tried.
 * Their password is the administrator's configured one, or a generated one printed once.
 */
@Component
public class DemoSalesReps {
  private static final Logger log = LoggerFactory.getLogger(DemoSalesReps.class);
  public static final List<String> USERNAMES = List.of("sales.li", "sales.wang", "sales.zhao");
  private static final List<String> NAMES = List.of("李销售", "王销售", "赵销售");

  private final UserService users;
  private final TagbaseProperties properties;

  DemoSalesReps(UserService users, TagbaseProperties properties) {
    this.users = users;
    this.properties = properties;
  }

  /** Creates the reps that do not exist yet; returns their user names. */
  public List<String> create() {
    String password = properties.adminPassword();
    boolean generated = password == null || password.length() < UserService.MIN_PASSWORD;
    if (generated) {
      SecureRandom random = new SecureRandom();
      StringBuilder sb = new StringBuilder();
      String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
      for (int i = 0; i < 16; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      password = sb.toString();
    }
    for (int i = 0; i < USERNAMES.size(); i++) {
      String username = USERNAMES.get(i);
      if (users.users().stream().noneMatch(u -> u.username().equals(username))) {
        users.create(USERNAMES.get(i), NAMES.get(i), Role.SALES_REP.name(), password, "demo");
      }
    }
    log.info(
        "Demo sales reps {} log in with {}.",
        USERNAMES,
        generated ? "the password " + password : "the administrator's password");
    return USERNAMES;
  }
}
