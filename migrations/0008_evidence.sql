-- Evidence files (证据 / 照片): photos and PDFs attached to cases, stored on disk by content hash under the
-- files directory (see docs/evidence.md) — this table only describes them. A row is inserted after the
-- original and its derived copies are durable on disk, so a row always has its files. The same content
-- uploaded twice is one row (the first upload's origin, uploader and time are kept).
CREATE TABLE files (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  -- lower-case hex SHA-256 of the original bytes: the file's identity and its path on disk
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- the type sniffed from the content (never the name or the Content-Type the client claimed)
  mime text NOT NULL CHECK (mime ~ '^[a-z]+/[a-z0-9.+-]+$'),
  byte_size bigint NOT NULL CHECK (byte_size > 0),
  -- images: as displayed, i.e. after the EXIF orientation is applied; null for PDFs
  width integer CHECK (width > 0),
  height integer CHECK (height > 0),
  -- staff-only camera metadata read from the original's EXIF: { make, model, dateTimeOriginal,
  -- offsetTimeOriginal, gps: { lat, lng } | null, orientation }; null when the file has no EXIF.
  -- Personal data (where a photo was taken): never copied into events or public copies.
  exif jsonb,
  origin text NOT NULL CHECK (origin IN ('staff', 'public')),
  -- null for anonymous public uploads
  uploaded_by bigint,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, sha256),
  CHECK ((width IS NULL) = (height IS NULL)),
  FOREIGN KEY (tenant_id, uploaded_by) REFERENCES accounts (tenant_id, id)
);
