// A small ISO 9660 writer for flat, read-only images of a few small files (a cloud-init seed): one
// root directory, a primary volume descriptor with ISO names and a Joliet supplementary descriptor
// with the exact names (Linux, and so cloud-init, reads Joliet when there is no Rock Ridge; Windows
// reads it too). Deterministic by construction: fixed timestamps, entries sorted, no random ids, so
// the same files always give the same bytes (and the same sha256 in the plan).
// Layout per ECMA-119 (ISO 9660) and the Joliet specification (Microsoft, 1995).

export const SECTOR = 2048;
/** Bound per file and per image: a seed is a few kilobytes; anything near this is a mistake. */
export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 16;

export interface IsoFile {
  /** Exact name (Joliet): 1..64 characters, no '/', '\\', ';', '*', '?', ':' or control characters. */
  name: string;
  data: Uint8Array;
}

export interface IsoOptions {
  /** Volume label; written upper-case into the primary descriptor (d-characters) and as given into Joliet. */
  volumeId: string;
  files: IsoFile[];
}

/** 2000-01-01T00:00:00Z: a fixed recording time keeps the image byte-identical across runs. */
const FIXED = { year: 2000, month: 1, day: 1 };

export function isoNameProblem(name: string): string | null {
  if (name.length < 1 || name.length > 64) return 'a name of 1 to 64 characters';
  if (/[\u0000-\u001f/\\;*?:]/u.test(name)) return "a name without '/', '\\', ';', '*', '?', ':' or control characters";
  return null;
}

/** The ISO 9660 (primary descriptor) name: d-characters, a dot, version 1 (`USER_DATA.;1`). */
function primaryName(name: string): string {
  const dot = name.lastIndexOf('.');
  const base = (dot > 0 ? name.slice(0, dot) : name).toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  const ext = (dot > 0 ? name.slice(dot + 1) : '').toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return `${base.slice(0, 30 - Math.min(ext.length, 8) - 1)}.${ext.slice(0, 8)};1`;
}

function ucs2(text: string): Buffer {
  const b = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) b.writeUInt16BE(text.charCodeAt(i), i * 2);
  return b;
}

const both32 = (buf: Buffer, at: number, v: number): void => {
  buf.writeUInt32LE(v, at);
  buf.writeUInt32BE(v, at + 4);
};
const both16 = (buf: Buffer, at: number, v: number): void => {
  buf.writeUInt16LE(v, at);
  buf.writeUInt16BE(v, at + 2);
};

/** Fills `len` bytes at `at` with `text` padded by spaces (ASCII, or UCS-2 big-endian when joliet). */
function field(buf: Buffer, at: number, len: number, text: string, joliet: boolean): void {
  if (joliet) {
    for (let i = 0; i + 1 < len; i += 2) buf.writeUInt16BE(0x20, at + i);
    if (len % 2) buf[at + len - 1] = 0x20;
    ucs2(text).copy(buf, at, 0, Math.min(len - (len % 2), text.length * 2));
  } else {
    buf.fill(0x20, at, at + len);
    buf.write(text.slice(0, len), at, 'ascii');
  }
}

/** 17-byte descriptor date; `zero` writes "not specified". */
function descriptorDate(buf: Buffer, at: number, zero: boolean): void {
  const text = zero ? '0000000000000000' : `${FIXED.year}${String(FIXED.month).padStart(2, '0')}${String(FIXED.day).padStart(2, '0')}00000000`;
  buf.write(text, at, 'ascii');
  buf[at + 16] = 0; // offset from GMT, 15-minute units
}

interface DirEntry {
  /** Identifier bytes (0x00 for '.', 0x01 for '..'). */
  id: Buffer;
  extent: number;
  size: number;
  dir: boolean;
}

function dirRecord(e: DirEntry): Buffer {
  const len = 33 + e.id.length + (e.id.length % 2 === 0 ? 1 : 0);
  const r = Buffer.alloc(len);
  r[0] = len;
  r[1] = 0;
  both32(r, 2, e.extent);
  both32(r, 10, e.size);
  r[18] = FIXED.year - 1900;
  r[19] = FIXED.month;
  r[20] = FIXED.day;
  // hour, minute, second, GMT offset: 0
  r[25] = e.dir ? 0x02 : 0x00;
  both16(r, 28, 1);
  r[32] = e.id.length;
  e.id.copy(r, 33);
  return r;
}

function directory(self: number, entries: DirEntry[]): Buffer {
  const sector = Buffer.alloc(SECTOR);
  let at = 0;
  const all = [{ id: Buffer.from([0]), extent: self, size: SECTOR, dir: true }, { id: Buffer.from([1]), extent: self, size: SECTOR, dir: true }, ...entries];
  for (const e of all) {
    const r = dirRecord(e);
    if (at + r.length > SECTOR) throw new RangeError('too many files for one directory sector');
    r.copy(sector, at);
    at += r.length;
  }
  return sector;
}

/** One path table (root only): 10 bytes. */
function pathTable(rootExtent: number, bigEndian: boolean): Buffer {
  const t = Buffer.alloc(SECTOR);
  t[0] = 1; // identifier length
  t[1] = 0;
  if (bigEndian) {
    t.writeUInt32BE(rootExtent, 2);
    t.writeUInt16BE(1, 6);
  } else {
    t.writeUInt32LE(rootExtent, 2);
    t.writeUInt16LE(1, 6);
  }
  t[8] = 0; // root's identifier, then a pad byte
  return t;
}
const PATH_TABLE_SIZE = 10;

