import { stationNameOf } from '../stations/station-repo.js';
import type { sessionContract } from '../../api/session.js';
import { fail } from '../../api/errors.js';
import type { HandlersFor } from '../../core/context.js';
import { getSetting, setSetting } from '../shared/settings.js';
import { seedDemo } from '../demo/seed-demo.js';
import { DEMO_OPERATORS } from '../demo/demo-data.js';
import { hashPin, PinThrottle, verifyPin } from './pin.js';
import {
  assertAdminRemains, createOperator, getOperator, operatorCount, operatorRef, type OperatorRow,
} from './operators-service.js';

export function operatorHandlers(throttle = new PinThrottle()): HandlersFor<typeof sessionContract> {
  return {
    'session.state': (ctx) => ({
      firstRun: operatorCount(ctx.store) === 0,
      demo: getSetting(ctx.store, 'demo') === '1',
      operator: ctx.session.operator,
      station: stationNameOf(ctx),
      locale: getSetting(ctx.store, 'locale') as 'vi' | 'en',
      version: ctx.services.version,
      dataDir: ctx.services.dataDir,
    }),

    'session.operators': (ctx) => {
      const demo = getSetting(ctx.store, 'demo') === '1';
      return (ctx.store.prepare('SELECT id, name, role FROM operators WHERE active = 1 ORDER BY name').all() as OperatorRow[]).map((r) => {
        const pin = demo ? DEMO_OPERATORS.find((d) => d.name === r.name)?.pin : undefined;
        return { ...operatorRef(r), ...(pin ? { demoPin: pin } : {}) };
      });
    },

    'session.signIn': (ctx, { operatorId, pin }) => {
      const now = ctx.now();
      const locked = throttle.lockedUntil(operatorId, now);
      if (locked) fail('PIN_INVALID', 'Too many wrong PINs; wait before trying again', { lockedUntil: locked });
      const op = ctx.store.prepare('SELECT * FROM operators WHERE id = ? AND active = 1').get(operatorId) as OperatorRow | undefined;
      if (!op || !verifyPin(pin, op.pin_salt, op.pin_hash)) {
        throttle.fail(operatorId, now);
        fail('PIN_INVALID', 'Wrong operator or PIN');
      }
      throttle.succeed(operatorId);
      ctx.session.operator = operatorRef(op!);
      ctx.emit('session.changed');
      return ctx.session.operator;
    },

    'session.signOut': (ctx) => {
      ctx.session.operator = null;
      ctx.emit('session.changed');
      return { ok: true as const };
    },

    'session.setupAdmin': (ctx, input) => {
      if (operatorCount(ctx.store) > 0) fail('CONFLICT', 'Operators already exist; sign in instead', { reason: 'not_first_run' });
      const op = createOperator(ctx.store, { name: input.name, role: 'admin', pin: input.pin }, ctx.now());
      ctx.session.operator = operatorRef(op);
      ctx.emit('session.changed');
      return ctx.session.operator;
    },

    'session.startDemo': {
      async: async (ctx) => {
        const seeded = ctx.store.tx(() => {
          if (operatorCount(ctx.store) > 0) fail('CONFLICT', 'The demo shop can only start in an empty data folder', { reason: 'not_first_run' });
          return seedDemo(ctx.store, ctx.now());
        });
        await ctx.services.startDemoNetwork();
        for (const e of ['session.changed', 'orders.changed', 'stock.changed', 'catalog.changed', 'warehouses.changed', 'customers.changed', 'connections.changed'] as const) ctx.emit(e);
        return { operators: seeded.operators };
      },
    },

    'session.setLocale': (ctx, { locale }) => {
      setSetting(ctx.store, 'locale', locale);
      ctx.emit('session.changed');
      return { ok: true as const };
    },

    'session.setStation': (ctx, { station }) => {
      setSetting(ctx.store, 'station', station);
      ctx.emit('session.changed');
      return { ok: true as const };
    },

    'operators.list': (ctx) =>
      (ctx.store.prepare('SELECT * FROM operators ORDER BY active DESC, name').all() as OperatorRow[]).map((r) => ({
        ...operatorRef(r),
        active: r.active === 1,
        createdAt: r.created_at,
      })),

    'operators.create': (ctx, input) => {
      const op = createOperator(ctx.store, input, ctx.now());
      ctx.emit('operators.changed');
      return operatorRef(op);
    },

    'operators.update': (ctx, input) => {
      const op = getOperator(ctx.store, input.id);
      const demotes = input.role !== undefined && input.role !== 'admin' && op.role === 'admin';
      const deactivates = input.active === false && op.role === 'admin';
      if (demotes || deactivates) assertAdminRemains(ctx.store, op.id);
      const pin = input.pin ? hashPin(input.pin) : { salt: op.pin_salt, hash: op.pin_hash };
      ctx.store
        .prepare('UPDATE operators SET name = ?, role = ?, pin_salt = ?, pin_hash = ?, active = ?, updated_at = ? WHERE id = ?')
        .run(input.name ?? op.name, input.role ?? op.role, pin.salt, pin.hash, input.active === undefined ? op.active : Number(input.active), ctx.now(), op.id);
      ctx.emit('operators.changed');
      return operatorRef(getOperator(ctx.store, op.id));
    },
  };
}
