/**
 * A bar chart as PNG bytes, drawn by plain TypeScript so it runs inside Apps Script with no
 * library and no chart service: a palette canvas, filled rectangles, a small 5×7 bitmap
 * font for numbers and ISO months, and a tiny PNG encoder (CRC-32 and Adler-32 computed here).
 *
 * The picture holds no words: its legend and captions are document text, in the member's
 * language (the bitmap font has no Chinese; docs/decisions.md).
 *
 * Compression: every row is "Up"-filtered (the difference to the row above, so a row equal
 * to the one above is all zeros), then deflated with the fixed Huffman code and runs of a
 * repeated byte as matches at distance 1. A flat-coloured chart shrinks about a hundredfold.
 *
 * PNG layout and filters: www.w3.org/TR/png/ (IHDR colour type 3 = palette, bit depth 4;
 * §9.2 filter type 2, Up); zlib: RFC 1950 §2.2; deflate fixed Huffman codes and length
 * codes: RFC 1951 §3.2.5-3.2.6.
 */

export type Rgb = readonly [number, number, number];

// ------------------------------------------------------------------ checksums

let crcTable: Uint32Array | null = null;
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]!) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const LEN_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

/**
 * A zlib stream of `data` in one fixed-Huffman deflate block whose only matches are runs of
 * the previous byte (distance 1). Linear in the data; good for images of flat colour.
 */
