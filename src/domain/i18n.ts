/**
 * The message catalog of what documents (and, later, emails) say, in English and
 * Simplified Chinese. One plain object per language; `{name}` marks a parameter. Keys are
 * typed: a key missing from the English catalog, or a translation missing from the Chinese
 * one, is a type error rather than a message that silently falls back to English.
 */

import { type FieldDef, OPTION_NAMES_ZH, type TableDef } from './schema';

export type Lang = 'en' | 'zh';

const EN = {
  // Why a member got no digest (reminder run summaries); the text is the job's own words.
  'remind.reason.inactive member': 'inactive member',
  'remind.reason.nothing due': 'nothing due',
  'remind.reason.already mailed today': 'already mailed today',
  'remind.reason.a run stopped while mailing them today: not mailed again, to never mail twice':
    'a run stopped while mailing them today: not mailed again, to never mail twice',
  // Reminder menus (summaries of Send reminders now / Install reminders)
  'remind.sendTitle': 'Send reminders now',
  'send.ui.title': 'Send reminders now',
  'send.ui.loading': 'Reading who is due today…',
  'send.ui.lead': 'Nothing is sent until you press Send.',
  'send.ui.willSend': '{n} digests would go out today ({day}):',
  'send.ui.willSendOne': '1 digest would go out today ({day}):',
  'send.ui.noneToSend': 'No digest would go out today ({day}).',
  'send.ui.member': '{name} · {items} items',
  'send.ui.memberOne': '{name} · 1 item',
  'send.ui.overQuota': 'over the mail quota: deferred to the next run',
  'send.ui.skipped': '{n} skipped',
  'send.ui.noneSkipped': 'Nobody skipped.',
  'send.ui.skippedReason': '{reason}: {list}',
  'send.ui.quota': 'Mail quota left today for {runBy}: {n}.',
  'send.ui.send': 'Send',
  'send.ui.cancel': 'Cancel',
  'send.ui.close': 'Close',
  'send.ui.sending': 'Sending…',
  'send.ui.done': 'Sent {sent} · skipped {skipped} · deferred {deferred} · failed {failed}',
  'send.ui.details': 'Details',
  'remind.installTitle': 'Install reminders',
  'remind.takeOverAsk':
    'Reminders are sent by {owner}, from their account and mail quota. Take them over, so they are sent from yours from now on?',
  'remind.takeOverNo': 'Nothing changed: reminders are still sent by {owner}.',
  'remind.sent': 'Sent {n} digests for {day}: {list}.',
  'remind.sentOne': 'Sent 1 digest for {day}: {list}.',
  'remind.noneSent': 'No digest sent for {day}.',
  'remind.deferred': 'Deferred (mail quota of {runBy} used up; mailed first on the next run): {list}.',
  'remind.failed': 'Failed: {list}.',
  'remind.skipped': 'Skipped, {reason}: {list}.',
  'remind.quota': 'Mail quota left today for {runBy}: {n}.',
  'remind.installed':
    'Reminders will be sent every day at {hour} ({timeZone}) from your account, {owner}, on your daily mail quota.',
  'remind.tookOver':
    'You took over from {previous}: their trigger does nothing from now on and removes itself.',
  'remind.replaced': 'Your previous reminder trigger was replaced (there is only ever one).',
  'remind.runBy':
    'The Settings row "{setting}" shows this. To change the time, edit "Reminder hour" in Settings.',
  // Set up workbook
  'setup.title': 'Set up workbook',
  'setup.created': 'Created sheets: {list}.',
  'setup.added': 'Added columns: {list}.',
  'setup.dropdowns': 'Dropdowns set on {n} columns.',
  'setup.formats': 'Date or plain-text format set on {n} columns.',
  'setup.problems': 'Not repaired, to keep your data safe — please fix by hand:\n{list}',
  'setup.settings': 'Settings added: {list}.',
  'setup.nothing': 'Everything was already in place: nothing was changed.',
  'setup.protections': 'Protections:\n{list}',
  // Record sidebar (templates filled in the browser; {noun} is a singular record name).
  'ui.sheet': 'Sheet',
  // The reminder preview sidebar.
  'preview.ui.title': 'Reminder preview',
  'preview.ui.for': 'Digests for',
  'preview.ui.show': 'Show',
  'preview.ui.loading': 'Loading…',
  'preview.ui.idle': 'No email',
  'preview.ui.owner': 'Reminders go out daily from {hour}:00 ({zone}), sent from the account of {email}.',
  'preview.ui.none':
    'Reminders are not installed: no daily email goes out until a member runs "Install reminders".',
  'preview.ui.today': 'Today',
  'preview.ui.summary': '{day}: {n} members get a digest ({items} items). Nothing is sent from here.',
  'preview.ui.summaryOne': '{day}: 1 member gets a digest ({items} items). Nothing is sent from here.',
  'preview.ui.mailed': 'mailed today',
  'preview.ui.lang.en': 'English',
  'preview.ui.lang.zh': 'Chinese',
  'preview.ui.notDate': '"{value}" is not a date: use YYYY-MM-DD.',
  'ui.new': 'New',
  'ui.search': 'Search…',
  'ui.searchLabel': 'Search',
  'ui.records': 'Records',
  'ui.dateHint': 'yyyy-mm-dd',
  'ui.dateTimeHint': 'yyyy-mm-dd hh:mm',
  'ui.loading': 'Loading…',
  'ui.save': 'Save',
  'ui.saving': 'Saving…',
  'ui.titleEdit': 'Edit {noun} {id}',
  'ui.titleNew': 'New {noun}',
  'ui.noMatch': 'No {table} match “{query}”.',
  'ui.noneYet': 'No {table} yet.',
  'ui.searchFailed': 'Search failed: {error}',
  'ui.opening': 'Opening {id}…',
  'ui.row': 'Row {row}.',
  'ui.showRow': 'Show in the sheet',
  'ui.gone': '{id} is no longer in {table} (it may have been deleted).',
  'ui.choose': '— choose —',
  'ui.couldNotOpen': 'Could not open {id}: {error}',
  'ui.savedIn': 'Saved {id} in {table}.',
  'ui.nothingSavedIn': 'Nothing was saved in {table}.',
  'ui.savedNew': 'Saved new {noun} {id} (row {row}).',
  'ui.saved': 'Saved {id}.',
  'ui.noChanges': 'Nothing to save: no field was changed.',
  'ui.duplicate':
    'This looks like {n} existing record(s), shown below: open one to edit it, or save again to create it anyway.',
  'ui.archive': 'Archive',
  'ui.archiveConfirm': 'Click again to archive',
  'ui.archived': 'Archived {id}: it leaves reminders and the roster, and stays in the sheet.',
  'ui.conflict':
    'Nothing was saved: someone changed this record since you opened it. The fields marked in red say what they hold now: open the record again from the list to start from there.',
  'ui.cellAsTyped': '{problem}. Shown as typed in the sheet; kept as it is unless you change it.',
  'ui.rowN': 'row {row}',
  'ui.blankId': 'Row {row} has no ID. Saving it gives it a new ID.',
  'ui.sameId': 'The ID {id} also stands on row(s) {rows}. Saving this row gives it a new ID.',
  'ui.correctFields': 'Nothing was saved: correct the fields marked below.',
  'ui.nothingSaved': 'Nothing was saved: {error}',
  'ui.busy':
    'Another member is saving right now and the workbook stayed busy for 20 seconds. Nothing was saved: try again.',
  'ui.saveAnyway': 'Save anyway',
  'ui.commaSeparated': 'comma-separated',
  'ui.idExample': 'e.g. {id}',
  'ui.openRecord': 'Open',
  'ui.openRecordId': 'Open {id}',
  'ui.shownOfTotal': '{shown} of {total} — refine your search',
  'ui.attendance': 'Attendance',
  'ui.present': 'present',
  'ui.excused': 'excused',
  'ui.absent': 'absent',
  'ui.late': 'present, late',
  'ui.repeatUntil': 'Repeat every two weeks until',
  'ui.savedSeries': 'Saved {id} and planned {n} more, every two weeks: {ids}.',
  'ui.noMembers': 'Members lists no active member.',
  'ui.multiAccount':
    'Google could not tell which of your accounts is using the sheet. Open this sheet in a browser window signed in to one Google account only (for example a private window), then open the sidebar again.',
  // Form field errors (records.ts FieldError codes); {field} is the column's header.
  'field.notText': '{field}: expected text.',
  'field.tooLong': '{field} is too long: {length} characters, at most {max}.',
  'field.required': '{field} is required.',
  'field.notBool': '{field} must be TRUE or FALSE.',
  'field.notNumber': '{field}: "{value}" is not a number.',
  'field.ambiguousNumber':
    '{field}: "{value}" is not a number: a comma separates thousands only (1,250). Write the decimal with a point (12.50).',
  'field.yearRange':
    '{field}: "{value}" has a year before 1000: write the year with four digits (2026-03-15).',
  'field.notWhole': '{field} must be a whole number.',
  'field.min': '{field} must be at least {min}.',
  'field.max': '{field} must be at most {max}.',
  'field.notDate': '{field}: "{value}" is not a valid date (use YYYY-MM-DD).',
  'field.notDateTime': '{field}: "{value}" is not a valid date (use YYYY-MM-DD or YYYY-MM-DD HH:MM).',
  'field.badTime': '{field}: "{value}" has an invalid time of day.',
  'field.oneOf': '{field} must be one of: {options}.',
  'field.notEmail': '{field}: "{value}" is not an email address.',
  'field.listTooLong': '{field} is too long.',
  'field.notRefId': '{field}: "{value}" is not a record ID such as S-0001.',
  'field.oneId': '{field} takes one ID.',
  'field.notId': '{field}: "{value}" is not a record ID.',
  'field.unknownField': 'Unknown field "{field}" for {table}.',
  'field.inTwoLists':
    '{field}: {value} is already in {other}: a member is present, excused or absent, one of them.',
  'field.lateNotPresent': '{field}: {value} is not in {other}: a member who came late was present.',
  'field.seriesType': '{field} repeats department meetings only.',
  'field.seriesPlanned': "{field}: a series is planned ahead, so the first meeting's Status must be Planned.",
  'field.seriesBefore': '{field}: {value} is before the first meeting ({first}).',
  'field.seriesTooMany': '{field}: {value} would plan {n} meetings; at most {max} at once (a year).',
  'field.purposeToPlan': '{field} is needed to plan a visit: write what it is for.',
  'field.outcomeToReport': '{field} is needed to mark a visit Done: write what came of it.',
  'role.anyMember': 'any active member',
  'role.or': ' or ',
  'role.noEmail':
    'Outreach Desk cannot tell who you are (Google gave no email for your account), so it changes nothing. Open the workbook signed in to the Google account listed in Members.',
  'role.notMember':
    '{email} is not an active member in the Members sheet, so this is not allowed: only {allowed} may do it. Nothing was changed.',
  'role.refused': 'Only {allowed} may do this; {email} is {role}. Nothing was changed.',
  'role.reassign':
    '{field}: only {allowed} may give a record that {owner} owns to someone else. Nothing was saved.',
  'field.noSuchRecord': '{field}: there is no {table} record "{value}".',
  'field.wrongTable': '{field}: "{value}" is not an ID of {tables}.',
  'field.notMember':
    '{field}: "{value}" is not a member: use the Email of someone in Members (add them there first).',
  'field.duplicateValue': '{field}: "{value}" is already used by {id}.',
  'field.changedBy':
    '{field} was changed by {by} at {at} since you opened this record: it is now "{current}" (you had "{loaded}"). Nothing was saved: reopen the record, then make your change again.',
  'field.changedSince':
    '{field} was changed since you opened this record (in the sheet or by another member): it is now "{current}" (you had "{loaded}"). Nothing was saved: reopen the record, then make your change again.',
  // Common
  'doc.generated': 'Generated {date}',
  'doc.term': 'Term {term}: {start} to {end}',
  'doc.termUnset': 'Term {term}',
  'doc.total': 'Total',
  'doc.none': 'None.',
  'doc.dash': '—',
  'doc.noSponsor': '(no sponsor)',
  'doc.noEvent': '(no event)',
  'doc.unknownRecord': '{id} (not in the sheet)',
  'doc.inactive': 'inactive',
  'doc.active': 'Active',
  'doc.inactiveCap': 'Inactive',

  // Semester report
  'report.name': 'Semester report — {department} — {term}',
  'report.fileName': 'Semester report — {term} — {date}',
  'report.title': 'Semester report {term}',
  'report.pageHeader': '{department} · Semester report · {term}',
  'report.reportDate':
    'Report date: {date}. Amounts in {currency}; dates are calendar days in the time zone {timeZone}.',
  'report.summary': '1. Summary',
  'report.summary.cash': 'Cash received',
  'report.summary.inKind': 'In-kind value',
  'report.summary.expenses': 'Expenses',
  'report.summary.net': 'Net (cash received − expenses)',
  'report.summary.pending': 'Pending ledger entries',
  'report.summary.meetings': 'Department meetings held',
  'report.summary.visits': 'Outside work done (visits, calls, exchanges…)',
  'report.summary.figure': 'Figure',
  'report.summary.value': 'Value',
  'report.summary.note':
    'Money figures count Ledger entries dated from {start} to {end} inclusive, whatever their status.',
  'report.chart.heading': 'Money raised per month',
  'report.chart.caption':
    'Cash received (dark blue) and in-kind value (light blue) per calendar month of the term; the number above each bar is the month’s total.',
  'report.chart.alt': 'Bar chart: money raised per month',
  'report.sponsors': '2. Sponsors',
  'report.sponsors.note':
    'Cash and in-kind received in the term, by the Sponsor ID of Ledger entries. Stage and owner as in the Sponsors sheet today.',
  'report.col.sponsor': 'Sponsor',
  'report.col.stage': 'Stage',
  'report.col.owner': 'Owner',
  'report.col.cash': 'Cash received',
  'report.col.inKind': 'In-kind value',
  'report.col.pledged': 'Pledged',
  'report.events': '3. Events',
  'report.events.note':
    'Raised = income + in-kind value, and expenses, of Ledger entries dated in the term, by Event ID.',
  'report.col.event': 'Event',
  'report.col.date': 'Date',
  'report.col.status': 'Status',
  'report.col.target': 'Target',
  'report.col.raised': 'Raised',
  'report.col.expenses': 'Expenses',
  'report.col.ofTarget': '% of target',
  'report.pipeline': '4. Sponsor pipeline',
  'report.pipeline.note': 'Sponsors per stage, as the Sponsors sheet stands on the report date.',
  'report.col.sponsors': 'Sponsors',
  'report.meetings': '5. Department meetings and attendance',
  'report.meetings.held': 'Department meetings held in the term: {n}.',
  'report.meetings.note':
    'Held = Type “Department Meeting”, Status “Done”, dated in the term. Attendance = meetings where the member is listed in Attendees ÷ meetings held. Active members only.',
  'report.col.member': 'Member',
  'report.col.role': 'Role',
  'report.col.attended': 'Attended',
  'report.col.excused': 'Excused',
  'report.col.absent': 'Absent',
  'report.col.attendance': 'Attendance',
  'report.outside': '6. Outside work per member',
  'report.outside.note':
    'Meetings with Status “Done”, dated in the term, of every type except Department Meeting, counted for their Owner.',
  'report.col.totalDone': 'Total',
  'report.overdue': '7. Contacts overdue on {date}',
  'report.overdue.note':
    'A contact is overdue when Last Contacted + cadence (its Cadence (days), or the default of {days} days) is on or before the report date, or when it was never contacted.',
  'report.col.contacts': 'Contacts',
  'report.col.overdue': 'Overdue',
  'report.col.never': 'Never contacted',
  'report.col.mostOverdue': 'Longest overdue',
  'report.overdue.days': '{name} ({days} days)',
  'report.overdue.never': '{name} (never)',
  'report.pending': '8. Ledger entries still pending',
  'report.pending.note':
    'Every Ledger entry with Status “Pending”, whatever its date: what remains to settle and file. Total: {total}.',
  'report.col.entry': 'Entry',
  'report.col.type': 'Type',
  'report.col.description': 'Description',
  'report.col.handledBy': 'Handled by',
  'report.col.amount': 'Amount',
  'report.followups': '9. Open follow-ups for the next term',
  'report.followups.note':
    'What the next team picks up: sponsors (not Declined, Dormant or Thanked) whose Next Follow-up is on or after {from}; meetings (not Cancelled) whose Follow-up Date is on or after {from}; Done meetings with Next Steps but no Follow-up Date; outside meetings still Planned for {from} or later. {from} is the report date, or the day after the term when the report is made after it.',
  'report.col.due': 'Due',
  'report.col.what': 'What',
  'report.col.nextStep': 'Next step',
  'report.followups.sponsor': 'Sponsor',
  'report.followups.meeting': 'Follow-up',
  'report.followups.planned': 'Planned visit',
  'report.followups.noDate': 'no date',
  'report.outstanding': '10. Outstanding members',
  'report.outstanding.note':
    'Most visits done = most outside work (section 6). Best attendance = highest attendance rate (section 5). Most raised = income + in-kind value of Ledger entries dated in the term, credited to the entry’s Handled By, or to the sponsor’s owner when Handled By is blank.',
  'report.col.award': 'Recognition',
  'report.col.members': 'Member(s)',
  'report.col.figure': 'Figure',
  'report.award.visits': 'Most visits done',
  'report.award.attendance': 'Best attendance',
  'report.award.raised': 'Most raised',
  'report.award.visitsN': '{n} done',
  'report.award.nobody': 'Nobody yet',
  'report.problems': 'Notes on the data',
  'report.problems.note':
    'These rows could not be read completely; the figures above leave out the unreadable values. Fix them in the sheet and generate the report again.',
  'report.col.sheet': 'Sheet',
  'report.col.row': 'Row',
  'report.col.problem': 'Problem',
  'report.problems.more': '… and {n} more',

  // Contact roster
  'roster.name': 'Contact roster — {department} — {term}',
  'roster.fileName': 'Contact roster — {term} — {date}',
  'roster.title': 'Contact roster {term}',
  'roster.pageHeader': '{department} · Contact roster · {term} · generated {date}',
  'roster.dates': 'Term {term} · Generated {date}',
  'roster.intro':
    '{contacts} contacts at {orgs} organisations, grouped by organisation type, then organisation. Owner = the member who keeps in touch.',
  'roster.group': '{type} ({n})',
  'roster.col.organization': 'Organization',
  'roster.col.name': 'Name',
  'roster.col.title': 'Title',
  'roster.col.phone': 'Phone',
  'roster.col.email': 'Email',
  'roster.col.owner': 'Owner',
  'roster.col.group': 'Group',
  'roster.col.status': 'Status',
  'roster.members': 'Department members ({n})',
  'roster.noOrgType': 'No organisation type',
  'roster.noContacts': 'No contacts yet.',

  // Add-on messages
  'ui.reportTitle': 'Generate semester report',
  'job.ui.lang': 'en',
  'job.ui.close': 'Close',
  'job.ui.working': 'Step {n} of {total}…',
  'job.ui.done': 'Done.',
  'job.ui.failed': 'Stopped: {error}',
  'job.title.report': 'Generating the semester report',
  'job.title.roster': 'Generating the contact roster',
  'job.title.setup': 'Setting up the workbook',
  'job.step.read': 'Reading the workbook',
  'job.step.compute': 'Counting the figures',
  'job.step.write': 'Writing the document',
  'job.step.sheet': 'Sheet {name}: headers, dropdowns, formats',
  'job.step.settings': 'Settings',
  'job.step.protect': 'Protections by role',
  'ui.docReady': 'Your document is ready',
  'ui.open': 'Open “{name}”',
  'ui.folderFailed':
    'The document was saved in your My Drive: the Reports folder ID “{id}” in Settings could not be opened ({error}).',
  'ui.inFolder': 'Saved in the Reports folder.',
  'ui.termMissing':
    'Set “Semester start” and “Semester end” in the Settings sheet (dates such as 2026-09-01) before generating the semester report.',
  'ui.termReversed': 'In Settings, “Semester end” ({end}) is before “Semester start” ({start}).',
  // Start new term
  'term.title': 'Start new term',
  'term.badLabel': 'Type the new Term label (at most 100 characters), e.g. “2027 Spring”.',
  'term.badDates': 'Semester start and Semester end must be dates such as 2027-02-20.',
  'term.endBeforeStart': 'Semester end ({end}) is before Semester start ({start}).',
  'term.startTooEarly': 'The new term must start after the current one ({current}).',
  'term.already': 'The term “{term}” has already been started and its archive exists: nothing was changed.',
  'term.alreadyNoArchive': 'The Term setting is already “{term}”: nothing was changed.',
  'term.protected':
    'You may not edit {list} (protected sheets), so the new term cannot be started from your account: ask the Minister, or have “Set up workbook” update the editors.',
  'term.badOwner': 'Not an active member: {list}. Choose new owners among the active members.',
  'term.step.archive': 'Archiving the workbook as “{name}”…',
  'term.step.verify': 'Checking the archive…',
  'term.step.documents': 'Writing the semester report and the contact roster…',
  'term.step.remove': 'Removing closed records…',
  'term.step.owners': 'Giving contacts and sponsors to their new owners…',
  'term.step.settings': 'Updating Term and semester dates…',
  'term.verifyFailed':
    'The archive does not match the workbook, so nothing was removed or changed: {list}. The copy “{name}” is kept for checking.',
  'term.done.archive': 'Archived as “{name}”.',
  'term.done.documents': 'Semester report and contact roster of {term} written.',
  'term.done.removed': '{table}: {n} rows removed.',
  'term.done.removedOne': '{table}: 1 row removed.',
  'term.done.skipped': '{table}: {list} kept (changed since the archive was made).',
  'term.done.failed': '{table}: nothing removed ({error}).',
  'term.done.pledges': 'Pledges cleared on {n} sponsors.',
  'term.done.owners': '{n} contacts and sponsors given to new owners.',
  'term.done.settings': 'Term is now “{term}” ({start} – {end}).',
  'term.done.reminders': 'Reminders are now sent by {email}.',
  'term.done.reportFailed': 'The semester report could not be written: {error}',
  // Start new term: the dialog's texts
  'term.ui.lead':
    'Nothing changes until you confirm: first see what the new term will archive, remove, keep and hand over.',
  'term.ui.term': 'New Term',
  'term.ui.start': 'Semester start',
  'term.ui.end': 'Semester end',
  'term.ui.show': 'Show what will happen',
  'term.ui.dryRun': 'Dry run',
  'term.ui.owners': 'New owners',
  'term.ui.reminders': 'Reminders',
  'term.ui.run': 'Start new term',
  'term.ui.done': 'Done',
  'term.ui.reading': 'Reading the workbook…',
  'term.ui.running': 'Archiving, then starting the new term… (this can take a minute)',
  'term.ui.started': 'The new term has started.',
  'term.ui.unchanged': 'Nothing was changed.',
  'term.ui.stopped': 'Stopped.',
  'term.ui.fromTo': 'From {from} ({fromStart} – {fromEnd}) to {to} ({toStart} – {toEnd}).',
  'term.ui.noTerm': '(no Term)',
  'term.ui.archive':
    'Archive: a copy of the whole workbook named “{name}”, with the semester report and contact roster of {term}.',
  'term.ui.archiveFolder':
    'Archive: a copy of the whole workbook named “{name}”, with the semester report and contact roster of {term}, in the Reports folder.',
  'term.ui.table': '{table}: {n} of {total} rows removed (they stay in the archive); kept: {kept}.',
  'term.ui.none': 'none',
  'term.ui.carried': 'Carried over whole: {list}.',
  'term.ui.pledges': 'Per-term fields cleared: Pledged and In-kind Pledged of {n} sponsors.',
  'term.ui.orphans': '{n} contacts and sponsors have an Owner who is not an active member.',
  'term.ui.allOf': 'All of {email}’s ({n}) to',
  'term.ui.keepAll': '— keep as it is —',
  'term.ui.keep': '— keep —',
  'term.ui.oneByOne': 'One by one',
  'term.ui.remindersBy': 'Reminders are sent from {email}’s account.',
  'term.ui.remindersNone': 'Reminders are not installed: no daily email goes out.',
  'term.ui.takeOver': 'Send the reminders from my account ({email}) from now on',
  'term.ui.openArchive': 'Open the archive “{name}”',
  'term.ui.open': 'Open “{name}”',
  'term.ui.why.planned': 'planned',
  'term.ui.why.pending': 'pending',
  'term.ui.why.lent': 'lent goods not yet returned',
  'term.ui.why.open': 'open',
  'term.ui.why.linked': 'linked from a kept ledger entry',
  'term.ui.why.current': 'dated in the new term or undated',
  'term.ui.why.noId': 'blank or repeated ID',
  // Partners (issue 13): benefits, lent goods, commitments, sponsor feedback packs.
  'field.evidenceNeeded':
    '{field} is needed to mark a benefit Done: paste a link to the proof (a photo of the banner, a post).',
  'field.evidenceLink': '{field} must be a link (https://…) to the proof, not “{value}”.',
  'report.commitments': 'Sponsor commitments: pledged and received',
  'report.commitments.note':
    'Pledged: the Sponsors sheet’s Pledged (cash) and In-kind Pledged (goods, as typed). Received: Income and In-kind entries dated in the term ({start} to {end}), in-kind by quantity and estimated value. Gap = pledged cash − cash received (0 once it all came). Benefits owed: the sponsor’s Promised benefits, with their due dates.',
  'report.commitments.items': '{qty} items · {value}',
  'report.col.gap': 'Gap',
  'report.col.inKindPledged': 'In-kind pledged',
  'report.col.inKindReceived': 'In-kind received',
  'report.col.benefitsOwed': 'Benefits owed',
  'report.col.quantity': 'Quantity',
  'report.col.returnBy': 'Return by',
  'report.col.benefit': 'Benefit',
  'report.col.evidence': 'Evidence',
  'report.loans': 'Lent goods not yet returned',
  'report.loans.note':
    'In-kind entries with a Return By date and no Returned date at the report date; those past their Return By are marked overdue.',
  'report.loans.overdue': '{date} (overdue)',
  'feedback.fileName': 'Sponsor feedback — {event} — {sponsor} — {date}',
  'feedback.title': 'Thank you, {sponsor}',
  'feedback.pageHeader': '{department} · {event}',
  'feedback.lead': '{event} · {date}',
  'feedback.thanks': 'Thank you',
  'feedback.defaultThanks':
    'Dear {sponsor},\nThank you for supporting {event}. Your help made the event possible, and we are glad to report below what you gave, what we delivered in return, and how the event went.\n{department}',
  'feedback.gifts': 'What you gave',
  'feedback.gifts.note': 'From our ledger: the cash and goods recorded from you for this event.',
  'feedback.benefits': 'What we delivered in return',
  'feedback.benefits.note':
    'Each benefit we promised you for this event and delivered, with the link to its evidence.',
  'feedback.figures': 'The event in figures',
  'feedback.fig.date': 'Date',
  'feedback.fig.cash': 'Cash raised',
  'feedback.fig.inKind': 'Goods given (estimated value)',
  'feedback.fig.sponsors': 'Sponsors',
  'feedback.fig.target': 'Sponsorship target',
  'feedback.refused':
    'Only the Minister, the Vice Minister or the event’s Lead ({lead}) may make and confirm its sponsor feedback.',
  'feedback.notDone':
    '{event} is not Done (its Status is {status}): feedback packs are made after the event.',
  'feedback.noEvent': 'No event {id} in the Events sheet.',
  'feedback.ui.title': 'Sponsor feedback',
  'feedback.ui.intro': 'Pick an event that is Done: one Google Doc is made for each sponsor that gave to it.',
  'feedback.ui.pick': 'Event',
  'feedback.ui.none': 'No event is Done yet: feedback packs are made for Done events.',
  'feedback.ui.generate': 'Generate feedback',
  'feedback.ui.progress': 'Making {done} of {n}: {sponsor}…',
  'feedback.ui.made': '{n} documents ready (in the Reports folder when set):',
  'feedback.ui.noGivers':
    'No sponsor gave to this event: no Income or In-kind entry with a Sponsor ID names it.',
  'feedback.ui.confirm': 'I sent them: set Feedback Sent',
  'feedback.ui.confirmed': 'Feedback Sent is now {date} for {event}: the Lead’s reminder stops.',
  'feedback.ui.sent': 'Feedback Sent {date}',
  'feedback.ui.close': 'Close',
  'ui.partners.commitments': 'Pledged and received this term',
  'ui.partners.cash': 'Cash: {received} received of {pledged} pledged',
  'ui.partners.gap': 'Still to come: {gap}',
  'ui.partners.inKind': 'In-kind: pledged “{pledged}”; received {qty} items worth {value}',
  'ui.partners.owed': 'Benefits still owed: {n}',
  'ui.partners.markDone': 'Mark done',
  'ui.partners.evidence': 'Evidence link (a photo of the banner, a post)',
  'ui.partners.done': 'Marked Done with its evidence.',
  'ui.partners.returned': 'Returned',
  'ui.partners.returnedDone': 'Marked returned on {date}.',
  'ui.partners.lent': 'Lent goods: to return by {date}',
  // Reminder trigger failures (the owner's next digest)
  'remind.runFailedNotice':
    'The reminder run of {at} failed: {error} It is retried every hour; the "{setting}" row in Settings shows the latest state.',
  // Union scale (issue 11): runs stopped before the time limit, capped lists.
  'remind.continued':
    'Stopped before Google’s 6-minute limit: a follow-up run in about a minute mails the {n} left: {list}.',
  'report.listMore': '… and {n} more — see the {sheet} sheet',
  'report.followups.sheets': 'Sponsors and Meetings',
  'roster.split':
    'The roster is too large for one Google Doc: its {contacts} contacts are in the {n} documents below, one per Org Type. This document lists them and the department members.',
  'roster.partOf': '{type} ({k} of {n})',
  'roster.col.part': 'Org Type',
  'roster.col.contacts': 'Contacts',
  'roster.col.link': 'Document',
  'ui.rosterSplit':
    'The roster was too large for one Google Doc: it is in {n} documents by Org Type, and this index links to each.',
  // Partners: templates, greetings ready to send, festivals (greetings branch)
  'field.unknownPlaceholder': '{field}: unknown placeholder {value}; use {options}.',
  'term.done.festivals': 'Festival dates added as Holidays: {list}.',
  'term.ui.festivals': 'Festival dates to add as Holiday rows: {n}',
  'setup.templates': 'Templates added: {n} (in English and Chinese; edit them with Add or edit templates).',
  'greet.ui.title': 'Greetings to send',
  'greet.ui.loading': 'Reading your contacts to greet…',
  'greet.ui.none':
    'No greetings to send today: no Holiday in the next 3 days, or every contact of yours is greeted.',
  'greet.ui.count': '{n} greetings to send ({today}).',
  'greet.ui.holiday': '{holiday} · {day}',
  'greet.ui.copy': 'Copy',
  'greet.ui.copied': 'Copied: paste it into WeChat or SMS, then mark it sent.',
  'greet.ui.copyFailed': 'Could not copy: select the text and copy it by hand.',
  'greet.ui.email': 'Email it',
  'greet.ui.confirmEmail':
    'Send this greeting to {email} from your account? (1 of your {quota} emails left today)',
  'greet.ui.send': 'Send',
  'greet.ui.cancel': 'Cancel',
  'greet.ui.markSent': 'Mark sent',
  'greet.ui.marked': '{name}: marked sent today.',
  'greet.ui.emailed': 'Sent to {email}, logged as {id}.',
  'greet.ui.gone':
    'This greeting is no longer on your list (sent or changed meanwhile): the list is read again.',
  'greet.ui.noEmail': '{name} has no Email: copy the message instead.',
  'greet.ui.noQuota': 'Your mail quota for today is used up: copy the message instead, or email it tomorrow.',
  'greet.ui.quota': 'Emails you may still send today: {n}.',
  'greet.meeting.title': '{holiday} greeting to {name}',
  'greet.meeting.outcome': 'Greeting emailed to {email}: "{subject}"',
  'greet.ui.sentNotLogged':
    'Sent to {email}, but it could not be recorded: {why} Record it in Meetings by hand.',
  'ui.tplPreview': 'Preview',
  'ui.tplPreviewWith': 'Filled for',
  'ui.tplPreviewLoading': 'Loading contacts and sponsors…',
  'ui.tplUnknown':
    'Unknown placeholder {value}: use {{Name}} {{Organization}} {{Title}} {{Holiday}} {{Event}} {{Amount}} {{Gifts}} {{Department}} {{Member}} {{Date}}.',
  // Reminders (fixrem): a stopped run whose follow-up trigger could not be created.
  'remind.continuedLater': 'Stopped before Google’s 6-minute limit: the next run mails the {n} left: {list}.',
} as const;

