import { ZodError } from 'zod';
import { contract, type CommandName, type EventName } from '../api/index.js';
import { ROLE_RANK } from '../api/contract.js';
import { CommandError, type CommandErrorShape } from '../api/errors.js';
import type { CallResult } from './protocol.js';
import type { CommandContext, CoreServices, Handlers, SessionState, SignedInOperator } from './context.js';
import type { Store } from '../store/store.js';

export interface DispatcherDeps {
  store: Store;
  handlers: Handlers;
  services: CoreServices;
  now?: () => number;
  publish(name: EventName, payload: unknown): void;
  log?: (message: string, error?: unknown) => void;
}

/** Zod's issues as plain data, with the limits a translated message needs (minimum, maximum, origin). */
export const issuesOf = (error: ZodError) =>
  error.issues.map((i) => {
    const extra = i as { minimum?: unknown; maximum?: unknown; origin?: unknown; format?: unknown };
    return {
      path: i.path.map(String).join('.'), message: i.message, code: i.code,
      ...(extra.minimum !== undefined ? { minimum: Number(extra.minimum) } : {}),
      ...(extra.maximum !== undefined ? { maximum: Number(extra.maximum) } : {}),
      ...(typeof extra.origin === 'string' ? { origin: extra.origin } : {}),
      ...(typeof extra.format === 'string' ? { format: extra.format } : {}),
    };
  });

/** Maps anything thrown inside a command to the error value that crosses the boundary. */
export function toErrorShape(error: unknown, log?: DispatcherDeps['log']): CommandErrorShape {
  if (error instanceof CommandError) return error.toShape();
  if (error instanceof ZodError) return { code: 'INPUT_INVALID', message: 'Invalid input', details: { issues: issuesOf(error) } };
  const sqliteCode = (error as { code?: string })?.code;
  if (sqliteCode === 'SQLITE_BUSY' || sqliteCode === 'SQLITE_LOCKED') {
    return { code: 'CONFLICT', message: 'The data file is busy with another task; try again in a moment', details: { reason: 'busy' } };
  }
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: 'The change conflicts with existing data', details: { reason: String((error as Error).message) } };
  }
  log?.('command failed', error);
  return { code: 'INTERNAL', message: 'Internal error' };
}

/**
 * The signed-in operator as the store has them now, so deactivating or demoting an operator takes
 * effect on sessions already open (a session only remembers who signed in, not what they may do).
 */
function refreshOperator(store: Store, session: SessionState): void {
  if (!session.operator) return;
  const row = store.prepare('SELECT name, role, active FROM operators WHERE id = ?').get(session.operator.id) as
    | (Pick<SignedInOperator, 'name' | 'role'> & { active: number })
    | undefined;
  session.operator = row && row.active === 1 ? { id: session.operator.id, name: row.name, role: row.role } : null;
}

class InvalidOutput extends Error {
  constructor(readonly zodError: ZodError) {
    super('output does not match the contract');
  }
}

type AnyHandler = ((ctx: CommandContext, input: unknown) => unknown) | { async: (ctx: CommandContext, input: unknown) => Promise<unknown> };

/** One way in (DESIGN.md rule 1): every transport calls `dispatch`. */
export function createDispatcher(deps: DispatcherDeps) {
  const now = deps.now ?? Date.now;

  return async function dispatch(session: SessionState, name: string, rawInput: unknown): Promise<CallResult> {
    const spec = Object.hasOwn(contract, name) ? contract[name as CommandName] : undefined;
    if (!spec) return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command ${name}` } };
    refreshOperator(deps.store, session);
    if (spec.role !== null) {
      if (!session.operator) return { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Sign in first' } };
      if (ROLE_RANK[session.operator.role] < ROLE_RANK[spec.role]) {
        return { ok: false, error: { code: 'FORBIDDEN', message: `Needs the ${spec.role} role`, details: { required: spec.role } } };
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'INPUT_INVALID', message: 'Invalid input', details: { issues: issuesOf(parsed.error) } } };
    }

    const queued: { name: EventName; payload: unknown }[] = [];
    const ctx: CommandContext = {
      store: deps.store,
      now,
      session,
      operatorId: session.operator?.id ?? null,
      emit: (event, payload = {}) => queued.push({ name: event, payload }),
      services: deps.services,
    };
    const handler = deps.handlers[name as CommandName] as unknown as AnyHandler;
    const check = (value: unknown) => {
      const out = spec.output.safeParse(value);
      if (!out.success) throw new InvalidOutput(out.error);
      return out.data;
    };
    let value: unknown;
    try {
      if (typeof handler === 'object') value = check(await handler.async(ctx, parsed.data));
      else if (spec.readonly) value = deps.store.read(() => check(handler(ctx, parsed.data)));
      // Checked inside the transaction: an answer the contract refuses rolls the writes back, so a row
      // that every later read would fail on never lands.
      else value = deps.store.tx(() => check(handler(ctx, parsed.data)));
    } catch (error) {
      if (!(error instanceof InvalidOutput)) return { ok: false, error: toErrorShape(error, deps.log) };
      deps.log?.(`output of ${name} does not match the contract`, error.zodError);
      return { ok: false, error: { code: 'OUTPUT_INVALID', message: 'The core produced an invalid answer', details: { issues: issuesOf(error.zodError) } } };
    }
    // Only after commit: a rolled-back command must not make windows refresh into stale state.
    for (const e of queued) deps.publish(e.name, e.payload);
    return { ok: true, value };
  };
}
