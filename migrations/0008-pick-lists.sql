-- A pick list gathers ready_to_pack orders of one warehouse so a picker walks the bins once; its
-- code (PL + number + a check digit) is printed as a barcode that opens the orders for packing.
-- An order sits in at most one open/picked pick list: the domain refuses a second one inside the
-- creating transaction (SQLite runs one writer at a time, so the check cannot race).
CREATE TABLE pick_lists (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE,
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  status TEXT NOT NULL CHECK (status IN ('open', 'picked', 'done', 'cancelled')),
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES operators(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX pick_lists_created ON pick_lists(created_at DESC, id DESC);
CREATE INDEX pick_lists_status ON pick_lists(status, created_at DESC);

-- The orders of a pick list in packing order (position 0, 1, …).
CREATE TABLE pick_list_orders (
  pick_list_id INTEGER NOT NULL REFERENCES pick_lists(id),
  order_id INTEGER NOT NULL REFERENCES orders(id),
  position INTEGER NOT NULL CHECK (position >= 0),
  PRIMARY KEY (pick_list_id, order_id),
  UNIQUE (pick_list_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX pick_list_orders_order ON pick_list_orders(order_id);
