/**
 * The extension's icons, drawn at build time (no binary files in the repository): a rounded square in blue
 * with an orange speech dot, written as PNG with node:zlib.
 */
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A size x size RGBA PNG of the postcoach mark. */
export function iconPng(size) {
  const rows = [];
  const r = size * 0.22;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const cx = Math.min(Math.max(x + 0.5, r), size - r);
      const cy = Math.min(Math.max(y + 0.5, r), size - r);
      const inSquare = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r;
      const inDot = Math.hypot(x + 0.5 - size * 0.68, y + 0.5 - size * 0.34) <= size * 0.17;
      const inBar = y + 0.5 > size * 0.6 && y + 0.5 < size * 0.72 && x + 0.5 > size * 0.2 && x + 0.5 < size * 0.8;
      const [R, G, B, A] = !inSquare ? [0, 0, 0, 0] : inDot ? [213, 94, 0, 255] : inBar ? [255, 255, 255, 255] : [0, 114, 178, 255];
      row.set([R, G, B, A], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}