/** Every message of the catalog: a key that is not in the English catalog is a type error. */
export type MessageKey = keyof typeof EN;

/** The Chinese catalog must have every key of the English one (a missing one is a type error). */
const ZH: Readonly<Record<MessageKey, string>> = {
  // 提醒菜单
  'remind.sendTitle': '立即发送提醒 (Send reminders now)',
  'send.ui.title': '立即发送提醒',
  'send.ui.loading': '正在读取今天的待办…',
  'send.ui.lead': '按“发送”之前不会发送任何邮件。',
  'send.ui.willSend': '今天（{day}）将发送 {n} 封提醒：',
  'send.ui.willSendOne': '今天（{day}）将发送 1 封提醒：',
  'send.ui.noneToSend': '今天（{day}）没有要发送的提醒。',
  'send.ui.member': '{name} · {items} 项',
  'send.ui.memberOne': '{name} · 1 项',
  'send.ui.overQuota': '超出邮件配额：推迟到下次运行',
  'send.ui.skipped': '跳过 {n} 人',
  'send.ui.noneSkipped': '没有跳过任何人。',
  'send.ui.skippedReason': '{reason}：{list}',
  'send.ui.quota': '{runBy} 今日剩余邮件配额：{n}。',
  'send.ui.send': '发送',
  'send.ui.cancel': '取消',
  'send.ui.close': '关闭',
  'send.ui.sending': '正在发送…',
  'send.ui.done': '已发送 {sent} · 跳过 {skipped} · 推迟 {deferred} · 失败 {failed}',
  'send.ui.details': '详情',
  'remind.installTitle': '安装提醒 (Install reminders)',
  'remind.takeOverAsk': '提醒目前由 {owner} 发送（使用其账号和邮件配额）。要接管吗？接管后将从你的账号发送。',
  'remind.takeOverNo': '未做任何更改：提醒仍由 {owner} 发送。',
  'remind.sent': '已发送 {day} 的提醒 {n} 封：{list}。',
  'remind.sentOne': '已发送 {day} 的提醒 1 封：{list}。',
  'remind.noneSent': '{day} 没有发送提醒。',
  'remind.deferred': '已推迟（{runBy} 的邮件配额已用完，下次运行时优先发送）：{list}。',
  'remind.failed': '发送失败：{list}。',
  'remind.skipped': '跳过（{reason}）：{list}。',
  'remind.quota': '{runBy} 今日剩余邮件配额：{n}。',
  'remind.installed': '每天 {hour}（{timeZone}）从你的账户 {owner} 发送提醒，占用你的每日邮件配额。',
  'remind.tookOver': '你已接替 {previous}：其触发器从现在起不再发送，并会自行删除。',
  'remind.replaced': '你之前的提醒触发器已被替换（始终只有一个）。',
  'remind.runBy': '设置表中的“{setting}”一行记录了这一点。要更改时间，请修改设置中的“Reminder hour”。',
  'remind.reason.inactive member': '成员不在任',
  'remind.reason.a run stopped while mailing them today: not mailed again, to never mail twice':
    '今天的发送中途停止：为避免重复发送，不再发送',
  'remind.reason.nothing due': '没有待办事项',
  'remind.reason.already mailed today': '今天已发送',
  // 设置工作簿
  'setup.title': '设置工作簿 (Set up workbook)',
  'setup.created': '已创建工作表：{list}。',
  'setup.added': '已添加列：{list}。',
  'setup.dropdowns': '已为 {n} 列设置下拉列表。',
  'setup.formats': '已为 {n} 列设置日期或纯文本格式。',
  'setup.problems': '为保护数据未自动修复，请手动处理：\n{list}',
  'setup.settings': '已添加设置：{list}。',
  'setup.nothing': '一切就绪：没有任何改动。',
  'setup.protections': '保护（Protections）：\n{list}',
  // 记录侧边栏
  'ui.sheet': '工作表',
  // 提醒预览侧栏
  'preview.ui.title': '提醒预览',
  'preview.ui.for': '查看日期',
  'preview.ui.show': '显示',
  'preview.ui.loading': '正在加载……',
  'preview.ui.idle': '不发邮件',
  'preview.ui.owner': '每日提醒从 {hour}:00（{zone}）起发出，由 {email} 的账号发送。',
  'preview.ui.none': '尚未安装提醒：在有成员运行“安装每日提醒”之前，不会发送每日邮件。',
  'preview.ui.today': '今天',
  'preview.ui.summary': '{day}：{n} 位成员会收到提醒（共 {items} 项）。此处不会发送任何邮件。',
  'preview.ui.summaryOne': '{day}：1 位成员会收到提醒（共 {items} 项）。此处不会发送任何邮件。',
  'preview.ui.mailed': '今天已发送',
  'preview.ui.lang.en': '英文',
  'preview.ui.lang.zh': '中文',
  'preview.ui.notDate': '“{value}”不是日期：请用 YYYY-MM-DD。',
  'ui.new': '新建',
  'ui.search': '搜索…',
  'ui.searchLabel': '搜索',
  'ui.records': '记录',
  'ui.dateHint': '如 2026-03-15',
  'ui.dateTimeHint': '如 2026-03-15 14:30',
  'ui.loading': '加载中…',
  'ui.save': '保存',
  'ui.saving': '保存中…',
  'ui.titleEdit': '编辑{noun} {id}',
  'ui.titleNew': '新建{noun}',
  'ui.noMatch': '没有与“{query}”匹配的{table}。',
  'ui.noneYet': '还没有{table}。',
  'ui.searchFailed': '搜索失败：{error}',
  'ui.opening': '正在打开 {id}…',
  'ui.row': '第 {row} 行。',
  'ui.showRow': '在表格中显示',
  'ui.gone': '{id} 已不在{table}中（可能已被删除）。',
  'ui.choose': '— 请选择 —',
  'ui.couldNotOpen': '无法打开 {id}：{error}',
  'ui.savedIn': '已保存到{table}：{id}。',
  'ui.nothingSavedIn': '{table}中没有保存任何内容。',
  'ui.savedNew': '已新建{noun} {id}（第 {row} 行）。',
  'ui.saved': '已保存 {id}。',
  'ui.noChanges': '没有需要保存的内容：没有修改任何字段。',
  'ui.duplicate': '这条记录与下面 {n} 条已有记录相似：可以打开已有记录修改，或再次保存以仍然新建。',
  'ui.archive': '归档',
  'ui.archiveConfirm': '再点一次确认归档',
  'ui.archived': '已归档 {id}：它不再出现在提醒和通讯录中，但仍保留在表格里。',
  'ui.conflict':
    '未保存：自你打开后，有人修改了此记录。红色标出的字段显示了它们现在的内容：请从列表中重新打开记录后再修改。',
  'ui.cellAsTyped': '{problem}。按表格中的原样显示；除非你修改，否则保持不变。',
  'ui.rowN': '第 {row} 行',
  'ui.blankId': '第 {row} 行没有编号。保存时会为它分配新编号。',
  'ui.sameId': '编号 {id} 也出现在第 {rows} 行。保存此行时会为它分配新编号。',
  'ui.correctFields': '未保存：请修改下方标出的字段。',
  'ui.nothingSaved': '未保存：{error}',
  'ui.busy': '其他成员正在保存，工作簿 20 秒内一直忙碌。未保存任何内容，请重试。',
  'ui.saveAnyway': '仍然保存',
  'ui.commaSeparated': '用逗号分隔',
  'ui.idExample': '例如 {id}',
  'ui.openRecord': '打开',
  'ui.openRecordId': '打开 {id}',
  'ui.shownOfTotal': '显示 {shown} 条，共 {total} 条——请缩小搜索范围',
  'ui.attendance': '考勤',
  'ui.present': '出席',
  'ui.excused': '请假',
  'ui.absent': '缺席',
  'ui.late': '出席（迟到）',
  'ui.repeatUntil': '每两周重复，直到',
  'ui.savedSeries': '已保存 {id}，并每两周另计划 {n} 次：{ids}。',
  'ui.noMembers': '成员表中没有在职成员。',
  'ui.multiAccount':
    'Google 无法确定是你的哪个账号在使用此表格。请在只登录了一个 Google 账号的浏览器窗口（例如无痕窗口）中打开此表格，然后重新打开侧边栏。',
  // 表单字段错误
  'field.notText': '{field}：应为文字。',
  'field.tooLong': '{field}太长：{length} 个字符，最多 {max} 个。',
  'field.required': '{field}为必填项。',
  'field.notBool': '{field}必须为 TRUE 或 FALSE。',
  'field.notNumber': '{field}：“{value}”不是数字。',
  'field.ambiguousNumber':
    '{field}：“{value}”不是数字：逗号只能用作千位分隔（1,250），小数请用小数点（12.50）。',
  'field.yearRange': '{field}：“{value}”的年份早于 1000 年：请写四位年份（2026-03-15）。',
  'field.notWhole': '{field}必须为整数。',
  'field.min': '{field}不能小于 {min}。',
  'field.max': '{field}不能大于 {max}。',
  'field.notDate': '{field}：“{value}”不是有效日期（格式 YYYY-MM-DD）。',
  'field.notDateTime': '{field}：“{value}”不是有效日期（格式 YYYY-MM-DD 或 YYYY-MM-DD HH:MM）。',
  'field.badTime': '{field}：“{value}”的时间无效。',
  'field.oneOf': '{field}必须是以下之一：{options}。',
  'field.notEmail': '{field}：“{value}”不是电子邮箱地址。',
  'field.listTooLong': '{field}太长。',
  'field.notRefId': '{field}：“{value}”不是记录编号（例如 S-0001）。',
  'field.oneId': '{field}只能填一个编号。',
  'field.notId': '{field}：“{value}”不是记录编号。',
  'field.unknownField': '{table}没有字段“{field}”。',
  'field.inTwoLists': '{field}：{value} 已在{other}中：每位成员只能是出席、请假或缺席之一。',
  'field.lateNotPresent': '{field}：{value} 不在{other}中：迟到的成员也算出席。',
  'field.seriesType': '只有部门例会可以{field}。',
  'field.seriesPlanned': '{field}：系列会议是提前计划的，第一次会议的状态须为“计划中”。',
  'field.seriesBefore': '{field}：{value} 早于第一次会议（{first}）。',
  'field.seriesTooMany': '{field}：{value} 将计划 {n} 次会议；一次最多 {max} 次（一年）。',
  'field.purposeToPlan': '计划拜访需要填写{field}：写明此行目的。',
  'field.outcomeToReport': '标记拜访为“已完成”需要填写{field}：写明结果。',
  'role.anyMember': '任何在任成员',
  'role.or': '或',
  'role.noEmail':
    'Outreach Desk 无法确认你的身份（Google 没有提供你的邮箱），因此不做任何修改。请用成员表中登记的 Google 账号登录后再打开工作簿。',
  'role.notMember': '{email} 不是成员表中的在任成员，无权执行此操作：只有{allowed}可以。没有做任何修改。',
  'role.refused': '只有{allowed}可以执行此操作；{email} 的职务是{role}。没有做任何修改。',
  'role.reassign': '{field}：只有{allowed}可以把 {owner} 负责的记录交给他人。未保存任何内容。',
  'field.noSuchRecord': '{field}：{table}中没有记录“{value}”。',
  'field.wrongTable': '{field}：“{value}”不是{tables}的编号。',
  'field.notMember': '{field}：“{value}”不是部门成员：请填写成员表中某位成员的邮箱（需先在成员表中添加）。',
  'field.duplicateValue': '{field}：“{value}”已被 {id} 使用。',
  'field.changedBy':
    '自你打开此记录后，{by} 于 {at} 修改了{field}：现在是“{current}”（你打开时是“{loaded}”）。未保存任何内容：请重新打开记录后再修改。',
  'field.changedSince':
    '自你打开此记录后，{field}已被修改（在表格中或由其他成员）：现在是“{current}”（你打开时是“{loaded}”）。未保存任何内容：请重新打开记录后再修改。',
  'doc.generated': '生成日期：{date}',
  'doc.term': '学期 {term}：{start} 至 {end}',
  'doc.termUnset': '学期 {term}',
  'doc.total': '合计',
  'doc.none': '无。',
  'doc.dash': '—',
  'doc.noSponsor': '（无赞助商）',
  'doc.noEvent': '（无活动）',
  'doc.unknownRecord': '{id}（表中不存在）',
  'doc.inactive': '非在任',
  'doc.active': '在任',
  'doc.inactiveCap': '非在任',

  'report.name': '学期工作报告 — {department} — {term}',
  'report.fileName': '学期工作报告 — {term} — {date}',
  'report.title': '{term} 学期工作报告',
  'report.pageHeader': '{department} · 学期工作报告 · {term}',
  'report.reportDate': '报告日期：{date}。金额单位 {currency}；日期按时区 {timeZone}。',
  'report.summary': '一、概要',
  'report.summary.cash': '现金收入',
  'report.summary.inKind': '实物价值',
  'report.summary.expenses': '支出',
  'report.summary.net': '净额（现金收入 − 支出）',
  'report.summary.pending': '待结算账目',
  'report.summary.meetings': '召开部门例会',
  'report.summary.visits': '完成外联工作（拜访、电话、交流等）',
  'report.summary.figure': '项目',
  'report.summary.value': '数值',
  'report.summary.note': '金额统计日期在 {start} 至 {end}（含）之间的全部账目，不论状态。',
  'report.chart.heading': '每月筹集金额',
  'report.chart.caption': '本学期每个自然月的现金收入（深蓝）与实物价值（浅蓝）；柱上数字为当月合计。',
  'report.chart.alt': '柱状图：每月筹集金额',
  'report.sponsors': '二、赞助商',
  'report.sponsors.note': '按账目的赞助商编号统计本学期收到的现金与实物；阶段与负责人为赞助商表当前内容。',
  'report.col.sponsor': '赞助商',
  'report.col.stage': '阶段',
  'report.col.owner': '负责人',
  'report.col.cash': '现金收入',
  'report.col.inKind': '实物价值',
  'report.col.pledged': '承诺金额',
  'report.events': '三、活动',
  'report.events.note': '筹集 = 本学期账目中的现金收入 + 实物价值；支出同样按活动编号统计。',
  'report.col.event': '活动',
  'report.col.date': '日期',
  'report.col.status': '状态',
  'report.col.target': '赞助目标',
  'report.col.raised': '已筹集',
  'report.col.expenses': '支出',
  'report.col.ofTarget': '完成率',
  'report.pipeline': '四、赞助进度',
  'report.pipeline.note': '截至报告日期赞助商表中各阶段的赞助商数量。',
  'report.col.sponsors': '赞助商数',
  'report.meetings': '五、部门例会与出勤',
  'report.meetings.held': '本学期召开部门例会 {n} 次。',
  'report.meetings.note':
    '例会 = 类型为“Department Meeting”、状态为“Done”、日期在本学期内。出勤率 = 出现在出席名单中的例会数 ÷ 召开例会数。仅统计在任成员。',
  'report.col.member': '成员',
  'report.col.role': '职务',
  'report.col.attended': '出席',
  'report.col.excused': '请假',
  'report.col.absent': '缺席',
  'report.col.attendance': '出勤率',
  'report.outside': '六、成员外联工作',
  'report.outside.note': '本学期内状态为“Done”的非例会会议（拜访、电话、交流等），计入其负责人。',
  'report.col.totalDone': '合计',
  'report.overdue': '七、{date} 逾期未联系的联系人',
  'report.overdue.note':
    '上次联系日期 + 联系周期（联系人自己的周期，或默认 {days} 天）不晚于报告日期，或从未联系，即为逾期。',
  'report.col.contacts': '联系人',
  'report.col.overdue': '逾期',
  'report.col.never': '从未联系',
  'report.col.mostOverdue': '逾期最久',
  'report.overdue.days': '{name}（{days} 天）',
  'report.overdue.never': '{name}（从未联系）',
  'report.pending': '八、待结算账目',
  'report.pending.note': '所有状态为“Pending”的账目（不论日期），即尚待结算和归档的部分。合计：{total}。',
  'report.col.entry': '编号',
  'report.col.type': '类型',
  'report.col.description': '说明',
  'report.col.handledBy': '经手人',
  'report.col.amount': '金额',
  'report.followups': '九、留给下学期的跟进事项',
  'report.followups.note':
    '交给下一届跟进的事项：下次跟进日期在 {from} 或之后的赞助商（不含已拒绝、休眠、已致谢）；跟进日期在 {from} 或之后的会议（不含已取消）；已完成但有下一步、未定跟进日期的会议；以及 {from} 或之后仍为计划状态的外联会议。{from} 为报告日期；学期结束后生成时为学期结束次日。',
  'report.col.due': '日期',
  'report.col.what': '事项',
  'report.col.nextStep': '下一步',
  'report.followups.sponsor': '赞助商跟进',
  'report.followups.meeting': '会议跟进',
  'report.followups.planned': '计划中的外联',
  'report.followups.noDate': '未定',
  'report.outstanding': '十、优秀成员',
  'report.outstanding.note':
    '外联最多 = 第六节外联工作最多；出勤最佳 = 第五节出勤率最高；筹集最多 = 本学期账目中现金收入 + 实物价值，计入经手人，经手人为空时计入赞助商负责人。',
  'report.col.award': '表彰',
  'report.col.members': '成员',
  'report.col.figure': '数据',
  'report.award.visits': '外联最多',
  'report.award.attendance': '出勤最佳',
  'report.award.raised': '筹集最多',
  'report.award.visitsN': '完成 {n} 次',
  'report.award.nobody': '暂无',
  'report.problems': '数据说明',
  'report.problems.note': '以下行无法完整读取，上述统计未计入无法读取的值。请在表中修正后重新生成报告。',
  'report.col.sheet': '工作表',
  'report.col.row': '行',
  'report.col.problem': '问题',
  'report.problems.more': '……另有 {n} 条',

  'roster.name': '联系人名录 — {department} — {term}',
  'roster.fileName': '联系人名录 — {term} — {date}',
  'roster.title': '{term} 联系人名录',
  'roster.pageHeader': '{department} · 联系人名录 · {term} · 生成于 {date}',
  'roster.dates': '学期 {term} · 生成日期 {date}',
  'roster.intro':
    '共 {contacts} 位联系人，来自 {orgs} 个单位，按单位类型、再按单位分组。负责人 = 负责保持联系的成员。',
  'roster.group': '{type}（{n}）',
  'roster.col.organization': '单位',
  'roster.col.name': '姓名',
  'roster.col.title': '职务',
  'roster.col.phone': '电话',
  'roster.col.email': '邮箱',
  'roster.col.owner': '负责人',
  'roster.col.group': '小组',
  'roster.col.status': '状态',
  'roster.members': '部门成员（{n}）',
  'roster.noOrgType': '未填单位类型',
  'roster.noContacts': '暂无联系人。',

  'ui.reportTitle': '生成学期报告',
  'job.ui.lang': 'zh-CN',
  'job.ui.close': '关闭',
  'job.ui.working': '第 {n} 步，共 {total} 步……',
  'job.ui.done': '已完成。',
  'job.ui.failed': '已停止：{error}',
  'job.title.report': '正在生成学期报告',
  'job.title.roster': '正在生成通讯录',
  'job.title.setup': '正在设置工作簿',
  'job.step.read': '读取工作簿',
  'job.step.compute': '统计数据',
  'job.step.write': '写入文档',
  'job.step.sheet': '工作表“{name}”：表头、下拉列表、格式',
  'job.step.settings': '设置',
  'job.step.protect': '按职务保护工作表',
  'ui.docReady': '文档已生成',
  'ui.open': '打开“{name}”',
  'ui.folderFailed': '文档已保存在“我的云端硬盘”：无法打开设置中的报告文件夹 ID“{id}”（{error}）。',
  'ui.inFolder': '已保存到报告文件夹。',
  'ui.termMissing': '请先在设置表中填写“Semester start”和“Semester end”（如 2026-09-01），再生成学期报告。',
  'ui.termReversed': '设置中的“Semester end”（{end}）早于“Semester start”（{start}）。',
  // 开始新学期
  'term.title': '开始新学期 (Start new term)',
  'term.badLabel': '请输入新学期名称（不超过 100 个字符），如“2027 Spring”。',
  'term.badDates': '学期开始与学期结束须为日期，如 2027-02-20。',
  'term.endBeforeStart': '学期结束（{end}）早于学期开始（{start}）。',
  'term.startTooEarly': '新学期须在当前学期（{current}）之后开始。',
  'term.already': '学期“{term}”已经开始，存档也已存在：未做任何更改。',
  'term.alreadyNoArchive': '设置中的 Term 已是“{term}”：未做任何更改。',
  'term.protected':
    '你无权编辑 {list}（受保护的工作表），因此无法用你的账号开始新学期：请部长操作，或运行“Set up workbook”更新编辑者。',
  'term.badOwner': '不是在任成员：{list}。请在在任成员中选择新负责人。',
  'term.step.archive': '正在将工作簿存档为“{name}”……',
  'term.step.verify': '正在核对存档……',
  'term.step.documents': '正在生成学期报告和联系人名录……',
  'term.step.remove': '正在移除已结束的记录……',
  'term.step.owners': '正在把联系人和赞助商交给新负责人……',
  'term.step.settings': '正在更新学期名称和日期……',
  'term.verifyFailed': '存档与工作簿不一致，因此没有移除或更改任何内容：{list}。副本“{name}”已保留供核查。',
  'term.done.archive': '已存档为“{name}”。',
  'term.done.documents': '已生成 {term} 的学期报告和联系人名录。',
  'term.done.removed': '{table}：已移除 {n} 行。',
  'term.done.removedOne': '{table}：已移除 1 行。',
  'term.done.skipped': '{table}：{list} 已保留（存档后有改动）。',
  'term.done.failed': '{table}：未移除任何行（{error}）。',
  'term.done.pledges': '已清空 {n} 个赞助商的承诺。',
  'term.done.owners': '已将 {n} 个联系人和赞助商交给新负责人。',
  'term.done.settings': '当前学期为“{term}”（{start} – {end}）。',
  'term.done.reminders': '提醒现由 {email} 发送。',
  'term.done.reportFailed': '无法生成学期报告：{error}',
  // 开始新学期：对话框文字
  'term.ui.lead': '确认之前不会做任何更改：先看看新学期将存档、移除、保留和交接哪些内容。',
  'term.ui.term': '新学期名称',
  'term.ui.start': '学期开始',
  'term.ui.end': '学期结束',
  'term.ui.show': '查看将要执行的操作',
  'term.ui.dryRun': '预演',
  'term.ui.owners': '新负责人',
  'term.ui.reminders': '提醒',
  'term.ui.run': '开始新学期',
  'term.ui.done': '完成',
  'term.ui.reading': '正在读取工作簿……',
  'term.ui.running': '正在存档并开始新学期……（可能需要一分钟）',
  'term.ui.started': '新学期已开始。',
  'term.ui.unchanged': '未做任何更改。',
  'term.ui.stopped': '已停止。',
  'term.ui.fromTo': '从 {from}（{fromStart} – {fromEnd}）到 {to}（{toStart} – {toEnd}）。',
  'term.ui.noTerm': '（未设学期）',
  'term.ui.archive': '存档：整个工作簿的副本“{name}”，以及 {term} 的学期报告和联系人名录。',
  'term.ui.archiveFolder':
    '存档：整个工作簿的副本“{name}”，以及 {term} 的学期报告和联系人名录，保存在报告文件夹中。',
  'term.ui.table': '{table}：{total} 行中移除 {n} 行（存档中保留）；保留：{kept}。',
  'term.ui.none': '无',
  'term.ui.carried': '全部保留：{list}。',
  'term.ui.pledges': '清空按学期计的字段：{n} 个赞助商的承诺金额和承诺物资。',
  'term.ui.orphans': '{n} 个联系人和赞助商的负责人不是在任成员。',
  'term.ui.allOf': '{email} 的全部（{n} 个）交给',
  'term.ui.keepAll': '— 保持不变 —',
  'term.ui.keep': '— 不变 —',
  'term.ui.oneByOne': '逐个指定',
  'term.ui.remindersBy': '提醒由 {email} 的账号发送。',
  'term.ui.remindersNone': '尚未安装提醒：不会发送每日邮件。',
  'term.ui.takeOver': '从现在起由我的账号（{email}）发送提醒',
  'term.ui.openArchive': '打开存档“{name}”',
  'term.ui.open': '打开“{name}”',
  'term.ui.why.planned': '计划中',
  'term.ui.why.pending': '待结算',
  'term.ui.why.lent': '借出物资尚未归还',
  'term.ui.why.open': '进行中',
  'term.ui.why.linked': '被保留的账目引用',
  'term.ui.why.current': '日期在新学期内或无日期',
  'term.ui.why.noId': '编号为空或重复',
  // Partners (issue 13): benefits, lent goods, commitments, sponsor feedback packs.
  'field.evidenceNeeded': '标记回报为“已完成”需要填写{field}：粘贴证明链接（横幅照片、推文等）。',
  'field.evidenceLink': '{field}必须是证明的链接（https://…），而不是“{value}”。',
  'report.commitments': '赞助承诺：承诺与到账',
  'report.commitments.note':
    '承诺：赞助商表中的 Pledged（现金）和 In-kind Pledged（物资，按原文）。到账：本学期（{start} 至 {end}）内日期的现金收入和实物条目，实物按数量和估值计。差额 = 承诺现金 − 已到现金（全部到账后为 0）。待兑现回报：该赞助商“已承诺”的回报及其截止日期。',
  'report.commitments.items': '{qty} 件 · {value}',
  'report.col.gap': '差额',
  'report.col.inKindPledged': '承诺物资',
  'report.col.inKindReceived': '已收物资',
  'report.col.benefitsOwed': '待兑现回报',
  'report.col.quantity': '数量',
  'report.col.returnBy': '归还期限',
  'report.col.benefit': '回报内容',
  'report.col.evidence': '证明',
  'report.loans': '尚未归还的借用物资',
  'report.loans.note':
    '截至报告日期，有归还期限（Return By）但没有归还日期（Returned）的实物条目；已过期限的标为逾期。',
  'report.loans.overdue': '{date}（已逾期）',
  'feedback.fileName': '赞助反馈 — {event} — {sponsor} — {date}',
  'feedback.title': '感谢{sponsor}',
  'feedback.pageHeader': '{department} · {event}',
  'feedback.lead': '{event} · {date}',
  'feedback.thanks': '致谢',
  'feedback.defaultThanks':
    '尊敬的{sponsor}：\n感谢您对{event}的大力支持！正是有了您的帮助，活动才得以顺利举办。以下是您提供的赞助、我们兑现的回报以及活动情况。\n{department}',
  'feedback.gifts': '您的赞助',
  'feedback.gifts.note': '来自我们的账目：本次活动记录的您提供的现金和物资。',
  'feedback.benefits': '我们兑现的回报',
  'feedback.benefits.note': '本次活动中我们承诺并已兑现的每项回报，附证明链接。',
  'feedback.figures': '活动数据',
  'feedback.fig.date': '日期',
  'feedback.fig.cash': '筹得现金',
  'feedback.fig.inKind': '物资（估值）',
  'feedback.fig.sponsors': '赞助商数',
  'feedback.fig.target': '赞助目标',
  'feedback.refused': '只有部长、副部长或该活动的负责人（{lead}）可以生成并确认赞助反馈。',
  'feedback.notDone': '{event}尚未完成（状态为 {status}）：赞助反馈在活动结束后生成。',
  'feedback.noEvent': '活动表中没有 {id}。',
  'feedback.ui.title': '赞助反馈',
  'feedback.ui.intro': '选择一个已完成的活动：为每个赞助了该活动的赞助商生成一份 Google 文档。',
  'feedback.ui.pick': '活动',
  'feedback.ui.none': '还没有已完成的活动：赞助反馈为已完成的活动生成。',
  'feedback.ui.generate': '生成反馈',
  'feedback.ui.progress': '正在生成第 {done}/{n} 份：{sponsor}…',
  'feedback.ui.made': '已生成 {n} 份文档（已设置报告文件夹时保存在其中）：',
  'feedback.ui.noGivers': '没有赞助商赞助该活动：没有带赞助商编号的现金收入或实物条目指向它。',
  'feedback.ui.confirm': '我已发送：填写 Feedback Sent',
  'feedback.ui.confirmed': '{event} 的 Feedback Sent 已设为 {date}：负责人的提醒将停止。',
  'feedback.ui.sent': '已反馈 {date}',
  'feedback.ui.close': '关闭',
  'ui.partners.commitments': '本学期承诺与到账',
  'ui.partners.cash': '现金：已到 {received}，承诺 {pledged}',
  'ui.partners.gap': '尚未到账：{gap}',
  'ui.partners.inKind': '物资：承诺“{pledged}”；已收 {qty} 件，估值 {value}',
  'ui.partners.owed': '待兑现回报：{n} 项',
  'ui.partners.markDone': '标记完成',
  'ui.partners.evidence': '证明链接（横幅照片、推文等）',
  'ui.partners.done': '已标记为完成并附上证明。',
  'ui.partners.returned': '已归还',
  'ui.partners.returnedDone': '已标记于 {date} 归还。',
  'ui.partners.lent': '借用物资：应于 {date} 前归还',
  // 提醒触发器失败（负责人的下一封提醒邮件）
  'remind.runFailedNotice':
    '{at} 的提醒运行失败：{error} 系统每小时重试一次；设置表中的“{setting}”一行显示最新状态。',
  // Union scale (issue 11): runs stopped before the time limit, capped lists.
  'remind.continued':
    '为不超出 Google 的 6 分钟执行限制已暂停：约一分钟后的后续运行会发送剩余的 {n} 封：{list}。',
  'report.listMore': '……另有 {n} 条，请查看 {sheet} 表',
  'report.followups.sheets': 'Sponsors 和 Meetings',
  'roster.split':
    '名录太大，一个 Google 文档放不下：{contacts} 位联系人按单位类型分在下列 {n} 个文档中。本文档列出这些文档和部门成员。',
  'roster.partOf': '{type}（第 {k} 份，共 {n} 份）',
  'roster.col.part': '单位类型',
  'roster.col.contacts': '联系人',
  'roster.col.link': '文档',
  'ui.rosterSplit': '名录太大，一个 Google 文档放不下：已按单位类型分成 {n} 个文档，本索引链接到每一个。',
  // Partners: templates, greetings ready to send, festivals (greetings branch)
  'field.unknownPlaceholder': '{field}：未知的占位符 {value}；可用 {options}。',
  'term.done.festivals': '已将节日日期加入 Holiday：{list}。',
  'term.ui.festivals': '将加入的节日日期（Holiday 行）：{n} 个',
  'setup.templates': '已添加模板 {n} 个（中英文；可用“添加或编辑模板”修改）。',
  'greet.ui.title': '待发送的节日问候',
  'greet.ui.loading': '正在读取需要问候的联系人…',
  'greet.ui.none': '今天没有待发送的问候：未来 3 天没有节日，或你的联系人都已问候。',
  'greet.ui.count': '待发送的问候 {n} 条（{today}）。',
  'greet.ui.holiday': '{holiday} · {day}',
  'greet.ui.copy': '复制',
  'greet.ui.copied': '已复制：粘贴到微信或短信发送后，请标记为已发送。',
  'greet.ui.copyFailed': '无法复制：请选中文字手动复制。',
  'greet.ui.email': '发邮件',
  'greet.ui.confirmEmail': '从你的账号把这条问候发送到 {email}？（今天还可发送 {quota} 封）',
  'greet.ui.send': '发送',
  'greet.ui.cancel': '取消',
  'greet.ui.markSent': '标记为已发送',
  'greet.ui.marked': '{name}：已标记为今天发送。',
  'greet.ui.emailed': '已发送到 {email}，记录为 {id}。',
  'greet.ui.gone': '这条问候已不在你的列表中（已发送或已被修改）：列表已重新读取。',
  'greet.ui.noEmail': '{name}没有邮箱：请改为复制消息。',
  'greet.ui.noQuota': '你今天的邮件配额已用完：请改为复制消息，或明天再发。',
  'greet.ui.quota': '今天还可发送的邮件：{n} 封。',
  'greet.meeting.title': '{holiday}问候：{name}',
  'greet.meeting.outcome': '已通过邮件向 {email} 发送问候：“{subject}”',
  'greet.ui.sentNotLogged': '已发送到 {email}，但未能记录：{why} 请在会议表中手动登记。',
  'ui.tplPreview': '预览',
  'ui.tplPreviewWith': '填入对象',
  'ui.tplPreviewLoading': '正在读取联系人和赞助商…',
  'ui.tplUnknown':
    '未知的占位符 {value}：可用 {{Name}} {{Organization}} {{Title}} {{Holiday}} {{Event}} {{Amount}} {{Gifts}} {{Department}} {{Member}} {{Date}}。',
  // Reminders (fixrem): a stopped run whose follow-up trigger could not be created.
  'remind.continuedLater': '为不超出 Google 的 6 分钟执行限制已暂停：下一次运行会发送剩余的 {n} 封：{list}。',
};

