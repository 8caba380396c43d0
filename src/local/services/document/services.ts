/**
 * The services this family adds to every execution (registered in execution.ts):
 * DocumentApp and DriveApp, each counted under its own name.
 * https://developers.google.com/apps-script/reference/document/document-app
 * https://developers.google.com/apps-script/reference/drive/drive-app
 */
import type { ServiceHost } from '../../host';
import { DocumentAppImpl } from './app';
import { DriveAppImpl } from './drive';

/** The services this module adds to every execution (registered in execution.ts). */
export function documentServices(x: ServiceHost): Record<string, unknown> {
  return {
    DocumentApp: x.wrap(new DocumentAppImpl(x), 'DocumentApp'),
    DriveApp: x.wrap(new DriveAppImpl(x), 'DriveApp'),
  };
}