export function zlibRuns(data: Uint8Array): Uint8Array {
  const out: number[] = [0x78, 0x01];
  let acc = 0;
  let nbits = 0;
  const put = (v: number, n: number) => {
    acc |= v << nbits;
    nbits += n;
    while (nbits >= 8) {
      out.push(acc & 0xff);
      acc >>>= 8;
      nbits -= 8;
    }
  };
  // Huffman codes are packed starting with their most significant bit (RFC 1951 §3.1.1).
  const code = (c: number, n: number) => {
    let r = 0;
    for (let i = 0; i < n; i++) r = (r << 1) | ((c >>> i) & 1);
    put(r, n);
  };
  const symbol = (v: number) => {
    if (v < 144) code(0x30 + v, 8);
    else if (v < 256) code(0x190 + v - 144, 9);
    else if (v < 280) code(v - 256, 7);
    else code(0xc0 + v - 280, 8);
  };
  const match = (len: number) => {
    let k = LEN_BASE.length - 1;
    while (LEN_BASE[k]! > len) k--;
    symbol(257 + k);
    put(len - LEN_BASE[k]!, LEN_EXTRA[k]!);
    code(0, 5); // distance code 0: distance 1
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = 01, fixed Huffman codes
  let i = 0;
  while (i < data.length) {
    const b = data[i++]!;
    symbol(b);
    let run = 0;
    while (i + run < data.length && data[i + run] === b) run++;
    i += run;
    while (run >= 3) {
      const len = Math.min(run, 258);
      match(len);
      run -= len;
    }
    for (; run > 0; run--) symbol(b);
  }
  symbol(256); // end of block
  if (nbits > 0) out.push(acc & 0xff);
  const ad = adler32(data);
  out.push(ad >>> 24, (ad >>> 16) & 0xff, (ad >>> 8) & 0xff, ad & 0xff);
  return Uint8Array.from(out);
}

// ------------------------------------------------------------------ canvas

/** A palette image (at most 16 colours), one byte per pixel in memory. */
export class Canvas {
  readonly pixels: Uint8Array;
  readonly palette: Rgb[] = [];
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height);
    this.color(background);
  }

  /** Index of a colour in the palette (added when new). */
  color(rgb: Rgb): number {
    const i = this.palette.findIndex((c) => c[0] === rgb[0] && c[1] === rgb[1] && c[2] === rgb[2]);
    if (i >= 0) return i;
    if (this.palette.length >= 16) throw new Error('Chart uses more than 16 colours.');
    this.palette.push(rgb);
    return this.palette.length - 1;
  }

  fillRect(x: number, y: number, w: number, h: number, rgb: Rgb): void {
    const c = this.color(rgb);
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) this.pixels.fill(c, yy * this.width + x0, yy * this.width + x1);
  }

  pixel(x: number, y: number): Rgb {
    return this.palette[this.pixels[y * this.width + x]!]!;
  }

  /** Draws text in the bitmap font; `scale` multiplies the 5×7 glyphs. Returns the width drawn. */
  text(x: number, y: number, s: string, rgb: Rgb, scale = 2): number {
    let cx = Math.round(x);
    for (const ch of s.toUpperCase()) {
      const g = FONT[ch] ?? FONT['?']!;
      for (let row = 0; row < 7; row++) {
        const bits = g[row]!;
        for (let col = 0; col < 5; col++) {
          if (bits & (1 << (4 - col))) this.fillRect(cx + col * scale, y + row * scale, scale, scale, rgb);
        }
      }
      cx += 6 * scale;
    }
    return cx - Math.round(x);
  }

  /** PNG bytes: palette colour type, bit depth 4, no interlace, every row Up-filtered. */
  toPng(): Uint8Array {
    const rowBytes = Math.ceil(this.width / 2);
    const packed = new Uint8Array(rowBytes * this.height);
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const v = this.pixels[y * this.width + x]!;
        packed[y * rowBytes + (x >> 1)]! |= x & 1 ? v : v << 4;
      }
    }
    const raw = new Uint8Array((rowBytes + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      const o = y * (rowBytes + 1);
      raw[o] = 2; // filter: Up
      for (let j = 0; j < rowBytes; j++) {
        const above = y > 0 ? packed[(y - 1) * rowBytes + j]! : 0;
        raw[o + 1 + j] = (packed[y * rowBytes + j]! - above) & 0xff;
      }
    }
    const ihdr = new Uint8Array(13);
    be32(ihdr, 0, this.width);
    be32(ihdr, 4, this.height);
    ihdr[8] = 4; // bit depth
    ihdr[9] = 3; // colour type: palette
    const plte = new Uint8Array(this.palette.length * 3);
    this.palette.forEach((c, i) => {
      plte.set(c, i * 3);
    });
    const chunks = [
      chunk('IHDR', ihdr),
      chunk('PLTE', plte),
      chunk('IDAT', zlibRuns(raw)),
      chunk('IEND', new Uint8Array(0)),
    ];
    const sig = [137, 80, 78, 71, 13, 10, 26, 10];
    const out = new Uint8Array(8 + chunks.reduce((n, c) => n + c.length, 0));
    out.set(sig, 0);
    let p = 8;
    for (const c of chunks) {
      out.set(c, p);
      p += c.length;
    }
    return out;
  }
}

/** Width in pixels of `s` drawn at `scale`. */
export const textWidth = (s: string, scale = 2) => (s.length ? s.length * 6 * scale - scale : 0);