export const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, zh: ZH };

export function msg(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * A value from a dropdown (stage, type…) in a language; unknown values as typed. The names
 * are declared with the options in the schema (the field's own, else any list's).
 */
export function valueName(lang: Lang, value: string, field?: FieldDef): string {
  if (lang === 'en') return value;
  return field?.optionNames?.[value] ?? OPTION_NAMES_ZH[value] ?? value;
}

/** A field's label in a language: `阶段 (Stage)` in Chinese (the header kept), the header in English. */
export function fieldLabel(lang: Lang, f: FieldDef): string {
  return lang === 'zh' ? `${f.label.zh} (${f.header})` : f.header;
}

/** A table's noun in a language (`sponsor` / `sponsors`; `赞助商`). */
export function tableNoun(lang: Lang, def: TableDef, many = false): string {
  return (many ? def.noun.many : def.noun.one)[lang];
}

/** The message templates whose keys start with `prefix`, in `lang` (English where missing). */
export function templates(lang: Lang, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(EN) as MessageKey[]) if (k.startsWith(prefix)) out[k] = MESSAGES[lang][k];
  return out;
}

/** A message function bound to a language. */
export function messages(lang: Lang) {
  return (key: MessageKey, params?: Record<string, string | number>) => msg(lang, key, params);
}

