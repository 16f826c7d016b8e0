-- The index snapshot now holds the customers' attribute columns too (tagging/IndexSnapshots), so its
-- marker also keeps what would show an attribute change made while the server was down: the latest
-- customer.updated_at (epoch microseconds; every profile write sets it) and the number of custom
-- attribute values (a value or field deleted by SQL).
alter table index_snapshot add column last_customer_update bigint default 0 not null;
alter table index_snapshot add column attribute_values bigint default 0 not null;
