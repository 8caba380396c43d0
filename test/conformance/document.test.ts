/**
 * Conformance of the emulated DocumentApp and DriveApp with the behaviours the generated
 * documents rely on, each after the Apps Script reference:
 * developers.google.com/apps-script/reference/document/body, …/document/table,
 * …/document/document#saveAndClose(), …/drive/file#moveTo(Folder),
 * …/drive/drive-app#getFolderById(String).
 */
import { describe, expect, it } from 'vitest';
import { barChartPng } from '../../src/domain/chart';
import { createLocalFolder, getLocalDocument, listDocuments } from '../../src/local/services/document';
import { run, thrown, workbook } from './fixture';

function fresh() {
  const { google } = workbook();
  const { x, g } = run(google);
  return { google, x, g };
}

describe('DocumentApp', () => {
  it('a new Doc is a Drive file in My Drive with one empty paragraph', () => {
    const { google, g } = fresh();
    const doc = g.DocumentApp.create('Report');
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getParagraphs()[0].getText()).toBe('');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(google.files.get(doc.getId())!.parents).toEqual(['root']);
    expect(listDocuments(google).map((d) => d.name)).toEqual(['Report']);
  });

  // "When creating a Table that contains a large number of rows or cells, consider building
  // it from a string array" (reference/document/table): one call whatever the size.
  it('appendTable(String[][]) is one call for 3 rows and for 2,000 rows', () => {
    const count = (n: number) => {
      const { x, g } = fresh();
      const body = g.DocumentApp.create('T').getBody();
      x.counter.reset();
      body.appendTable(Array.from({ length: n }, (_, i) => [`r${i}`, '=SUM(A1)', '<b>x</b>']));
      return x.counter.total;
    };
    expect(count(3)).toBe(1);
    expect(count(2000)).toBe(1);
  });

  it('keeps cell text literal and exposes rows, cells and text', () => {
    const { google, g } = fresh();
    const doc = g.DocumentApp.create('T');
    const t = doc.getBody().appendTable([
      ['a', 'b'],
      ['=1+1', '<i>y</i>'],
    ]);
    expect(t.getNumRows()).toBe(2);
    expect(t.getRow(1).getCell(0).getText()).toBe('=1+1');
    t.getRow(0).editAsText().setBold(true);
    t.getRow(0).getCell(1).setBackgroundColor('#DFE8F2');
    t.setColumnWidth(1, 120);
    const m = getLocalDocument(google, doc.getId())!.body[1]!;
    expect(m.type === 'TABLE' && m.rows[0]!.every((c) => c.style.bold)).toBe(true);
    expect(m.type === 'TABLE' && m.rows[0]![1]!.background).toBe('#dfe8f2');
    expect(m.type === 'TABLE' && m.columnWidths).toEqual([null, 120]);
    expect(thrown(() => t.getRow(5))).toMatch(/Child index \(5\)/);
    expect(thrown(() => t.getRow(0).getCell(0).setBackgroundColor('blue'))).toMatch(/Invalid color/);
  });

  it('headings, attributes, list items, page breaks and images', () => {
    const { google, g } = fresh();
    const doc = g.DocumentApp.create('T');
    const body = doc.getBody();
    body.appendParagraph('Title').setHeading(g.DocumentApp.ParagraphHeading.HEADING1);
    const attrs: Record<string, unknown> = {};
    attrs[g.DocumentApp.Attribute.ITALIC] = true;
    attrs[g.DocumentApp.Attribute.FONT_SIZE] = 9;
    body.appendParagraph('note').setAttributes(attrs);
    body.appendListItem('item');
    body.appendPageBreak();
    const png = barChartPng({ width: 200, height: 100, categories: ['A'], series: [] });
    const img = body.appendImage(
      g.Utilities.newBlob(
        Array.from(png, (b) => (b > 127 ? b - 256 : b)),
        'image/png',
      ),
    );
    expect([img.getWidth(), img.getHeight()]).toEqual([200, 100]);
    img.setWidth(100).setHeight(50);
    const els = getLocalDocument(google, doc.getId())!.body;
    expect(els.map((e) => e.type)).toEqual([
      'PARAGRAPH',
      'PARAGRAPH',
      'PARAGRAPH',
      'LIST_ITEM',
      'PARAGRAPH',
      'PARAGRAPH',
    ]);
    expect(els[1]!.type === 'PARAGRAPH' && els[1]!.heading).toBe('HEADING1');
    expect(els[2]!.type === 'PARAGRAPH' && els[2]!.style).toEqual({ italic: true, fontSize: 9 });
    expect(els[4]!.type === 'PARAGRAPH' && els[4]!.pageBreak).toBe(true);
    const im = els[5]!.type === 'PARAGRAPH' ? els[5]!.image : undefined;
    expect(im && [im.width, im.height, im.contentType]).toEqual([100, 50, 'image/png']);
    expect(thrown(() => body.appendImage(g.Utilities.newBlob('not an image')))).toMatch(/Invalid image/);
  });

  it('a header section holds its own paragraphs; a second addHeader fails', () => {
    const { google, g } = fresh();
    const doc = g.DocumentApp.create('T');
    doc.addHeader().getParagraphs()[0].setText('Dept · Term');
    expect(getLocalDocument(google, doc.getId())!.header!.map((e) => ('text' in e ? e.text : ''))).toEqual([
      'Dept · Term',
    ]);
    expect(thrown(() => doc.addHeader())).toMatch(/already contains a header/);
  });

  it('after saveAndClose the document can no longer be edited; openById gives a new handle', () => {
    const { g } = fresh();
    const doc = g.DocumentApp.create('T');
    const body = doc.getBody();
    doc.saveAndClose();
    expect(thrown(() => body.appendParagraph('late'))).toBe(
      'Document is closed, its contents cannot be updated.',
    );
    g.DocumentApp.openById(doc.getId()).getBody().appendParagraph('reopened');
    expect(g.DocumentApp.openById(doc.getId()).getBody().getText()).toContain('reopened');
    expect(thrown(() => g.DocumentApp.openById('nope'))).toMatch(/Document is missing/);
  });
});

describe('DriveApp', () => {
  it('moveTo puts the file in the folder only', () => {
    const { google, g } = fresh();
    const folder = createLocalFolder(google, 'Reports');
    const doc = g.DocumentApp.create('T');
    g.DriveApp.getFileById(doc.getId()).moveTo(g.DriveApp.getFolderById(folder));
    expect(google.files.get(doc.getId())!.parents).toEqual([folder]);
    const it = g.DriveApp.getFolderById(folder).getFiles();
    expect(it.hasNext()).toBe(true);
    expect(it.next().getName()).toBe('T');
  });

  it('an unknown ID, or a file ID given as a folder, is not found', () => {
    const { g } = fresh();
    const doc = g.DocumentApp.create('T');
    expect(thrown(() => g.DriveApp.getFolderById('missing'))).toMatch(
      /No item with the given ID could be found/,
    );
    expect(thrown(() => g.DriveApp.getFolderById(doc.getId()))).toMatch(/No item with the given ID/);
  });
});
