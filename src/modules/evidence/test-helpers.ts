/**
 * Test inputs made on the spot: photos written by sharp with the EXIF a phone would write (camera, time,
 * GPS, orientation), a minimal PDF, and the first bytes of types that must be refused.
 */
import sharp from 'sharp';

export interface PhotoOptions {
  width?: number;
  height?: number;
  format?: 'jpeg' | 'png' | 'webp';
  /** Left half this colour, right half `right` (so a rotation can be seen in the pixels). */
  left?: string;
  right?: string;
  alpha?: boolean;
  gps?: { lat: number; lng: number };
  orientation?: number;
  make?: string;
  model?: string;
  /** EXIF form, 'YYYY:MM:DD HH:MM:SS'. */
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  /** An XMP packet to embed as well. */
  xmp?: string;
}

/** Degrees → EXIF rational 'd/1 m/1 s/100'. */
function dms(value: number): string {
  const abs = Math.abs(value);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

export async function photo(options: PhotoOptions = {}): Promise<Buffer> {
  const width = options.width ?? 400;
  const height = options.height ?? 200;
  const channels = options.alpha ? 4 : 3;
  const half = Math.floor(width / 2);
  const leftHalf = await sharp({
    create: { width: half, height, channels, background: options.left ?? '#ff0000' },
  })
    .png()
    .toBuffer();
  let image = sharp({
    create: {
      width,
      height,
      channels,
      background: options.alpha ? { r: 0, g: 0, b: 255, alpha: 0.5 } : (options.right ?? '#0000ff'),
    },
  }).composite([{ input: leftHalf, left: 0, top: 0 }]);

  const ifd0: Record<string, string> = {};
  if (options.make) ifd0.Make = options.make;
  if (options.model) ifd0.Model = options.model;
  const ifd2: Record<string, string> = {};
  if (options.dateTimeOriginal) ifd2.DateTimeOriginal = options.dateTimeOriginal;
  if (options.offsetTimeOriginal) ifd2.OffsetTimeOriginal = options.offsetTimeOriginal;
  const ifd3: Record<string, string> = {};
  if (options.gps) {
    ifd3.GPSLatitudeRef = options.gps.lat >= 0 ? 'N' : 'S';
    ifd3.GPSLatitude = dms(options.gps.lat);
    ifd3.GPSLongitudeRef = options.gps.lng >= 0 ? 'E' : 'W';
    ifd3.GPSLongitude = dms(options.gps.lng);
  }
  if (Object.keys(ifd0).length + Object.keys(ifd2).length + Object.keys(ifd3).length > 0) {
    image = image.withExif({ IFD0: ifd0, IFD2: ifd2, IFD3: ifd3 });
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  if (options.xmp) image = image.withXmp(options.xmp);

  switch (options.format ?? 'jpeg') {
    case 'jpeg':
      return image.jpeg({ quality: 90 }).toBuffer();
    case 'png':
      return image.png().toBuffer();
    case 'webp':
      return image.webp({ quality: 90 }).toBuffer();
  }
}

/** The smallest PDF readers accept: one empty page. */
export function minimalPdf(): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(body.length);
    body += o;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The start of an iPhone HEIC file (ftyp box, brand heic): enough for sniffing. */
export function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(64)]);
}

/** An XMP packet that carries a location, as some editors write it. */
export const XMP_WITH_GPS =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" ' +
  'exif:GPSLatitude="30,15.0N" exif:GPSLongitude="120,10.5E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