// ---------------------------------------------------------------------------------------
// Reminder digests (issue 4; maintained with src/domain/digest.ts). Functions rather than
// templates, for plurals and "today"/"tomorrow". Days are `YYYY-MM-DD`.

export interface ReminderCatalog {
  subject(n: number, today: string): string;
  greeting(name: string): string;
  intro(n: number, today: string): string;
  footer(department: string): string;
  open: string;
  group: Record<
    | 'meeting'
    | 'report'
    | 'contact'
    | 'sponsor'
    | 'feedback'
    | 'greeting'
    | 'ledger'
    | 'orphan'
    | 'benefit'
    | 'loan',
    string
  >;
  contactNever: string;
  contactDue(last: string, due: string, cadence: number, isDefault: boolean, late: number): string;
  contactProblem(problem: string): string;
  sponsorDue(due: string, stage: string | undefined, late: number): string;
  meetingWhen(
    isToday: boolean,
    time: string | undefined,
    type: string | undefined,
    asAttendee: boolean,
  ): string;
  report(day: string | null, type: string | undefined): string;
  /** A visit still Planned after its day. */
  visitOverdue(day: string, type: string | undefined): string;
  feedback(day: string | null): string;
  greetingFor(holiday: string, day: string, inDays: number): string;
  ledger(amount: string, day: string, age: number, asTreasurer: boolean): string;
  /** A contact or sponsor with no active owner; `more` others not listed. */
  orphan(owner: string, more: number): string;
  /** A Promised benefit due on `due` (`late` < 0: days ahead). */
  benefit(due: string, late: number): string;
  /** Lent goods to return by `by`. */
  loan(by: string, late: number, quantity: number | null, asTreasurer: boolean): string;
  /** The end of a capped list (issue 11): how many more are due, in which sheet. */
  more(n: number, sheet: string): string;
}

