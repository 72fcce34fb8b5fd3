import { createHash } from "node:crypto";
import sharp from "sharp";

export interface RenderSpec {
  prompt: string;
  model: string;
  width: number;
  height: number;
  /** 0-based position within the batch. */
  index: number;
  total: number;
  references: Buffer[];
  /** Default webp; the field's relays answer PNG. */
  format?: "webp" | "png";
}

/**
 * A result a person can tell apart at a glance: the colour comes from the prompt (shifted per
 * index), the references appear as tiles in the order they were sent, and the prompt and index
 * are written on it.
 */
export async function renderResult(spec: RenderSpec): Promise<Buffer> {
  const { width, height } = spec;
  const scale = Math.min(width, height) / 1024;
  const margin = Math.round(40 * scale);
  const headerHeight = Math.round(96 * scale);

  const k = spec.references.length;
  const tileSize =
    k === 0 ? 0 : Math.min(Math.floor((width - margin * (k + 1)) / k), Math.floor((height - headerHeight) * 0.45));
  const tilesWidth = k * tileSize + (k - 1) * margin;
  const tilesLeft = Math.round((width - tilesWidth) / 2);
  const tilesTop = headerHeight + margin;

  const tiles = await Promise.all(
    spec.references.map(async (ref, i) => ({
      input: await sharp(ref).resize(tileSize, tileSize, { fit: "cover" }).png().toBuffer(),
      left: tilesLeft + i * (tileSize + margin),
      top: tilesTop,
    })),
  );

  const textTop = k === 0 ? headerHeight + margin : tilesTop + tileSize + margin;
  const overlay = overlaySvg(spec, { scale, margin, headerHeight, textTop, tilesLeft, tilesTop, tileSize });
  const hue = (promptHue(spec.prompt) + spec.index * 29) % 360;

  return sharp({ create: { width, height, channels: 3, background: hslToRgb(hue, 0.55, 0.42) } })
    .composite([...tiles, { input: Buffer.from(overlay), left: 0, top: 0 }])
    .toFormat(spec.format ?? "webp", spec.format === "png" ? { compressionLevel: 6 } : { quality: 80 })
    .toBuffer();
}

interface Layout {
  scale: number;
  margin: number;
  headerHeight: number;
  textTop: number;
  tilesLeft: number;
  tilesTop: number;
  tileSize: number;
}

function overlaySvg(spec: RenderSpec, layout: Layout): string {
  const { width, height } = spec;
  const { scale, margin, headerHeight, textTop, tilesLeft, tilesTop, tileSize } = layout;
  const font = "DejaVu Sans, sans-serif";
  const promptSize = Math.round(34 * scale);
  const lineHeight = Math.round(promptSize * 1.3);
  const charsPerLine = Math.max(10, Math.floor((width - 4 * margin) / (promptSize * 0.6)));
  const maxLines = Math.max(1, Math.floor((height - textTop - 2 * margin) / lineHeight));
  const lines = wrap(spec.prompt, charsPerLine, maxLines);
  const panelHeight = lines.length * lineHeight + margin;

  const labels = spec.references
    .map((_, i) => {
      const x = tilesLeft + i * (tileSize + margin) + Math.round(8 * scale);
      const y = tilesTop + Math.round(30 * scale);
      return `<text x="${x}" y="${y}" font-size="${Math.round(24 * scale)}" fill="#fff" stroke="#000" stroke-width="${Math.max(1, Math.round(3 * scale))}" paint-order="stroke">ref ${i + 1}</text>`;
    })
    .join("");

  const promptLines = lines
    .map((line, i) => `<text x="${2 * margin}" y="${textTop + margin / 2 + (i + 0.8) * lineHeight}">${escapeXml(line)}</text>`)
    .join("");

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${font}">
<rect x="0" y="0" width="${width}" height="${headerHeight}" fill="rgba(0,0,0,0.35)"/>
<text x="${margin}" y="${Math.round(headerHeight * 0.68)}" font-size="${Math.round(52 * scale)}" font-weight="bold" fill="#fff">#${spec.index + 1} / ${spec.total}</text>
<text x="${width - margin}" y="${Math.round(headerHeight * 0.64)}" font-size="${Math.round(26 * scale)}" fill="#fff" text-anchor="end">${escapeXml(`${width}×${height} · ${spec.model} · stand-in`)}</text>
${labels}
<rect x="${margin}" y="${textTop}" width="${width - 2 * margin}" height="${panelHeight}" rx="${Math.round(12 * scale)}" fill="rgba(0,0,0,0.35)"/>
<g font-size="${promptSize}" fill="#fff">${promptLines}</g>
</svg>`;
}

function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (const piece of word.match(new RegExp(`.{1,${width}}`, "gu")) ?? []) {
      if (current && current.length + 1 + piece.length > width) {
        lines.push(current);
        current = piece;
      } else {
        current = current ? `${current} ${piece}` : piece;
      }
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${(kept[maxLines - 1] ?? "").slice(0, Math.max(0, width - 1))}…`;
  return kept;
}

function escapeXml(text: string): string {
  // Control characters are not allowed in XML at all, so they are dropped rather than escaped.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function promptHue(prompt: string): number {
  return createHash("sha256").update(prompt).digest().readUInt16BE(0) % 360;
}

function hslToRgb(h: number, s: number, l: number): { r: number; g: number; b: number } {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return { r: f(0), g: f(8), b: f(4) };
}
