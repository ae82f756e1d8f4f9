/**
 * What a file is, from its first bytes — never from its name or the browser's claim. Only the kinds the
 * product accepts are recognised; anything else is undefined and refused.
 */
export type Sniffed = { mime: string; kind: "photo" | "audio" | "document" };

const startsWith = (b: Uint8Array, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export function sniff(b: Uint8Array): Sniffed | undefined {
  if (b.length < 12) return undefined;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", kind: "photo" };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: "image/png", kind: "photo" };
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return { mime: "image/webp", kind: "photo" };
  if (ascii(b, 4, 8) === "ftyp") {
    const brand = ascii(b, 8, 12);
    if (["heic", "heix", "mif1", "msf1"].includes(brand)) return { mime: "image/heic", kind: "photo" };
    if (["M4A ", "isom", "mp42", "3gp4", "3gp5", "3gp6", "dash"].includes(brand))
      return { mime: "audio/mp4", kind: "audio" };
  }
  if (ascii(b, 0, 4) === "OggS") return { mime: "audio/ogg", kind: "audio" };
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return { mime: "audio/webm", kind: "audio" };
  if (ascii(b, 0, 6) === "#!AMR\n") return { mime: "audio/amr", kind: "audio" };
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WAVE") return { mime: "audio/wav", kind: "audio" };
  if (ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0))
    return { mime: "audio/mpeg", kind: "audio" };
  if (ascii(b, 0, 5) === "%PDF-") return { mime: "application/pdf", kind: "document" };
  return undefined;
}
