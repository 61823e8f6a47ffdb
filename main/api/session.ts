import { z } from 'zod';
import { command } from './contract.js';
import { empty, id, locale, ok, operatorRef, requiredText, role } from './common.js';

const pin = z.string().regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits');

export const sessionContract = {
  'session.state': command({
    role: null,
    readonly: true,
    input: empty,
    output: z.object({
      firstRun: z.boolean(),
      demo: z.boolean(),
      operator: operatorRef.nullable(),
      station: z.string(),
      locale,
      version: z.string(),
      dataDir: z.string(),
    }),
  }),
  'session.operators': command({
    role: null,
    readonly: true,
    input: empty,
    /** In the demo shop each operator comes with its PIN, shown as a hint on the sign-in screen. */
    output: z.array(operatorRef.extend({ demoPin: z.string().optional() })),
  }),
  // Read-only: the PIN check (scrypt, slow on purpose) must not hold the write lock.
  'session.signIn': command({ role: null, readonly: true, input: z.object({ operatorId: id, pin }), output: operatorRef }),
  'session.signOut': command({ role: null, input: empty, output: ok }),
  'session.setupAdmin': command({
    role: null,
    input: z.object({ name: requiredText(80), pin }),
    output: operatorRef,
  }),
  'session.startDemo': command({ role: null, input: empty, output: z.object({ operators: z.array(operatorRef.extend({ pin: z.string() })) }) }),
  'session.setLocale': command({ role: null, input: z.object({ locale }), output: ok }),
  'session.setStation': command({ role: 'manager', input: z.object({ station: requiredText(60) }), output: ok }),

  'operators.list': command({
    role: 'admin',
    readonly: true,
    input: empty,
    output: z.array(operatorRef.extend({ active: z.boolean(), createdAt: z.number() })),
  }),
  'operators.create': command({
    role: 'admin',
    input: z.object({ name: requiredText(80), role, pin }),
    output: operatorRef,
  }),
  'operators.update': command({
    role: 'admin',
    input: z.object({ id, name: requiredText(80).optional(), role: role.optional(), pin: pin.optional(), active: z.boolean().optional() }),
    output: operatorRef,
  }),
};
