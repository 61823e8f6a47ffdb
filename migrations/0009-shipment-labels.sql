-- A carrier label per size: a re-download in another size keeps the files already fetched, so every
-- size once downloaded reprints without the network. shipments.label_file stays the size in use.
CREATE TABLE shipment_labels (
  shipment_id INTEGER NOT NULL REFERENCES shipments(id),
  size TEXT NOT NULL,
  file TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (shipment_id, size)
) STRICT;

INSERT INTO shipment_labels (shipment_id, size, file, created_at)
  SELECT id, coalesce(label_format, ''), label_file, updated_at FROM shipments WHERE label_file IS NOT NULL;

-- What the operator can do about a shipment's last error, beside the error itself.
ALTER TABLE shipments ADD COLUMN error_hint TEXT;
