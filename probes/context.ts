/**
 * The probe context in Apps Script: every file a probe makes is tracked and trashed when
 * the probe ends, so a live run leaves nothing behind but the trash.
 */
import type { ProbeContext } from './types';

export class Context implements ProbeContext {
  private readonly made: string[] = [];
  sheet(): GoogleAppsScript.Spreadsheet.Sheet {
    const ss = SpreadsheetApp.create('Outreach Desk probe');
    this.made.push(ss.getId());
    // Typed input is read by the spreadsheet's locale: the probes expect en_US.
    if (ss.getSpreadsheetLocale() !== 'en_US') ss.setSpreadsheetLocale('en_US');
    return ss.getSheets()[0]!;
  }
  doc(): GoogleAppsScript.Document.Document {
    const doc = DocumentApp.create('Outreach Desk probe');
    this.made.push(doc.getId());
    return doc;
  }
  folder(): GoogleAppsScript.Drive.Folder {
    const folder = DriveApp.createFolder('Outreach Desk probe');
    this.made.push(folder.getId());
    return folder;
  }
  thrown(f: () => unknown): string {
    try {
      f();
    } catch (e) {
      return String((e as Error)?.message ?? e);
    }
    return '(no exception)';
  }
  /** Trashes what the probe made (a folder is trashed with what is in it). */
  cleanUp(): void {
    for (const id of this.made.splice(0)) {
      try {
        DriveApp.getFileById(id).setTrashed(true);
      } catch {
        try {
          DriveApp.getFolderById(id).setTrashed(true);
        } catch {
          // already gone
        }
      }
    }
  }
}