const REMINDERS_EN: ReminderCatalog = {
  subject: (n, today) => `Outreach reminders for ${today}: ${n} ${n === 1 ? 'item' : 'items'} due`,
  greeting: (name) => `Hello ${name},`,
  intro: (n, today) =>
    `Here ${n === 1 ? 'is the 1 item' : `are the ${n} items`} due for you on ${today}. Each link opens the record's row in the outreach workbook.`,
  footer: (d) =>
    `— ${d}\nYou get this daily digest because these records name you in the outreach workbook. Update the row (e.g. Last Contacted, Next Follow-up, Outcome) and the reminder stops.`,
  open: 'Open',
  group: {
    meeting: 'Meetings and visits today and tomorrow',
    report: 'Visit reports to write (Outcome is empty)',
    contact: 'Contacts to get in touch with',
    sponsor: 'Sponsors to follow up',
    feedback: 'Sponsors to give feedback after events',
    greeting: 'Holiday greetings to send (messages ready: Outreach Desk ▸ Greetings to send)',
    ledger: 'Ledger entries pending 14 days or more',
    orphan: 'Contacts and sponsors with no active owner (they get no reminders)',
    benefit: 'Benefits promised to sponsors, due within 3 days or overdue',
    loan: 'Lent goods to give back',
  },
  contactNever: 'never contacted',
  contactDue: (last, due, cadence, isDefault, late) =>
    `last contacted ${last}, every ${cadence} days${isDefault ? ' (default)' : ''}: due ${late === 0 ? 'today' : `since ${due} (${late} ${late === 1 ? 'day' : 'days'} ago)`}`,
  contactProblem: (p) => `check the row: ${p}`,
  sponsorDue: (due, stage, late) =>
    `follow-up ${late === 0 ? 'due today' : `was due ${due}`}${stage ? ` · stage ${stage}` : ''}`,
  meetingWhen: (isToday, time, type, asAttendee) =>
    `${isToday ? 'today' : 'tomorrow'}${time ? ` at ${time}` : ''}${type ? ` · ${type}` : ''}${asAttendee ? ' · you attend' : ' · you organise'}`,
  report: (day, type) => `${type ?? 'meeting'} held${day ? ` ${day}` : ''}: write the Outcome`,
  visitOverdue: (day, type) =>
    `${type ?? 'visit'} planned for ${day} is still Planned: mark it Done with its Outcome, or Cancelled`,
  feedback: (day) =>
    `event held${day ? ` ${day}` : ''} with sponsorship received: send feedback, then fill Feedback Sent`,
  greetingFor: (holiday, day, inDays) =>
    `${holiday} ${inDays === 0 ? 'is today' : `on ${day} (in ${inDays} ${inDays === 1 ? 'day' : 'days'})`}`,
  ledger: (amount, day, age, asTreasurer) =>
    `${amount}, dated ${day}, pending for ${age} days${asTreasurer ? ' · to settle as Treasurer' : ''}`,
  orphan: (owner, more) =>
    `${owner ? `Owner ${owner} is not an active member` : 'no Owner'}: give it to someone${more > 0 ? ` · and ${more} more` : ''}`,
  benefit: (due, late) =>
    `${late === 0 ? 'due today' : late < 0 ? `due ${due} (in ${-late} ${late === -1 ? 'day' : 'days'})` : `was due ${due} (${late} ${late === 1 ? 'day' : 'days'} overdue)`}: deliver it, then mark it Done with its evidence`,
  loan: (by, late, quantity, asTreasurer) =>
    `${quantity !== null ? `${quantity} lent, ` : ''}${late === 0 ? 'to return today' : `was to return by ${by} (${late} ${late === 1 ? 'day' : 'days'} late)`}: give them back, then mark them Returned${asTreasurer ? ' · as Treasurer' : ''}`,
  more: (n, sheet) => `and ${n.toLocaleString('en-US')} more — open the ${sheet} sheet`,
};

