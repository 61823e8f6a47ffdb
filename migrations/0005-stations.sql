-- A station is one packing desk, known by the name its device reports (settings.station or the
-- browser's station): the warehouse whose queue it packs, its scanner timing, packing rules and
-- scale. The JSON columns are validated by the zod schemas in main/api/stations.ts on every read, so
-- a new option is a schema default, not a migration. A row appears when a manager first saves one.
CREATE TABLE stations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  warehouse_id INTEGER REFERENCES warehouses(id),
  scanner_json TEXT NOT NULL DEFAULT '{}',
  packing_json TEXT NOT NULL DEFAULT '{}',
  scale_json TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
