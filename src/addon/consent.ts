/**
 * Granular consent: a member may grant the add-on some of its scopes and not others
 * (developers.google.com/apps-script/concepts/scopes, "Granular OAuth permissions"). A menu
 * item that needs more than the spreadsheet asks for its scopes first with
 * ScriptApp.requireScopes, which ends the execution with Google's consent prompt when one is
 * missing (developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)),
 * instead of failing half-way with a permission error. One call; nothing else happens first.
 * The scopes and what needs each: docs/scopes.md.
 */

const SCOPE = {
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  documents: 'https://www.googleapis.com/auth/documents',
  drive: 'https://www.googleapis.com/auth/drive',
} as const;

/** What each menu item needs beyond the spreadsheet, the Ui and the user's email. */
export const MENU_SCOPES = {
  sendReminders: [SCOPE.mail],
  installReminders: [SCOPE.triggers, SCOPE.mail],
  documents: [SCOPE.documents, SCOPE.drive],
  startNewTerm: [SCOPE.drive, SCOPE.documents, SCOPE.triggers, SCOPE.mail],
} as const satisfies Record<string, readonly string[]>;

/** Asks for the scopes `item` needs (Google's consent prompt) when the member has not granted them. */
export function requireConsent(item: keyof typeof MENU_SCOPES): void {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [...MENU_SCOPES[item]]);
}
