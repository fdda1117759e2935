/**
 * A camera for Chromium that films one QR code: Chromium's fake capture device plays a Y4M file
 * (--use-file-for-fake-video-capture), so the check-in page's real getUserMedia → detector → POST
 * path runs as on a phone. The file is read when the camera opens, so it can be written after the
 * browser started (once the ticket code is known).
 */
import { writeFileSync } from "node:fs";
import QRCode from "qrcode";

const WIDTH = 640;
const HEIGHT = 480;

/** The flags that make Chromium's camera play `file` (and allow it without a prompt). */
export function fakeCameraArgs(file: string): string[] {
  return ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${file}`];
}

/** Writes a short 4:2:0 Y4M video whose frames show `text` as a black-on-white QR code. */
export function writeQrVideo(file: string, text: string, frames = 10): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (modules.size + 2 * quiet));
  const side = scale * (modules.size + 2 * quiet);
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(235);
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(x, y)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (top + (y + quiet) * scale + dy) * WIDTH + left + (x + quiet) * scale;
        luma.fill(16, row, row + scale);
      }
    }
  }
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
  const header = new TextEncoder().encode(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = [new TextEncoder().encode("FRAME\n"), luma, chroma, chroma];
  const parts = [header, ...Array.from({ length: frames }, () => frame).flat()];
  writeFileSync(file, Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
}
