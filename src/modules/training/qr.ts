import QRCode from "qrcode";

export const QR_OPTIONS = { type: "svg", errorCorrectionLevel: "M", margin: 2, width: 240 } as const;

/**
 * The QR code as an SVG document: drawn on the server, no canvas, no script. The encoded address is also in
 * the picture's <desc>, for screen readers and for checking that the picture says what it should.
 */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, QR_OPTIONS);
  const safe = url.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return svg.replace(/^(<svg[^>]*>)/, `$1<desc>${safe}</desc>`);
}
