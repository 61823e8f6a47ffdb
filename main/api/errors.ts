// Stable error codes crossing the command boundary. The renderer translates each code
// (locales: errors.<CODE>); `message` is an English fallback for the CLI and logs.
export const ERROR_CODES = [
  'INPUT_INVALID',
  'OUTPUT_INVALID',
  'UNKNOWN_COMMAND',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'PIN_INVALID',
  'NOT_FOUND',
  'CONFLICT',
  'CODE_TAKEN',
  'BARCODE_INVALID',
  'PHONE_INVALID',
  'EMAIL_INVALID',
  'ADDRESS_INVALID',
  'STOCK_INSUFFICIENT',
  'STOCK_NEGATIVE',
  'QUANTITY_INVALID',
  'TRANSITION_INVALID',
  'GUARD_FAILED',
  'ORDER_LOCKED',
  'WAREHOUSE_INACTIVE',
  'VARIANT_INACTIVE',
  'IMPORT_HAS_ERRORS',
  'FILE_INVALID',
  'BACKUP_INVALID',
  'SCHEMA_UNKNOWN',
  'CARRIER_LIMIT',
  'ADDRESS_UNMATCHED',
  'OFFLINE',
  'CARRIER_REJECTED',
  'CARRIER_AUTH',
  'CARRIER_UNAVAILABLE',
  'MARKETPLACE_REDIRECT_INVALID',
  'MARKETPLACE_AUTH_FAILED',
  'MARKETPLACE_AUTH_TIMEOUT',
  'MARKETPLACE_UNAVAILABLE',
  'MARKETPLACE_SETTINGS_INVALID',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CommandErrorShape {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown inside the core; the dispatcher turns it into a `{code, message, details}` value. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.details = details;
  }
  toShape(): CommandErrorShape {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): never => {
  throw new CommandError(code, message, details);
};
