/**
 * DocumentApp and DriveApp, emulated — the names this module has always exported,
 * re-exported from the files that now hold them (services/document/, one file per class
 * family, each citing its reference page; see docs/local-runtime.md, "Layout"), for the code
 * that imports it (execution.ts, docx.ts, dochtml.ts, the workbench, scripts and tests).
 * Nothing under services/document/ imports this barrel, so it is part of no import cycle.
 *
 * Reference: developers.google.com/apps-script/reference/document (Body, Paragraph, Table,
 * TableRow, TableCell, Text, InlineImage, HeaderSection) and
 * developers.google.com/apps-script/reference/drive (DriveApp, File.moveTo, Folder).
 */
export { DocumentAppImpl } from './document/app';
export { BodyImpl, ContainerImpl } from './document/body';
export { DocumentImpl } from './document/document';
export { DriveAppImpl, DriveFileImpl, DriveFolderImpl } from './document/drive';
export { InlineImageImpl } from './document/image';
export {
  createLocalFolder,
  DOC_MIME,
  type DocElementModel,
  documentText,
  elementText,
  FOLDER_MIME,
  getLocalDocument,
  type ImageModel,
  type ListItemModel,
  type LocalDocument,
  listDocuments,
  type ParagraphModel,
  type TableCellModel,
  type TableModel,
  type TextStyle,
} from './document/model';
export { ListItemImpl, ParagraphImpl } from './document/paragraph';
export { documentServices } from './document/services';
export { TableCellImpl, TableImpl, TableRowImpl } from './document/table';
export { TextImpl } from './document/text';
