import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from './api.js';
import { formatNumber, formatVnd } from './format.js';

/** Translated messages keyed by the dotted input path ("buyer.phone", "lines.0.quantity"). */
export type FieldErrors = Record<string, string>;

interface IssueLike {
  path?: unknown;
  message?: unknown;
  code?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  input?: unknown;
}

export function pathKey(path: unknown): string {
  if (Array.isArray(path)) return path.map(String).join('.');
  return typeof path === 'string' ? path : '';
}

/** One validation issue (from zod here or from the core's INPUT_INVALID) in the user's language. */
export function issueMessage(t: TFunction, issue: IssueLike): string {
  const origin = String(issue.origin ?? '');
  const min = issue.minimum;
  const max = issue.maximum;
  // Issues relayed by the core carry only code, path and message: without the bound, the message
  // is the best we have.
  const bounded = issue.code !== 'too_small' && issue.code !== 'too_big' ? true : min !== undefined || max !== undefined;
  switch (bounded ? issue.code : 'server') {
    case 'too_small':
      if (origin === 'string') return min === 1 ? t('errors:validation.required') : t('errors:validation.tooShort', { min });
      if (origin === 'array' || origin === 'set') return t('errors:validation.minItems', { min });
      return t('errors:validation.min', { min });
    case 'too_big':
      if (origin === 'string') return t('errors:validation.tooLong', { max });
      if (origin === 'array' || origin === 'set') return t('errors:validation.maxItems', { max });
      return t('errors:validation.max', { max });
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || Number.isNaN(issue.input)
        ? t('errors:validation.required')
        : t('errors:validation.invalid');
    case 'invalid_format':
      return t('errors:validation.format');
    case 'invalid_value':
    case 'invalid_union':
      return t('errors:validation.invalid');
    default:
      // The core's issues may carry only an English message: the locale decides whether to show it.
      return t('errors:validation.server', { message: String(issue.message ?? '') });
  }
}

/** Validates as the user types with the contract's own zod schema. */
export function validate<S extends z.ZodType>(t: TFunction, schema: S, value: unknown): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return issuesToFields(t, result.error.issues as IssueLike[]);
}

function issuesToFields(t: TFunction, issues: readonly IssueLike[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!(key in out)) out[key] = issueMessage(t, issue);
  }
  return out;
}

/** The field messages an API error carries: INPUT_INVALID issues, or a domain code naming a field. */
export function apiFieldErrors(t: TFunction, err: unknown): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  if (err.code === 'INPUT_INVALID') {
    const issues = Array.isArray(err.details.issues) ? (err.details.issues as IssueLike[]) : [];
    return issuesToFields(t, issues);
  }
  const field = err.details.field ?? err.details.path;
  if (field !== undefined) return { [pathKey(field)]: errorMessage(t, err) };
  return {};
}

/** A limit or value of a named field with its unit: "50.000.000 ₫", "50.000 g", "200 cm". */
export function fieldAmount(field: unknown, value: unknown): string {
  if (typeof value !== 'number') return String(value ?? '');
  const f = String(field ?? '');
  if (/Vnd$|^amount$/.test(f)) return formatVnd(value);
  if (/G$/.test(f)) return `${formatNumber(value)} g`;
  if (/Cm$/.test(f)) return `${formatNumber(value)} cm`;
  return formatNumber(value);
}

const MISSING = '\u0000';

/** The whole error in the user's language, with its details interpolated. */
export function errorMessage(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t('errors:codes.INTERNAL', { message: err instanceof Error ? err.message : String(err) });
  const d = err.details;
  // Derived pieces so one sentence per language reads well whether or not a detail is present.
  const extra = {
    skuPart: typeof d.sku === 'string' && d.sku ? ` (${d.sku})` : '',
    fromLabel: typeof d.from === 'string' ? t(`common:status.${d.from}`) : '',
    toLabel: typeof d.to === 'string' ? t(`common:status.${d.to}`) : '',
    guardLabel: typeof d.guard === 'string' ? t(`errors:guards.${d.guard}`, { defaultValue: d.guard }) : '',
    value: d.value ?? '',
    fieldLabel: typeof d.field === 'string' ? t(`errors:fields.${d.field}`, { defaultValue: d.field }) : '',
    limitText: fieldAmount(d.field, d.limit),
    valueText: fieldAmount(d.field, d.value),
    givenPart: typeof d.given === 'string' && d.given ? ` «${d.given}»` : '',
  };
  // A code may have a sentence per situation, picked from the details when the locale has one:
  // whose data it is (owner), why (reason), a shipment's or an order's state, or "plain" when a
  // result carries only code and message (bulk results lose the details).
  const variants = [
    typeof d.owner === 'string' ? d.owner : null,
    typeof d.reason === 'string' ? d.reason : null,
    typeof d.state === 'string' ? 'shipmentState' : null,
    typeof d.status === 'string' && d.to === undefined ? 'orderStatus' : null,
    Object.keys(d).length === 0 ? 'plain' : null,
  ];
  const variant = variants.find((v) => v !== null && t(`errors:codes.${err.code}_${v}`, { defaultValue: MISSING }) !== MISSING);
  const labels = {
    statusLabel: typeof d.status === 'string' ? t(`common:status.${d.status}`, { defaultValue: d.status }) : '',
    stateLabel: typeof d.state === 'string' ? t(`shipping:state.${d.state}`, { defaultValue: d.state }) : '',
  };
  const key = variant ? `${err.code}_${variant}` : err.code;
  return t(`errors:codes.${key}`, { ...d, ...extra, ...labels, message: err.message, defaultValue: err.message });
}

/** First error for a field or any of its children ("lines" matches "lines.0.quantity"). */
export function fieldError(errors: FieldErrors, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const prefix = `${key}.`;
  for (const k of Object.keys(errors)) if (k.startsWith(prefix)) return errors[k];
  return undefined;
}

/** Adds "required" for each path in `paths` that has no message yet. */
export function withRequired(t: TFunction, errors: FieldErrors, paths: readonly string[]): FieldErrors {
  if (paths.length === 0) return errors;
  const out = { ...errors };
  for (const p of paths) out[p] ??= t('errors:validation.required');
  return out;
}
