import type { z } from 'zod';

export type Role = 'packer' | 'manager' | 'admin';

/**
 * One command of the contract. `role` is the least role allowed to run it; `null` means it may run
 * before anyone signs in (sign-in itself, language, first-run state).
 */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  role: Role | null;
  /** Read-only commands skip the write transaction (they still run in one read snapshot). */
  readonly?: boolean;
}

export const command = <I extends z.ZodType, O extends z.ZodType>(spec: CommandSpec<I, O>) => spec;

export type Contract = Record<string, CommandSpec>;
export type InputOf<C extends Contract, K extends keyof C> = z.input<C[K]['input']>;
export type OutputOf<C extends Contract, K extends keyof C> = z.output<C[K]['output']>;

export const ROLE_RANK: Record<Role, number> = { packer: 1, manager: 2, admin: 3 };
