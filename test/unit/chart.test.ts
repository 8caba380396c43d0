/**
 * The chart's PNG: valid checksums and zlib stream (checked with Node's own zlib), the
 * right size, and bars whose drawn heights follow the values.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32, barChartPng, crc32, drawBarChart, layoutBarChart, zlibRuns } from '../../src/domain/chart';

const enc = (s: string) => new TextEncoder().encode(s);

interface Chunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}
function chunks(png: Uint8Array): Chunk[] {
  const b = Buffer.from(png);
  expect([...b.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const out: Chunk[] = [];
  let p = 8;
  while (p < b.length) {
    const len = b.readUInt32BE(p);
    const type = b.toString('latin1', p + 4, p + 8);
    const data = b.subarray(p + 8, p + 8 + len);
    const crc = b.readUInt32BE(p + 8 + len);
    out.push({ type, data, crcOk: crc === crc32(new Uint8Array(b.subarray(p + 4, p + 8 + len))) });
    p += 12 + len;
  }
  return out;
}

/** Decodes our 4-bit palette PNG into rows of RGB triples. */
function decode(png: Uint8Array) {
  const cs = chunks(png);
  const ihdr = cs.find((c) => c.type === 'IHDR')!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const plte = cs.find((c) => c.type === 'PLTE')!.data;
  const raw = inflateSync(Buffer.concat(cs.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const rowBytes = Math.ceil(width / 2);
  // Undo the row filters (none or Up, www.w3.org/TR/png/#9Filters).
  const rows = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (rowBytes + 1)]!;
    expect([0, 2]).toContain(f);
    for (let j = 0; j < rowBytes; j++) {
      const above = f === 2 && y > 0 ? rows[(y - 1) * rowBytes + j]! : 0;
      rows[y * rowBytes + j] = (raw[y * (rowBytes + 1) + 1 + j]! + above) & 0xff;
    }
  }
  const px = (x: number, y: number) => {
    const byte = rows[y * rowBytes + (x >> 1)]!;
    const i = x & 1 ? byte & 15 : byte >> 4;
    return [plte[i * 3], plte[i * 3 + 1], plte[i * 3 + 2]];
  };
  return { width, height, ihdr, cs, px, raw };
}

describe('checksums and zlib', () => {
  it('CRC-32 and Adler-32 match the standard check values', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
    expect(adler32(enc('Wikipedia'))).toBe(0x11e60398);
  });

  it('the run-length deflate stream inflates back to the data (runs of every length, all byte values)', () => {
    const parts: number[] = [];
    for (let len = 1; len <= 600; len += 7) for (let k = 0; k < len; k++) parts.push((len * 37) & 255);
    for (let v = 0; v < 256; v++) parts.push(v);
    const data = Uint8Array.from(parts);
    const z = zlibRuns(data);
    expect(Buffer.compare(inflateSync(Buffer.from(z)), Buffer.from(data))).toBe(0);
    expect(Buffer.compare(inflateSync(Buffer.from(zlibRuns(new Uint8Array(0)))), Buffer.alloc(0))).toBe(0);
    const flat = new Uint8Array(300_000);
    expect(Buffer.compare(inflateSync(Buffer.from(zlibRuns(flat))), Buffer.from(flat))).toBe(0);
    expect(zlibRuns(flat).length).toBeLessThan(3_000);
  });
});

describe('bar chart PNG', () => {
  const CASH = [31, 78, 121] as const;
  const KIND = [143, 183, 222] as const;
  const spec = {
    width: 600,
    height: 300,
    categories: ['2026-09', '2026-10', '2026-11'],
    series: [
      { values: [1000, 2000, 0], color: CASH },
      { values: [500, 0, 0], color: KIND },
    ],
  };

  it('is a valid PNG of the asked size, every chunk CRC correct', () => {
    const png = barChartPng(spec);
    const d = decode(png);
    expect([d.width, d.height]).toEqual([600, 300]);
    expect(d.ihdr[8]).toBe(4); // bit depth
    expect(d.ihdr[9]).toBe(3); // palette
    expect(d.cs.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect(d.cs.every((c) => c.crcOk)).toBe(true);
    expect(d.raw.length).toBe((Math.ceil(600 / 2) + 1) * 300);
  });

  it('draws stacked bars with heights proportional to the values', () => {
    const L = layoutBarChart(spec);
    const [b0, b1, b2] = L.bars;
    expect(b0!.segments[0]!.h / b1!.segments[0]!.h).toBeCloseTo(0.5, 5);
    expect(b0!.segments[1]!.h / b0!.segments[0]!.h).toBeCloseTo(0.5, 5);
    expect(b2!.segments.every((s) => s.h === 0)).toBe(true);
    const d = decode(barChartPng(spec));
    const mid = (b: typeof b0) => Math.round(b!.x + b!.w / 2);
    // Bottom of bar 0 is cash, its top part in-kind; bar 2 (all zero) has no bar colour.
    expect(d.px(mid(b0), Math.round(b0!.segments[0]!.y + b0!.segments[0]!.h / 2))).toEqual([...CASH]);
    expect(d.px(mid(b0), Math.round(b0!.segments[1]!.y + b0!.segments[1]!.h / 2))).toEqual([...KIND]);
    const y = Math.round(L.plot.y + L.plot.h / 2);
    expect(d.px(mid(b2), y)).not.toEqual([...CASH]);
    expect(d.px(mid(b2), y)).not.toEqual([...KIND]);
    // The tallest bar stays inside the plot; the axis is at least the largest total.
    expect(L.axisMax).toBeGreaterThanOrEqual(2000);
    expect(b1!.top).toBeGreaterThanOrEqual(L.plot.y);
  });

  it('labels with the bitmap font (text pixels appear above bars and under the axis)', () => {
    const c = drawBarChart(spec);
    const L = layoutBarChart(spec);
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) if (c.pixel(x, y).join() === '51,51,51') n++;
      return n;
    };
    const b = L.bars[0]!;
    expect(
      ink(Math.round(b.x), Math.round(b.top - 30), Math.round(b.x + b.w), Math.round(b.top)),
    ).toBeGreaterThan(10);
    expect(
      ink(Math.round(b.x - 20), L.plot.y + L.plot.h + 5, Math.round(b.x + b.w + 20), 300),
    ).toBeGreaterThan(10);
  });

  it('handles all-zero data without dividing by zero', () => {
    const png = barChartPng({ ...spec, series: spec.series.map((s) => ({ ...s, values: [0, 0, 0] })) });
    expect(decode(png).width).toBe(600);
  });
});
