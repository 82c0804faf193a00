import QRCode from "qrcode";

/**
 * The QR code of a verification URL as an SVG string, rendered on the server. The options are
 * fixed here so a test can re-generate the same SVG for an expected URL and compare.
 */
export const QR_OPTIONS = { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } } as const;

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, QR_OPTIONS);
}