function be32(b: Uint8Array, at: number, v: number): void {
  b[at] = v >>> 24;
  b[at + 1] = (v >>> 16) & 0xff;
  b[at + 2] = (v >>> 8) & 0xff;
  b[at + 3] = v & 0xff;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  be32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  be32(out, 8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

// ------------------------------------------------------------------ font (5×7, rows top to bottom)

const G = (...rows: string[]) =>
  rows.map((r) => Number.parseInt(r.replace(/\./g, '0').replace(/#/g, '1'), 2));
const FONT: Record<string, number[]> = {
  ' ': G('.....', '.....', '.....', '.....', '.....', '.....', '.....'),
  '0': G('.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'),
  '1': G('..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'),
  '2': G('.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'),
  '3': G('#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'),
  '4': G('...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'),
  '5': G('#####', '#....', '####.', '....#', '....#', '#...#', '.###.'),
  '6': G('..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'),
  '7': G('#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'),
  '8': G('.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'),
  '9': G('.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'),
  A: G('.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'),
  B: G('####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'),
  C: G('.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'),
  D: G('###..', '#..#.', '#...#', '#...#', '#...#', '#..#.', '###..'),
  E: G('#####', '#....', '#....', '####.', '#....', '#....', '#####'),
  F: G('#####', '#....', '#....', '####.', '#....', '#....', '#....'),
  G: G('.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'),
  H: G('#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'),
  I: G('.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'),
  J: G('..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'),
  K: G('#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'),
  L: G('#....', '#....', '#....', '#....', '#....', '#....', '#####'),
  M: G('#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'),
  N: G('#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'),
  O: G('.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'),
  P: G('####.', '#...#', '#...#', '####.', '#....', '#....', '#....'),
  Q: G('.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'),
  R: G('####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'),
  S: G('.####', '#....', '#....', '.###.', '....#', '....#', '####.'),
  T: G('#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'),
  U: G('#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'),
  V: G('#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'),
  W: G('#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'),
  X: G('#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'),
  Y: G('#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'),
  Z: G('#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'),
  '-': G('.....', '.....', '.....', '#####', '.....', '.....', '.....'),
  '.': G('.....', '.....', '.....', '.....', '.....', '.##..', '.##..'),
  ',': G('.....', '.....', '.....', '.....', '.##..', '..#..', '.#...'),
  '%': G('##...', '##..#', '...#.', '..#..', '.#...', '#..##', '...##'),
  '/': G('.....', '....#', '...#.', '..#..', '.#...', '#....', '.....'),
  ':': G('.....', '.##..', '.##..', '.....', '.##..', '.##..', '.....'),
  '(': G('...#.', '..#..', '.#...', '.#...', '.#...', '..#..', '...#.'),
  ')': G('.#...', '..#..', '...#.', '...#.', '...#.', '..#..', '.#...'),
  '+': G('.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'),
  '#': G('.#.#.', '.#.#.', '#####', '.#.#.', '#####', '.#.#.', '.#.#.'),
  '&': G('.##..', '#..#.', '#.#..', '.#...', '#.#.#', '#..#.', '.##.#'),
  '¥': G('#...#', '.#.#.', '#####', '..#..', '#####', '..#..', '..#..'),
  $: G('..#..', '.####', '#.#..', '.###.', '..#.#', '####.', '..#..'),
  '€': G('..###', '.#...', '####.', '.#...', '####.', '.#...', '..###'),
  '£': G('..##.', '.#..#', '.#...', '###..', '.#...', '.#...', '#####'),
  '?': G('.###.', '#...#', '....#', '...#.', '..#..', '.....', '..#..'),
};

/** True when the bitmap font can draw every character of `s` (case-insensitive). */
// ------------------------------------------------------------------ bar chart

/** One stacked series. Its name is not drawn: the document's caption names each colour. */
export interface BarChartSeries {
  values: number[];
  color: Rgb;
}

export interface BarChartSpec {
  width: number;
  height: number;
  /** Category labels under the bars: digits and ISO months (`2026-09`), drawn with the bitmap font. */
  categories: string[];
  /** Stacked from the axis up, in order. */
  series: BarChartSeries[];
  /** Label printed above each bar (its total); default: the number with thousands separators. */
  formatTotal?: (n: number) => string;
  /** Size of the bitmap font (pixels per font dot); default 3. */
  textScale?: number;
}

const INK: Rgb = [51, 51, 51];
const AXIS: Rgb = [120, 120, 120];
const GRID: Rgb = [225, 225, 225];

export const groupThousands = (n: number) => {
  const s = String(Math.round(Math.abs(n)));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};

/** Short axis label: 1,500 → 1.5K, 2,000,000 → 2M. */
export function shortNumber(n: number): string {
  const a = Math.abs(n);
  const f = (v: number, suffix: string) => `${Number.isInteger(v) ? v : v.toFixed(1)}${suffix}`;
  if (a >= 1e6) return f(Math.round((n / 1e6) * 10) / 10, 'M');
  if (a >= 1e3) return f(Math.round((n / 1e3) * 10) / 10, 'K');
  return String(Math.round(n));
}

/** A "nice" axis step (1, 2, 2.5 or 5 × 10^k) giving about `ticks` intervals up to `max`. */
export function niceStep(max: number, ticks = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

/** Geometry of the drawn bars (for tests): x, width, and top y of each category's stack. */
export interface BarLayout {
  plot: { x: number; y: number; w: number; h: number };
  bars: { x: number; w: number; top: number; segments: { y: number; h: number }[] }[];
  step: number;
  axisMax: number;
}

export function layoutBarChart(spec: BarChartSpec): BarLayout {
  const n = Math.max(1, spec.categories.length);
  const totals = spec.categories.map((_, i) =>
    spec.series.reduce((s, se) => s + Math.max(0, se.values[i] ?? 0), 0),
  );
  const max = Math.max(0, ...totals);
  const step = niceStep(max);
  const axisMax = max > 0 ? Math.ceil(max / step) * step : step * 5;
  const s = spec.textScale ?? 3;
  const left = 16 + textWidth(shortNumber(axisMax), s) + 12;
  const top = 12 + 7 * s + 10; // room for the tallest bar's total
  const bottom = 14 + 7 * s + 12; // category labels
  const plot = { x: left, y: top, w: spec.width - left - 16, h: spec.height - top - bottom };
  const slot = plot.w / n;
  const bw = Math.max(4, Math.min(slot * 0.6, 120));
  const bars = spec.categories.map((_, i) => {
    const x = plot.x + slot * i + (slot - bw) / 2;
    let base = plot.y + plot.h;
    const segments = spec.series.map((se) => {
      const h = (Math.max(0, se.values[i] ?? 0) / axisMax) * plot.h;
      base -= h;
      return { y: base, h };
    });
    return { x, w: bw, top: base, segments };
  });
  return { plot, bars, step, axisMax };
}

/** Draws a stacked bar chart and returns it as PNG bytes. */
export function barChartPng(spec: BarChartSpec): Uint8Array {
  return drawBarChart(spec).toPng();
}

export function drawBarChart(spec: BarChartSpec): Canvas {
  const c = new Canvas(spec.width, spec.height);
  const L = layoutBarChart(spec);
  const { plot } = L;
  const fmt = spec.formatTotal ?? groupThousands;
  const s = spec.textScale ?? 3;
  const th = 7 * s; // text height

  // Grid lines and y-axis labels.
  for (let v = 0; v <= L.axisMax + 1e-9; v += L.step) {
    const y = Math.round(plot.y + plot.h - (v / L.axisMax) * plot.h);
    c.fillRect(plot.x, y, plot.w, 1, v === 0 ? AXIS : GRID);
    const label = shortNumber(v);
    c.text(plot.x - 12 - textWidth(label, s), y - Math.round(th / 2), label, INK, s);
  }
  c.fillRect(plot.x, plot.y, 1, plot.h + 1, AXIS);

  // Bars, totals above, category labels below.
  L.bars.forEach((b, i) => {
    spec.series.forEach((se, k) => {
      const s = b.segments[k]!;
      if (s.h > 0) c.fillRect(b.x, s.y, b.w, Math.max(1, s.h), se.color);
    });
    const total = spec.series.reduce((s, se) => s + Math.max(0, se.values[i] ?? 0), 0);
    const t = fmt(total);
    c.text(b.x + b.w / 2 - textWidth(t, s) / 2, b.top - th - 8, t, INK, s);
    const cat = spec.categories[i] ?? '';
    c.text(b.x + b.w / 2 - textWidth(cat, s) / 2, plot.y + plot.h + 14, cat, INK, s);
  });
  return c;
}
