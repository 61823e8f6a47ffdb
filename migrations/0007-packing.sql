-- Packing at a station. A pack session is one order opened at one desk by one packer; its pack scans
-- are the audit of every scan, accepted or refused (refusals count as scan errors in the station
-- metrics). order_lines.verified_qty stays the running total that the state machine checks before
-- `packed`; a scan changes it in the same transaction as its pack_scans row, so the two always agree:
-- verified_qty = sum(quantity) of the open session's ok, not undone scans of that line.
--   open → packed (completed) | paused (order back to ready_to_pack, exception opened)
--        | released (the packer switched orders) | cancelled (the order was cancelled meanwhile)
CREATE TABLE pack_sessions (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  -- The desk's name as stations.name / print_jobs.station (a station needs no saved row to pack).
  station TEXT NOT NULL COLLATE NOCASE,
  operator_id INTEGER REFERENCES operators(id),
  status TEXT NOT NULL CHECK (status IN ('open', 'packed', 'paused', 'released', 'cancelled')),
  pause_reason TEXT CHECK (pause_reason IN ('missing_item', 'damaged', 'other')),
  note TEXT NOT NULL DEFAULT '',
  weight_g INTEGER CHECK (weight_g > 0),
  -- A manager let the order be packed with lines not fully verified (also an order event).
  override_by INTEGER REFERENCES operators(id),
  override_reason TEXT,
  override_at INTEGER,
  started_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;
-- One desk at a time holds an order.
CREATE UNIQUE INDEX pack_sessions_open_order ON pack_sessions(order_id) WHERE status = 'open';
CREATE INDEX pack_sessions_station ON pack_sessions(station, status);
CREATE INDEX pack_sessions_finished ON pack_sessions(finished_at, operator_id) WHERE status = 'packed';

CREATE TABLE pack_scans (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES pack_sessions(id),
  code TEXT NOT NULL,
  variant_id INTEGER REFERENCES variants(id),
  -- No foreign key: a paused order may be edited, which replaces its lines; the scan stays as history.
  line_id INTEGER,
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  result TEXT NOT NULL CHECK (result IN ('ok', 'wrong_item', 'extra_unit', 'order_cancelled', 'unknown')),
  -- 1 when the quantity was typed after a scan rather than scanned unit by unit.
  typed INTEGER NOT NULL DEFAULT 0 CHECK (typed IN (0, 1)),
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX pack_scans_session ON pack_scans(session_id, id);
CREATE INDEX pack_scans_at ON pack_scans(at, result);

-- Every scan is one indexed lookup (specs/hardware.md §1.3): a marketplace's order id is scanned
-- without knowing its channel, and a tracking number without knowing its carrier.
CREATE INDEX orders_external ON orders(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX shipments_tracking_any ON shipments(tracking_number) WHERE tracking_number IS NOT NULL;
-- The pack queue: a warehouse's ready orders by ship-by deadline, then age.
CREATE INDEX orders_pack_queue ON orders(warehouse_id, status, ship_by, created_at);
