package io.tagbase.governance;

import java.time.Instant;
import java.util.List;

/**
 * A change to an active tag's definition waiting for (or decided by) an approver, with its dry-run
 * effect as of the request: members now, members after the change, who would enter and leave.
 *
 * @param kind RULE (a rule tag's rule), TEMPLATE (template settings) or DEFINITION (the tag's own
 *     fields)
 * @param program for TEMPLATE, the proposed template (LAYERED, RFM, LIFECYCLE, STATISTIC)
 * @param current what the request changes, as shown in its diff: the rule text, the template
 *     settings (a {@code program:} line, then JSON) or the definition (JSON); null when there was
 *     none
 * @param proposed the change: the rule text, the settings JSON or the definition JSON
 * @param entering for a template, the sum over its values (a customer moving from one value to
 *     another enters one and leaves the other); for a definition change, 0 (no field that needs
 *     approval moves members at once)
 * @param effect for a template, the dry run per tag and value it writes; empty otherwise
 * @param baseVersion for DEFINITION, the tag's definition version the change was made against
 * @param status PENDING, APPROVED or REJECTED
 */
public record ChangeRequest(
    long id,
    String tagCode,
    String kind,
    String program,
    String current,
    String proposed,
    long membersNow,
    long membersThen,
    long entering,
    long leaving,
    List<ValueEffect> effect,
    Integer baseVersion,
    String status,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String note) {

  /** The dry run of one value of a template tag (value null: a flag tag's members). */
  public record ValueEffect(String tag, String value, long members, long entering, long leaving) {}

  /** The proposed change as shown in the diff (templates get their program line). */
  public String proposedText() {
    return "TEMPLATE".equals(kind) ? "program: " + program + "\n" + proposed : proposed;
  }
}
