/**
 * The rule language: text ({@link io.tagbase.engine.rule.RuleText}, English and Chinese forms, see
 * docs/rules.md) and JSON ({@link io.tagbase.engine.rule.RuleJson}) for one AST of sealed records
 * ({@link io.tagbase.engine.rule.Rule}); a checker against a {@link
 * io.tagbase.engine.rule.RuleSchema}; and two evaluators that agree: {@link
 * io.tagbase.engine.rule.BitmapPlan} over the whole population's {@link
 * io.tagbase.engine.rule.RuleData}, and {@link io.tagbase.engine.rule.CustomerPredicate} for one
 * customer's {@link io.tagbase.engine.rule.CustomerRecord}, with explain. Rules are data: nothing
 * here hands them to a scripting engine. RuleLexer, RuleParser and RuleVisitor are generated from
 * Rule.g4 and are not part of the API.
 */
package io.tagbase.engine.rule;
