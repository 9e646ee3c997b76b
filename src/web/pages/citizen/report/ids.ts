import type { ReportFormValues } from './types';

/** A random key per report form: a double click or a resend after a lost answer cannot create two cases. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return `citizen-${crypto.randomUUID()}`;
  // randomUUID needs a secure context; a plain-http intranet deployment still has getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `citizen-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Which form field a server error names (`contact.phone`, `photos[0]`, `location`, …). */
export function formFieldOf(field: string | undefined): keyof ReportFormValues | null {
  if (!field) return null;
  if (/^(location|lng|lat|crs)/.test(field)) return 'location';
  if (field.startsWith('photos')) return 'photos';
  if (field.startsWith('category')) return 'category';
  if (field.startsWith('description')) return 'description';
  if (field.startsWith('contact.name')) return 'name';
  if (field.startsWith('contact.phone') || field.startsWith('contact')) return 'phone';
  return null;
}
