/**
 * The Templates sheet's rule on save: Subject and Body use only known placeholders; an
 * unknown one is a field error naming the field and the placeholder.
 */
import { FieldError, type RecordData } from '../records';
import { PLACEHOLDERS, unknownPlaceholders } from '../templates';

/** The fields the placeholder rule reads: a save that changes none of them is not held to it. */
export const TEMPLATE_RULE_FIELDS: readonly string[] = ['subject', 'body'];

/** A template record's unknown placeholders, as field errors naming the field and the placeholder. */
export function templateErrors(data: RecordData, headers: { subject: string; body: string }): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ['subject', 'body'] as const) {
    const bad = unknownPlaceholders(String(data[key] ?? ''));
    if (bad.length)
      errors.push(
        new FieldError(key, 'unknownPlaceholder', {
          field: headers[key],
          value: bad.map((b) => `{{${b}}}`).join(', '),
          options: PLACEHOLDERS.map((p) => `{{${p}}}`).join(' '),
        }),
      );
  }
  return errors;
}
