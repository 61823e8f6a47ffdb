import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../main/api/index.js';
import type { CommandSpec } from '../../../main/api/contract.js';
import { makeCore, type TestCore } from '../../fixtures/core.js';
import { commandSamples, sampleWorld, type SampleIds } from '../../fixtures/command-samples.js';
import { storeChecksum } from '../../fixtures/store-checks.js';

// Bad input to every command of the contract: a coded error (never INTERNAL or OUTPUT_INVALID) and
// not one row written. Inputs are the valid samples with one part broken at a time.
const NAMES = Object.keys(contract);
const FORBIDDEN_CODES = ['INTERNAL', 'OUTPUT_INVALID', 'UNKNOWN_COMMAND'];
// Takes z.object({}) rather than the strict `empty` the other field-less commands take (reported).
const LAX_EMPTY_INPUT = ['catalog.categories'];
// Answers an unknown id with an empty success ({queued: 0}) instead of NOT_FOUND (reported); it writes nothing.
const LENIENT_UNKNOWN_ID = ['shipping.trackNow'];
const specOf = (name: string) => (contract as Record<string, CommandSpec>)[name];

type Path = (string | number)[];
const REMOVE = Symbol('remove');
function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** Every path below the root of a JSON-like value, with the value found there. */
function nodes(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = path.length ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodes(v, [...path, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  return here;
}

/** Values of the wrong kind, out of range or malformed for what is at a path. */
function breakersFor(value: unknown): unknown[] {
  const always = [REMOVE, null, { nested: true }];
  if (typeof value === 'number') return [...always, String(value), true, -1, 0, 0.5, -0.5, 1e16, 2 ** 53, -(2 ** 53), NaN, Infinity, -Infinity];
  if (typeof value === 'string') return [...always, 42, true, [], '', ' ', 'x'.repeat(100_001), '\u0000\u0001', 'ký tự lạ \u202e'];
  if (typeof value === 'boolean') return [...always, 'true', 1, 0];
  if (Array.isArray(value)) return [...always, 'x', {}, [], Array(1001).fill(value[0] ?? 'x')];
  return [...always, 'x', 5, []];
}

const WRONG_ANYWHERE = [{ nested: true }, 'x', 42, -1, 0.5, 1e16, NaN, [], true, 'x'.repeat(100_001)];
const fieldsOf = (spec: CommandSpec) => Object.keys((spec.input as unknown as { shape?: object }).shape ?? {});

const isIdPath = (path: Path) => {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  return (typeof key === 'string' && /^(id|[a-zA-Z]+Id)$/.test(key)) || (typeof key === 'number' && parent === 'ids');
};

describe('bad input to every command', () => {
  let t: TestCore;
  let ids: SampleIds;
  let samples: Record<string, Record<string, unknown>>;
  const checksum = () => storeChecksum(t.core.store.sqlite);
  beforeAll(async () => {
    t = await makeCore();
    ids = await sampleWorld(t.admin);
    samples = commandSamples(ids);
  });
  afterAll(() => t.close());

  it('has a valid sample for the commands it knows, so that breaking one part is what makes it bad', () => {
    for (const [name, input] of Object.entries(samples)) {
      expect(NAMES, `${name} is no longer in the contract`).toContain(name);
      const parsed = specOf(name).input.safeParse(input);
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  // Commands added after the samples were written are only checked structurally until they get one.
  for (const name of NAMES.filter((n) => !(n in commandSamples({} as SampleIds)))) it.todo(`${name}: add a valid sample to tests/fixtures/command-samples.ts`);

  it.each(NAMES)('%s: input that is not an object is INPUT_INVALID', async (name) => {
    const before = checksum();
    for (const input of ['x', 42, true, [], [{}], 'null']) {
      const r = await t.admin.call(name, input);
      expect(r, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    }
    expect(checksum()).toBe(before);
  });

  it.each(NAMES)('%s: each part broken in turn is INPUT_INVALID and writes nothing', async (name) => {
    const sample = samples[name] ?? {};
    const spec = specOf(name);
    let refused = 0;
    const candidates: unknown[] = [];
    for (const { path, value } of nodes(sample)) for (const b of breakersFor(value)) candidates.push(setAt(sample, path, b));
    // Without a sample, each declared field alone gets values of every wrong kind.
    if (!samples[name]) for (const key of fieldsOf(spec)) for (const b of WRONG_ANYWHERE) candidates.push({ [key]: b });
    // Commands without fields must refuse stray ones (their input is strict).
    if (Object.keys(sample).length === 0) candidates.push({ junk: 1 });
    const before = checksum();
    const show = (input: unknown) => JSON.stringify(input).slice(0, 200);
    for (const input of candidates) {
      if (spec.input.safeParse(input).success) continue; // not bad by the contract; the domain's checks are below
      refused++;
      const r = await t.admin.call(name, input);
      if (r.ok || r.error.code !== 'INPUT_INVALID') expect.fail(`${name} ${show(input)} → ${r.ok ? 'ok' : r.error.code}`);
      // The store is compared every 25 refusals and at the end: enough to catch a write, cheap for thousands.
      if (refused % 25 === 0 && checksum() !== before) expect.fail(`${name} wrote with one of the last inputs, up to ${show(input)}`);
    }
    expect(checksum()).toBe(before);
    if (!LAX_EMPTY_INPUT.includes(name) && (samples[name] || fieldsOf(spec).length)) expect(refused, `${name}: no broken input was refused`).toBeGreaterThan(0);
  });

  it.each(NAMES)('%s: an unknown id is a coded error (or an empty answer) and writes nothing', async (name) => {
    const sample = samples[name];
    if (!sample) return;
    for (const { path, value } of nodes(sample)) {
      if (typeof value !== 'number' || !isIdPath(path)) continue;
      const input = setAt(sample, path, 999_999);
      const before = checksum();
      const r = await t.admin.call(name, input);
      if (!r.ok) expect(FORBIDDEN_CODES, `${name} ${path.join('.')}: ${r.error.message}`).not.toContain(r.error.code);
      else expect(specOf(name).readonly || name.startsWith('orders.bulk') || LENIENT_UNKNOWN_ID.includes(name), `${name} accepted an unknown ${path.join('.')}`).toBe(true);
      expect(checksum(), `${name} ${path.join('.')} wrote`).toBe(before);
    }
  });

  describe('malformed values the schema lets through are refused by the domain', () => {
    type Samples = Record<string, Record<string, unknown>>;
    const variantOf = (s: Samples) => (s['orders.create'].lines as { variantId: number }[])[0].variantId;
    const cases: [string, (s: Samples, ids: SampleIds) => unknown, string][] = [
      ['orders.create', (s) => ({ ...s['orders.create'], customerId: undefined, buyer: { name: 'Lan', phone: '0123 456' } }), 'PHONE_INVALID'],
      ['orders.create', (s) => ({ ...s['orders.create'], address: { street: '1 Lê Lợi', phone: 'gọi sau' } }), 'PHONE_INVALID'],
      ['orders.update', (s) => ({ ...s['orders.update'], address: { street: '1 Lê Lợi', phone: '09335656565' } }), 'PHONE_INVALID'],
      ['orders.create', (s) => ({ ...s['orders.create'], discount: 10_000_000 }), 'INPUT_INVALID'],
      ['orders.create', (s) => ({ ...s['orders.create'], lines: [{ variantId: variantOf(s), quantity: 1_000_000, unitPrice: 100_000_000_000 }] }), 'INPUT_INVALID'],
      ['orders.transition', (s) => ({ ...s['orders.transition'], to: 'shipped' }), 'TRANSITION_INVALID'],
      ['orders.update', (s) => ({ ...s['orders.update'], version: 999 }), 'CONFLICT'],
      ['customers.create', (s) => ({ ...s['customers.create'], phone: '12345' }), 'PHONE_INVALID'],
      ['customers.create', (s) => ({ ...s['customers.create'], email: 'lan@' }), 'EMAIL_INVALID'],
      ['customers.addAddress', (s) => ({ ...s['customers.addAddress'], address: { street: 'x', phone: '+1 650 253 0000' } }), 'PHONE_INVALID'],
      ['customers.update', (s) => ({ ...s['customers.update'], email: 'not an email' }), 'EMAIL_INVALID'],
      ['warehouses.create', (s) => ({ ...s['warehouses.create'], contactPhone: '0123' }), 'PHONE_INVALID'],
      ['warehouses.update', (s) => ({ ...s['warehouses.update'], contactPhone: '0123' }), 'PHONE_INVALID'],
      ['catalog.create', (s) => ({ ...s['catalog.create'], variants: [{ sku: 'BAD-BC', price: 1, weightG: 1, barcodes: ['4006381333932'] }] }), 'BARCODE_INVALID'],
      ['catalog.importCommit', (s) => ({ ...s['catalog.importCommit'], contentBase64: '!!!! not base64 ####' }), 'FILE_INVALID'],
      ['catalog.importPreview', (s) => ({ ...s['catalog.importPreview'], format: 'xlsx' }), 'FILE_INVALID'],
      ['inventory.adjust', (s) => ({ ...s['inventory.adjust'], delta: -1_000_000 }), 'STOCK_NEGATIVE'],
      ['inventory.adjust', (s) => ({ ...s['inventory.adjust'], delta: undefined, setOnHand: 5 }), 'QUANTITY_INVALID'],
      ['session.setupAdmin', (s) => s['session.setupAdmin'], 'CONFLICT'],
      ['session.startDemo', (s) => s['session.startDemo'], 'CONFLICT'],
    ];
    it.each(cases.map(([name, make, code], i) => [`${name} #${i + 1}`, name, make, code] as const))('%s → %s', async (_label, name, make, code) => {
      const before = checksum();
      const r = await t.admin.call(name, make(samples, ids));
      expect(r.ok ? 'ok' : `${r.error.code}`).toBe(code);
      expect(checksum()).toBe(before);
    });
  });
});
