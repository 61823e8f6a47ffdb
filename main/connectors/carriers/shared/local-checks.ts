import { JobError } from '../../../sync/job-error.js';
import { checkPhone } from '../../../domain/shared/phone.js';

// Checks made before anything is sent: a request the carrier would refuse fails here, permanently,
// with the field named, instead of spending a network round trip and an outbox attempt.

export function invalidShipment(code: string, message: string, hint: string): JobError {
  return new JobError('permanent', code, message, { hint });
}

/** An integer within bounds; money, grams and centimetres are integers (DESIGN rule 8). */
export function checkInt(carrier: string, field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value)) throw invalidShipment('VALUE_NOT_INTEGER', `${carrier}: ${field} must be a whole number, got ${value}`, 'Amounts are whole đồng, weights whole grams, sizes whole centimetres.');
  if (value < min || value > max) {
    throw invalidShipment('VALUE_OUT_OF_RANGE', `${carrier}: ${field} is ${value.toLocaleString('en')}, allowed ${min.toLocaleString('en')}–${max.toLocaleString('en')}`, `Change ${field} to fit the carrier's limit, or split the parcel.`);
  }
  return value;
}

/** Dimensions and weight are rounded up: declaring less than the parcel measures is what carriers re-bill. */
export const ceilPositive = (n: number): number => Math.max(1, Math.ceil(n));

/** The local 0… form carriers want; refuses a number that is not a Vietnamese mobile or landline. */
export function localPhone(carrier: string, field: string, raw: string): string {
  const check = checkPhone(raw ?? '');
  if (!check.ok) {
    throw invalidShipment('PHONE_INVALID', `${carrier}: ${field} "${raw ?? ''}" is not a Vietnamese phone number`, 'Use a 10-digit mobile (0…) or an 11-digit landline (02…).');
  }
  return check.phone;
}
