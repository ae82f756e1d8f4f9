import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = (CRC_TABLE[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/**
 * A small landscape picture for the demo's covers (sky, hills and a road in the given colours), drawn as a PNG
 * here so the demo ships no photographs of anyone.
 */
export function demoCoverPng(
  sky: [number, number, number],
  hill: [number, number, number],
  w = 480,
  h = 270,
): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      const ridge = h * 0.55 + Math.sin(x / 37) * 18 + Math.sin(x / 11) * 5;
      const road = Math.abs(x - w / 2 - (y - h) * 0.6) < (y - h * 0.62) * 0.35;
      let c: [number, number, number] = y < ridge ? sky : hill;
      if (y >= ridge) c = [hill[0] - (y - ridge) * 0.2, hill[1] - (y - ridge) * 0.2, hill[2]];
      if (road && y > h * 0.62) c = [190, 190, 185];
      if (y < ridge) c = [sky[0] + y * 0.15, sky[1] + y * 0.15, sky[2]];
      row.set(
        c.map((v) => Math.max(0, Math.min(255, Math.round(v)))),
        1 + x * 3,
      );
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
