import { DEFAULT_LABEL_SIZE, LABEL_SIZES, type Connection } from '../../../main/api/connections.js';
import type { Input } from '../../lib/api.js';

// The carrier account form as data: which fields each provider has, which of them are secrets, and
// the create/update inputs built from a draft. Kept pure so the write-only secret rule is tested.

export type Provider = Connection['provider'];
export type Environment = Connection['environment'];

export interface ProviderField {
  key: string;
  /** Secrets are write-only: the form never sees their value, only whether one is set. */
  kind: 'text' | 'number' | 'secret' | 'choice';
  where: 'settings' | 'secrets';
  required: boolean;
  /** For a choice: the values offered, the first shown when nothing is stored. */
  options?: readonly string[];
  fallback?: string;
}

/** The carrier label size, printed by the label job and offered for reprints (specs A1.7, A2.7). */
const labelSize = (p: Provider): ProviderField => ({ key: 'labelSize', kind: 'choice', where: 'settings', required: false, options: LABEL_SIZES[p], fallback: DEFAULT_LABEL_SIZE[p] });

export const PROVIDER_FIELDS: Record<Provider, readonly ProviderField[]> = {
  ghn: [
    { key: 'token', kind: 'secret', where: 'secrets', required: true },
    { key: 'shopId', kind: 'number', where: 'settings', required: true },
    labelSize('ghn'),
  ],
  viettelpost: [
    { key: 'username', kind: 'text', where: 'settings', required: true },
    { key: 'password', kind: 'secret', where: 'secrets', required: true },
    { key: 'webhookSecret', kind: 'secret', where: 'secrets', required: false },
    labelSize('viettelpost'),
  ],
};

export interface ConnectionDraft {
  provider: Provider;
  name: string;
  environment: Environment;
  baseUrl: string;
  /** Every provider field as typed; a secret's empty text means "keep what is stored". */
  values: Record<string, string>;
  ratePerMinute: number | null;
  concurrency: number | null;
  active: boolean;
}

export function newDraft(provider: Provider): ConnectionDraft {
  const values = Object.fromEntries(PROVIDER_FIELDS[provider].filter((f) => f.fallback).map((f) => [f.key, f.fallback!]));
  return { provider, name: '', environment: 'production', baseUrl: '', values, ratePerMinute: 120, concurrency: 2, active: true };
}

export function draftOf(c: Connection): ConnectionDraft {
  const values: Record<string, string> = {};
  for (const f of PROVIDER_FIELDS[c.provider]) {
    const v = f.where === 'settings' ? c.settings[f.key] : undefined;
    values[f.key] = v === undefined || v === null ? (f.fallback ?? '') : String(v);
  }
  return { provider: c.provider, name: c.name, environment: c.environment, baseUrl: c.baseUrl, values, ratePerMinute: c.ratePerMinute, concurrency: c.concurrency, active: c.active };
}

function settingsOf(d: ConnectionDraft, previous: Connection['settings']): Connection['settings'] {
  const out: Connection['settings'] = { ...previous };
  for (const f of PROVIDER_FIELDS[d.provider]) {
    if (f.where !== 'settings') continue;
    const text = (d.values[f.key] ?? '').trim() || (f.fallback ?? '');
    out[f.key] = f.kind === 'number' ? (text === '' || !/^\d+$/.test(text) ? null : Number(text)) : text;
  }
  return out;
}

/** Only the secrets typed are sent: a blank box keeps the stored one (an empty string would remove it). */
export function secretsOf(d: ConnectionDraft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of PROVIDER_FIELDS[d.provider]) {
    if (f.where !== 'secrets') continue;
    const text = d.values[f.key] ?? '';
    if (text.trim() !== '') out[f.key] = text.trim();
  }
  return out;
}

/** A required provider field left empty (a secret counts as filled when one is already stored). */
export function missingFields(d: ConnectionDraft, secretsSet: readonly string[]): string[] {
  return PROVIDER_FIELDS[d.provider]
    .filter((f) => f.required && (d.values[f.key] ?? '').trim() === '' && !(f.where === 'secrets' && secretsSet.includes(f.key)))
    .map((f) => f.key);
}

/** The shop id must be a whole number; other fields are free text. */
export function badNumbers(d: ConnectionDraft): string[] {
  return PROVIDER_FIELDS[d.provider].filter((f) => f.kind === 'number' && (d.values[f.key] ?? '').trim() !== '' && !/^\d+$/.test(d.values[f.key].trim())).map((f) => f.key);
}

export function createInput(d: ConnectionDraft): Input<'connections.create'> {
  return {
    provider: d.provider, name: d.name.trim(), environment: d.environment, baseUrl: d.environment === 'production' ? '' : d.baseUrl.trim(),
    settings: settingsOf(d, {}), secrets: secretsOf(d), ratePerMinute: d.ratePerMinute ?? Number.NaN, concurrency: d.concurrency ?? Number.NaN, active: d.active,
  };
}

export function updateInput(c: Connection, d: ConnectionDraft): Input<'connections.update'> {
  const secrets = secretsOf(d);
  return {
    id: c.id, name: d.name.trim(), environment: d.environment, baseUrl: d.environment === 'production' ? '' : d.baseUrl.trim(),
    settings: settingsOf(d, c.settings), ...(Object.keys(secrets).length ? { secrets } : {}),
    ratePerMinute: d.ratePerMinute ?? Number.NaN, concurrency: d.concurrency ?? Number.NaN, active: d.active,
  };
}