const REMINDERS_ZH: ReminderCatalog = {
  subject: (n, today) => `外联提醒（${today}）：${n} 项待办`,
  greeting: (name) => `${name}，你好：`,
  intro: (n, today) => `以下是你在 ${today} 的 ${n} 项待办事项。每个链接都会打开外联工作簿中对应的行。`,
  footer: (d) =>
    `—— ${d}\n你收到这封每日提醒，是因为外联工作簿中的这些记录与你有关。更新对应的行（如“Last Contacted”“Next Follow-up”“Outcome”）后提醒即会停止。`,
  open: '打开',
  group: {
    meeting: '今明两天的会议与拜访',
    report: '待写的拜访报告（Outcome 为空）',
    contact: '该联系的联系人',
    sponsor: '待跟进的赞助商',
    feedback: '活动结束后待向赞助商反馈',
    greeting: '待发送的节日问候（消息已备好：Outreach Desk ▸ 待发送的节日问候）',
    ledger: '待结算超过 14 天的账目',
    orphan: '没有在任负责人的联系人和赞助商（不会收到提醒）',
    benefit: '三天内到期或已逾期的赞助回报',
    loan: '待归还的借用物资',
  },
  contactNever: '从未联系',
  contactDue: (last, due, cadence, isDefault, late) =>
    `上次联系 ${last}，每 ${cadence} 天${isDefault ? '（默认）' : ''}：${late === 0 ? '今天到期' : `自 ${due} 起到期（已过 ${late} 天）`}`,
  contactProblem: (p) => `请检查该行：${p}`,
  sponsorDue: (due, stage, late) =>
    `${late === 0 ? '今天应跟进' : `应于 ${due} 跟进`}${stage ? ` · 阶段 ${stage}` : ''}`,
  meetingWhen: (isToday, time, type, asAttendee) =>
    `${isToday ? '今天' : '明天'}${time ? ` ${time}` : ''}${type ? ` · ${type}` : ''}${asAttendee ? ' · 你参加' : ' · 你负责组织'}`,
  report: (day, type) => `${type ?? '会议'}${day ? `已于 ${day} 举行` : '已举行'}：请填写 Outcome`,
  visitOverdue: (day, type) =>
    `${type ?? '拜访'}原定于 ${day}，仍为“计划中”：请填写结果并标为“已完成”，或标为“已取消”`,
  feedback: (day) =>
    `活动${day ? `已于 ${day} 举行` : '已举行'}并收到赞助：请向赞助商反馈，然后填写 Feedback Sent`,
  greetingFor: (holiday, day, inDays) =>
    `${holiday}${inDays === 0 ? '就在今天' : `在 ${day}（还有 ${inDays} 天）`}`,
  ledger: (amount, day, age, asTreasurer) =>
    `${amount}，日期 ${day}，已待结算 ${age} 天${asTreasurer ? ' · 财务需跟进' : ''}`,
  orphan: (owner, more) =>
    `${owner ? `负责人 ${owner} 不是在任成员` : '没有负责人'}：请交给其他成员${more > 0 ? ` · 另有 ${more} 条` : ''}`,
  benefit: (due, late) =>
    `${late === 0 ? '今天到期' : late < 0 ? `${due} 到期（还有 ${-late} 天）` : `应于 ${due} 兑现（已逾期 ${late} 天）`}：兑现后标记为“已完成”并附上证明`,
  loan: (by, late, quantity, asTreasurer) =>
    `${quantity !== null ? `借用 ${quantity} 件，` : ''}${late === 0 ? '今天应归还' : `应于 ${by} 前归还（已逾期 ${late} 天）`}：归还后标记“已归还”${asTreasurer ? ' · 财务需跟进' : ''}`,
  more: (n, sheet) => `另有 ${n.toLocaleString('en-US')} 项 —— 打开 ${sheet} 表查看`,
};

export const REMINDER_MESSAGES: Readonly<Record<Lang, ReminderCatalog>> = {
  en: REMINDERS_EN,
  zh: REMINDERS_ZH,
};
