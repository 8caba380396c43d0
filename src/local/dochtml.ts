/**
 * A document made with the emulated DocumentApp, as an HTML fragment for the workbench's
 * preview. Safe by construction: every text is escaped (a contact named
 * `<script>…</script>` shows as those characters), colours are checked to be #RRGGBB,
 * images are inlined as data: URLs of PNG or JPEG bytes only. No script, no links out.
 */
import type { DocElementModel, LocalDocument, TableModel, TextStyle } from './services/document/model';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const safeColor = (c?: string | null) => (c && /^#[0-9a-fA-F]{6}$/.test(c) ? c : undefined);
const ALIGN: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };

function cssParts(style: TextStyle, alignment?: string | null): string[] {
  const parts: string[] = [];
  if (style.bold) parts.push('font-weight:bold');
  if (style.italic) parts.push('font-style:italic');
  if (style.underline) parts.push('text-decoration:underline');
  if (style.fontSize && Number.isFinite(style.fontSize)) parts.push(`font-size:${Number(style.fontSize)}pt`);
  const fg = safeColor(style.foregroundColor);
  if (fg) parts.push(`color:${fg}`);
  const bg = safeColor(style.backgroundColor);
  if (bg) parts.push(`background:${bg}`);
  if (alignment && ALIGN[alignment]) parts.push(`text-align:${ALIGN[alignment]}`);
  return parts;
}

function css(style: TextStyle, alignment?: string | null): string {
  const parts = cssParts(style, alignment);
  return parts.length ? ` style="${parts.join(';')}"` : '';
}

const text = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

const TAGS: Record<string, string> = {
  TITLE: 'h1',
  SUBTITLE: 'p',
  HEADING1: 'h2',
  HEADING2: 'h3',
  HEADING3: 'h4',
  HEADING4: 'h5',
  HEADING5: 'h6',
  HEADING6: 'h6',
};

function table(t: TableModel): string {
  const total = t.columnWidths.reduce<number>((a, w) => a + (w ?? 0), 0);
  const cols =
    total > 0
      ? `<colgroup>${t.columnWidths.map((w) => `<col style="width:${(((w ?? 0) / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`
      : '';
  const border = safeColor(t.borderColor) ?? '#999999';
  const rows = t.rows
    .map((row, r) => {
      const tag = r === 0 ? 'th' : 'td';
      const cells = row
        .map((c) => {
          const parts = [
            'text-align:left',
            ...cssParts(c.style, c.alignment),
            `border:1px solid ${border}`,
            'padding:2px 6px',
          ];
          const bg = safeColor(c.background);
          if (bg) parts.push(`background:${bg}`);
          return `<${tag} style="${parts.join(';')}">${text(c.text)}</${tag}>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('');
  return `<table class="od-table" style="border-collapse:collapse;width:100%">${cols}${rows}</table>`;
}

function element(e: DocElementModel): string {
  if (e.type === 'TABLE') return table(e);
  if (e.type === 'LIST_ITEM') return `<ul><li${css(e.style, e.alignment)}>${text(e.text)}</li></ul>`;
  if (e.pageBreak) return '<hr class="od-page-break">';
  if (e.image) {
    const type = e.image.contentType === 'image/jpeg' ? 'image/jpeg' : 'image/png';
    const src = `data:${type};base64,${Buffer.from(e.image.bytes).toString('base64')}`;
    return `<p${css(e.style, e.alignment)}><img src="${src}" width="${Math.round(e.image.width)}" height="${Math.round(e.image.height)}" alt="" style="max-width:100%;height:auto"></p>`;
  }
  const tag = TAGS[e.heading] ?? 'p';
  const cls = e.heading === 'SUBTITLE' ? ' class="od-subtitle"' : '';
  return `<${tag}${cls}${css(e.style, e.alignment)}>${text(e.text)}</${tag}>`;
}

/** The document as an HTML fragment (`<article>`), everything escaped. */
export function documentToHtml(doc: LocalDocument): string {
  const header = (doc.header ?? []).filter((e) => e.type === 'TABLE' || e.text !== '');
  const parts = [`<article class="od-doc" data-doc-id="${escapeHtml(doc.id)}">`];
  if (header.length) parts.push(`<header class="od-doc-header">${header.map(element).join('')}</header>`);
  // Lists: adjacent items share one <ul>.
  parts.push(
    doc.body
      .map(element)
      .join('')
      .replace(/<\/ul><ul>/g, ''),
  );
  parts.push('</article>');
  return parts.join('');
}