function volumeDescriptor(type: 1 | 2, volumeId: string, totalSectors: number, paths: { l: number; m: number }, root: number): Buffer {
  const joliet = type === 2;
  const d = Buffer.alloc(SECTOR);
  d[0] = type;
  d.write('CD001', 1, 'ascii');
  d[6] = 1;
  field(d, 8, 32, '', joliet); // system identifier
  field(d, 40, 32, volumeId, joliet);
  both32(d, 80, totalSectors);
  if (joliet) d.write('%/E', 88, 'ascii'); // UCS-2 level 3
  both16(d, 120, 1); // volume set size
  both16(d, 124, 1); // volume sequence number
  both16(d, 128, SECTOR);
  both32(d, 132, PATH_TABLE_SIZE);
  d.writeUInt32LE(paths.l, 140);
  d.writeUInt32BE(paths.m, 148);
  dirRecord({ id: Buffer.from([0]), extent: root, size: SECTOR, dir: true }).copy(d, 156);
  field(d, 190, 128, '', joliet); // volume set
  field(d, 318, 128, '', joliet); // publisher
  field(d, 446, 128, '', joliet); // data preparer
  field(d, 574, 128, 'HYPERV-CONVERGE', joliet); // application
  field(d, 702, 37, '', joliet);
  field(d, 739, 37, '', joliet);
  field(d, 776, 37, '', joliet);
  descriptorDate(d, 813, false); // creation
  descriptorDate(d, 830, false); // modification
  descriptorDate(d, 847, true); // expiration
  descriptorDate(d, 864, true); // effective
  d[881] = 1; // file structure version
  return d;
}

function terminator(): Buffer {
  const d = Buffer.alloc(SECTOR);
  d[0] = 255;
  d.write('CD001', 1, 'ascii');
  d[6] = 1;
  return d;
}

const cmp = (a: Buffer, b: Buffer): number => Buffer.compare(a, b);

/** The image's bytes. Throws RangeError for names or sizes outside the bounds above. */
export function buildIso(opts: IsoOptions): Uint8Array {
  const { files } = opts;
  if (!/^[A-Za-z0-9_]{1,16}$/.test(opts.volumeId)) throw new RangeError(`volume id '${opts.volumeId}' must be 1 to 16 of A-Z, a-z, 0-9 and _`);
  if (files.length > MAX_FILES) throw new RangeError(`at most ${MAX_FILES} files`);
  const seen = new Set<string>();
  for (const f of files) {
    const why = isoNameProblem(f.name);
    if (why) throw new RangeError(`file name '${f.name}' is not allowed: expected ${why}`);
    if (f.data.length > MAX_FILE_BYTES) throw new RangeError(`file '${f.name}' is ${f.data.length} bytes; at most ${MAX_FILE_BYTES}`);
    const key = primaryName(f.name);
    if (seen.has(key) || seen.has(f.name.toLowerCase())) throw new RangeError(`file name '${f.name}' collides with another file`);
    seen.add(key);
    seen.add(f.name.toLowerCase());
  }

  // Sectors: 0-15 system area, 16 PVD, 17 Joliet SVD, 18 terminator, 19-22 path tables (L, M, Joliet
  // L, Joliet M), 23 root, 24 Joliet root, then the files in name order.
  const ROOT = 23;
  const JROOT = 24;
  let next = 25;
  const placed = [...files]
    .sort((a, b) => cmp(Buffer.from(a.name, 'utf8'), Buffer.from(b.name, 'utf8')))
    .map((f) => {
      const extent = next;
      next += Math.ceil(f.data.length / SECTOR);
      return { ...f, extent };
    });
  const total = next;

  const primary = placed
    .map((f) => ({ id: Buffer.from(primaryName(f.name), 'ascii'), extent: f.extent, size: f.data.length, dir: false }))
    .sort((a, b) => cmp(a.id, b.id));
  const joliet = placed.map((f) => ({ id: ucs2(f.name), extent: f.extent, size: f.data.length, dir: false })).sort((a, b) => cmp(a.id, b.id));

  const out = Buffer.alloc(total * SECTOR);
  volumeDescriptor(1, opts.volumeId.toUpperCase(), total, { l: 19, m: 20 }, ROOT).copy(out, 16 * SECTOR);
  volumeDescriptor(2, opts.volumeId, total, { l: 21, m: 22 }, JROOT).copy(out, 17 * SECTOR);
  terminator().copy(out, 18 * SECTOR);
  pathTable(ROOT, false).copy(out, 19 * SECTOR);
  pathTable(ROOT, true).copy(out, 20 * SECTOR);
  pathTable(JROOT, false).copy(out, 21 * SECTOR);
  pathTable(JROOT, true).copy(out, 22 * SECTOR);
  directory(ROOT, primary).copy(out, ROOT * SECTOR);
  directory(JROOT, joliet).copy(out, JROOT * SECTOR);
  for (const f of placed) Buffer.from(f.data).copy(out, f.extent * SECTOR);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
