-- Analytics: conversion's converters now come from the activity days kept in memory (EventActivity,
-- filled from customer_event at start-up by a pass in id order, kept current after each commit), so
-- the index V16 added for them only slowed every event insert. No other query needs it:
--   * conversion outside the in-memory retention, rule inputs for everyone, the event-type picker
--     and the rule editor's list of types read all (or most) events of the table anyway; the rule
--     editor's newest samples of a type walk the primary key backwards (at most once a minute);
--   * per-customer reads (profile's recent events, real-time rule inputs, merges) use
--     customer_event_customer (customer_id, occurred_at); duplicate checks use customer_event_message.
drop index if exists customer_event_type_at;
