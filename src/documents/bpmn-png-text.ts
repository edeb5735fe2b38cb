import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, esc, isWide, type TextItem, r } from './bpmn-text';

/* Text for the PNG: resvg font settings and glyph outlines cached per character, so most images need no font loading. */

let fontFilesCache: string[] | undefined;

/**
 * The Noto Sans CJK files when the machine has them (loading a few files is faster than scanning every
 * system font); otherwise resvg scans the system fonts.
 */
function cjkFontFiles(): string[] {
  if (fontFilesCache) return fontFilesCache;
  const found: string[] = [];
  for (const dir of [
    '/usr/share/fonts/opentype/noto',
    '/usr/share/fonts/noto-cjk',
    '/usr/share/fonts/google-noto-cjk',
    '/usr/share/fonts/truetype/noto',
  ]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) if (/^NotoSansCJK-(Regular|Bold)\.tt[cf]$/i.test(file)) found.push(join(dir, file));
    if (found.length) break;
  }
  fontFilesCache = found;
  return found;
}

/** resvg font settings; `bold: false` leaves the bold file out (each CJK file takes ~0.1 s to load). */
export function fontOptions(bold = true): NonNullable<ConstructorParameters<typeof Resvg>[1]>['font'] {
  const fontFiles = cjkFontFiles().filter((file) => bold || !/bold/i.test(file));
  return fontFiles.length
    ? { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC' }
    : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' };
}

/** A glyph outline at font size 1000 (baseline at y = 0) and its advance width. */
interface Glyph {
  d: string;
  advance: number;
}

/**
 * Glyph outlines by weight + character. resvg shapes CJK text slowly (the Noto CJK fonts are CFF with
 * 65k glyphs: ~6 ms per glyph drawn), so each distinct glyph is drawn once per process and the PNG
 * places the cached outlines; a report with many diagrams then costs little more than one.
 */
const glyphCache = new Map<string, Glyph>();
const GLYPH_CACHE_LIMIT = 20_000;
const GLYPH_FILL = '#000001';
const BAR_FILL = '#000002';

function xsOf(d: string): number[] {
  // usvg writes absolute commands (M, L, C, Q, Z) with x y pairs.
  const numbers = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi) ?? []).map(Number);
  return numbers.filter((_, i) => i % 2 === 0);
}

/** Draws the missing glyphs in one resvg pass and reads their outlines back from resvg's own SVG output. */
function loadGlyphs(keys: string[]): void {
  const missing = [...new Set(keys)].filter((k) => !glyphCache.has(k));
  if (missing.length === 0) return;
  if (glyphCache.size + missing.length > GLYPH_CACHE_LIMIT) glyphCache.clear();
  const family = esc(FONT_FAMILY);
  // A bar after each narrow glyph measures its advance: the bar moves by exactly that much.
  const texts = missing.map((key, i) => {
    const weight = key[0] === 'b' ? ' font-weight="bold"' : '';
    const ch = esc(key.slice(1));
    const bar = isWide(key.slice(1)) ? '' : `<tspan fill="${BAR_FILL}">|</tspan>`;
    return `<text id="g${i}" x="0" y="0" font-size="1000" font-family="${family}"${weight} fill="${GLYPH_FILL}" xml:space="preserve">${ch}${bar}</text>`;
  });
  texts.push(`<text id="bar" x="0" y="0" font-size="1000" font-family="${family}" fill="${BAR_FILL}">|</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${texts.join('')}</svg>`;
  const simplified = new Resvg(svg, { font: fontOptions(missing.some((key) => key[0] === 'b')) }).toString();
  const groups = new Map<string, string>();
  for (const m of simplified.matchAll(/<g id="(g\d+|bar)"[^>]*>([\s\S]*?)<\/g>/g)) groups.set(m[1]!, m[2]!);
  const pathsOf = (body: string | undefined, fill: string): string[] =>
    [...(body ?? '').matchAll(/<path([^>]*)\/>/g)]
      .filter((p) => p[1]!.includes(`fill="${fill}"`))
      .map((p) => /\sd="([^"]*)"/.exec(p[1]!)?.[1] ?? '');
  const barAlone = Math.min(...pathsOf(groups.get('bar'), BAR_FILL).flatMap(xsOf));
  missing.forEach((key, i) => {
    const body = groups.get(`g${i}`);
    const d = pathsOf(body, GLYPH_FILL).join(' ');
    let advance = 1000;
    if (!isWide(key.slice(1))) {
      const barXs = pathsOf(body, BAR_FILL).flatMap(xsOf);
      advance = barXs.length && Number.isFinite(barAlone) ? Math.min(...barXs) - barAlone : 500;
    }
    glyphCache.set(key, { d, advance: Math.max(0, advance) });
  });
}

/** The texts as outlines from the glyph cache (same placement rules as `textMarkup`). */
export function glyphMarkup(items: TextItem[]): string[] {
  loadGlyphs(items.flatMap((item) => item.lines.flatMap((line) => [...line].map((ch) => (item.weight === 'bold' ? 'b' : 'n') + ch))));
  const ids = new Map<string, string>();
  const defs: string[] = [];
  const markup = items.map((item) => {
    const scale = item.size / 1000;
    const uses: string[] = [];
    item.lines.forEach((line, i) => {
      const keys = [...line].map((ch) => (item.weight === 'bold' ? 'b' : 'n') + ch);
      const width = keys.reduce((sum, k) => sum + (glyphCache.get(k)?.advance ?? 500), 0) * scale;
      let x = item.anchor === 'middle' ? item.x - width / 2 : item.x;
      const y = item.baseline + i * item.lineHeight;
      for (const key of keys) {
        const glyph = glyphCache.get(key);
        if (glyph?.d) {
          let id = ids.get(key);
          if (!id) {
            id = `gl${ids.size}`;
            ids.set(key, id);
            defs.push(`<path id="${id}" d="${glyph.d}"/>`);
          }
          uses.push(`<use href="#${id}" transform="translate(${r(x)} ${r(y)}) scale(${scale})"/>`);
        }
        x += (glyph?.advance ?? 500) * scale;
      }
    });
    return `<g fill="${esc(item.color)}">${uses.join('')}</g>`;
  });
  return [...markup, `<defs>${defs.join('')}</defs>`];
}
