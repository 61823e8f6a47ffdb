-- A printer a station prints to. The station row is created when a profile is first saved for it, so
-- a desk needs no other settings to print. transport_json and purposes_json are validated by the zod
-- schemas in main/domain/printing/printer-profile-rules.ts on every read. Profiles are archived, never
-- deleted: print jobs keep pointing at the printer they used.
CREATE TABLE printer_profiles (
  id INTEGER PRIMARY KEY,
  station_id INTEGER NOT NULL REFERENCES stations(id),
  name TEXT NOT NULL,
  purposes_json TEXT NOT NULL DEFAULT '[]',
  transport_json TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('escpos', 'tspl', 'zpl', 'pdf')),
  media TEXT NOT NULL,
  dpi INTEGER NOT NULL CHECK (dpi IN (203, 300)),
  offset_x_mm REAL NOT NULL DEFAULT 0,
  offset_y_mm REAL NOT NULL DEFAULT 0,
  darkness INTEGER NOT NULL DEFAULT 8 CHECK (darkness BETWEEN 0 AND 15),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  archived_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX printer_profiles_station ON printer_profiles(station_id, archived_at);

-- The print queue, apart from the outbox: printing must go on while the internet is down (the job
-- runner pauses offline) and one printer's jobs come out strictly in the order they were queued. A job
-- names its station and purpose; the printer is chosen when it runs (profile_id is then kept so a retry
-- goes to the same printer and the queue can show where it went).
--   queued   → printing → printed
--   queued   → waiting (printer off, out of paper, shipment still booking; retried by itself) → …
--   queued|waiting → cancelled (operator) | refused (cancelled order, no printer for the purpose)
--   printing → queued again after a crash (the worker requeues stale 'printing' rows on start)
CREATE TABLE print_jobs (
  id INTEGER PRIMARY KEY,
  station TEXT NOT NULL COLLATE NOCASE,
  purpose TEXT NOT NULL CHECK (purpose IN ('label', 'slip', 'document')),
  document_json TEXT NOT NULL,
  order_id INTEGER REFERENCES orders(id),
  copies INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 20),
  profile_id INTEGER REFERENCES printer_profiles(id),
  status TEXT NOT NULL CHECK (status IN ('queued', 'waiting', 'printing', 'printed', 'cancelled', 'refused')),
  attempts INTEGER NOT NULL DEFAULT 0,
  run_after INTEGER NOT NULL,
  -- Why the job waits or was refused: a code the screen translates, and the detail (a socket error).
  message_code TEXT,
  message_detail TEXT,
  reprint_of INTEGER REFERENCES print_jobs(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  printed_at INTEGER
) STRICT;
CREATE INDEX print_jobs_station ON print_jobs(station, id DESC);
CREATE INDEX print_jobs_pending ON print_jobs(id) WHERE status IN ('queued', 'waiting', 'printing');
CREATE INDEX print_jobs_order ON print_jobs(order_id) WHERE order_id IS NOT NULL;
