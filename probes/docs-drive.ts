/**
 * Probes of DocumentApp and DriveApp: the live-behaviours rows for Docs and Drive
 * (gas-fakes, commit dedcae38) and the facts of test/conformance/document.test.ts and
 * archive.test.ts.
 */
import { matches, type Probe } from './types';

const GF = 'https://github.com/brucemcpherson/gas-fakes/blob/dedcae38/';
const DOC = 'https://developers.google.com/apps-script/reference/document/';

export const DOCS_DRIVE: Probe[] = [
  {
    name: 'newDocHasOneEmptyParagraph',
    fact: 'A new Doc has one empty paragraph and is a Google Doc in Drive.',
    source: `${DOC}document-app#create(String); https://developers.google.com/drive/api/guides/mime-types`,
    expected: [1, 'PARAGRAPH', '', 'application/vnd.google-apps.document'],
    run: (t) => {
      const doc = t.doc();
      const body = doc.getBody();
      return [
        body.getNumChildren(),
        String(body.getChild(0).getType()),
        body.getText(),
        DriveApp.getFileById(doc.getId()).getMimeType(),
      ];
    },
  },
  {
    name: 'appendTableAddsAParagraph',
    fact: 'appendTable is followed by an empty paragraph in the body.',
    source: `${GF}test/testdocs.js:76-80`,
    expected: [2, 'TABLE', 'PARAGRAPH', ''],
    run: (t) => {
      const body = t.doc().getBody();
      const before = body.getNumChildren();
      body.appendTable([['a', 'b']]);
      const n = body.getNumChildren();
      return [
        n - before,
        String(body.getChild(n - 2).getType()),
        String(body.getChild(n - 1).getType()),
        body
          .getChild(n - 1)
          .asParagraph()
          .getText(),
      ];
    },
  },
  {
    name: 'appendTableInHeaderAndFooter',
    fact: 'In a header and a footer too, appendTable is followed by an empty paragraph (3 children).',
    source: `${GF}test/testdocssections.js:62, 64`,
    expected: [3, 3],
    run: (t) => {
      const doc = t.doc();
      const header = doc.addHeader();
      const footer = doc.addFooter();
      header.appendTable([['h']]);
      footer.appendTable([['f']]);
      return [header.getNumChildren(), footer.getNumChildren()];
    },
  },
  {
    name: 'bodyTextAfterATable',
    fact: "Body.getText() joins a table's cells by newlines and has a paragraph break after it.",
    source: `${GF}test/testdocsnext.js:26-32`,
    expected: '\nFirst.\nR1C1\nR1C2\nR2C1\nR2C2\n\nA list item.\nLast.',
    run: (t) => {
      const body = t.doc().getBody();
      body.appendParagraph('First.');
      body.appendTable([
        ['R1C1', 'R1C2'],
        ['R2C1', 'R2C2'],
      ]);
      body.appendListItem('A list item.');
      body.appendParagraph('Last.');
      return body.getText();
    },
  },
  {
    name: 'tableText',
    fact: 'Table.getText() and TableRow.getText() join cells by newlines.',
    source: `${GF}test/testdocsnext.js:45-53`,
    expected: ['R1C1\nR1C2\nR2C1\nR2C2', 'R1C1\nR1C2', 'R1C2'],
    run: (t) => {
      const table = t
        .doc()
        .getBody()
        .appendTable([
          ['R1C1', 'R1C2'],
          ['R2C1', 'R2C2'],
        ]);
      return [table.getText(), table.getRow(0).getText(), table.getRow(0).getCell(1).getText()];
    },
  },
  {
    name: 'listItemGlyphDefaultsToNumber',
    fact: "An appended list item's glyph is NUMBER unless set.",
    source: `${GF}test/testdocslistitems.js:96`,
    expected: ['NUMBER', 'BULLET'],
    unconfirmed: 'the peer says "default list type in Apps Script is numbered"; not independently confirmed',
    run: (t) => {
      const li = t.doc().getBody().appendListItem('one');
      const first = String(li.getGlyphType());
      li.setGlyphType(DocumentApp.GlyphType.BULLET);
      return [first, String(li.getGlyphType())];
    },
  },
  {
    name: 'stringOfDocsObjects',
    fact: 'String() of a Document, Body or Paragraph is its class name.',
    source: `${GF}test/testdocs.js:177; test/testdocsnext.js:381`,
    expected: ['Document', 'Body', 'Paragraph'],
    run: (t) => {
      const doc = t.doc();
      const body = doc.getBody();
      return [String(doc), String(body), String(body.appendParagraph('p'))];
    },
  },
  {
    name: 'secondHeaderFails',
    fact: 'A Doc has one header: a second addHeader throws.',
    source: `${DOC}document#addHeader()`,
    expected: matches('already contains a header'),
    unconfirmed: 'the message is the local runtime\'s; the reference says only "if none already exists"',
    run: (t) => {
      const doc = t.doc();
      doc.addHeader();
      return t.thrown(() => doc.addHeader());
    },
  },
  {
    name: 'newFileIsInMyDrive',
    fact: "A new Doc's parent is My Drive from the start, before the root folder is read.",
    source: `${GF}test/testdrive.js:547, 768-775`,
    expected: true,
    run: (t) => {
      const parents = DriveApp.getFileById(t.doc().getId()).getParents();
      const first = parents.hasNext() ? parents.next().getId() : '';
      return first === DriveApp.getRootFolder().getId();
    },
  },
  {
    name: 'moveToPutsTheFileInOneFolder',
    fact: 'moveTo puts the file in the folder only.',
    source: 'https://developers.google.com/apps-script/reference/drive/file#moveTo(Folder)',
    expected: [true, false],
    run: (t) => {
      const folder = t.folder();
      const file = DriveApp.getFileById(t.doc().getId());
      file.moveTo(folder);
      const ids: string[] = [];
      const it = file.getParents();
      while (it.hasNext()) ids.push(it.next().getId());
      return [ids.length === 1 && ids[0] === folder.getId(), ids.includes(DriveApp.getRootFolder().getId())];
    },
  },
  {
    name: 'moveToWithoutAFolder',
    fact: "moveTo() and moveTo('rubbish') throw Apps Script's signature message.",
    source: `${GF}test/testdrive.js:364-365`,
    expected: [
      matches("^The parameters \\(\\) don't match the method signature"),
      matches("^The parameters \\(String\\) don't match the method signature"),
    ],
    run: (t) => {
      const file = DriveApp.getFileById(t.doc().getId()) as any;
      return [t.thrown(() => file.moveTo()), t.thrown(() => file.moveTo('rubbish'))];
    },
  },
  {
    name: 'getFileByIdWithoutAnId',
    fact: "getFileById(null/undefined) throws Invalid argument: id; '' throws that or Unexpected error.",
    source: `${GF}test/testdrive.js:768-775`,
    expected: [
      matches('Invalid argument: id'),
      matches('Invalid argument: id'),
      matches('Invalid argument: id|Unexpected error'),
      matches('Invalid argument: id'),
    ],
    run: (t) => [
      t.thrown(() => DriveApp.getFileById(null as unknown as string)),
      t.thrown(() => DriveApp.getFileById(undefined as unknown as string)),
      t.thrown(() => DriveApp.getFileById('')),
      t.thrown(() => DriveApp.getFolderById(null as unknown as string)),
    ],
  },
  {
    name: 'stringOfAFolderIsItsName',
    fact: 'String(folder) is the folder name (not the class name).',
    source: `${GF}test/testdrive.js:546`,
    expected: true,
    run: (t) => {
      const folder = t.folder();
      return String(folder) === folder.getName();
    },
  },
];
