import { z } from 'zod';

// Building blocks shared by the area contracts.
export const id = z.number().int().positive();
export const money = z.number().int().min(0).max(100_000_000_000);
export const quantity = z.number().int().positive().max(1_000_000);
export const timestamp = z.number().int().min(0);
export const text = (max = 500) => z.string().trim().max(max);
export const requiredText = (max = 500) => z.string().trim().min(1).max(max);
export const page = { limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) };
export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });

export const ROLES = ['packer', 'manager', 'admin'] as const;
export const role = z.enum(ROLES);
export const LOCALES = ['vi', 'en'] as const;
export const locale = z.enum(LOCALES);

export const VAT_RATES = ['10', '8', '5', '0', 'KCT', 'KKKNT'] as const;
export const vatRate = z.enum(VAT_RATES);

export const WAREHOUSE_TYPES = ['main', 'subsidiary', 'branch'] as const;

export const CHANNELS = ['manual', 'shopee', 'lazada', 'tiktok', 'website'] as const;
export const channel = z.enum(CHANNELS);
export const ORDER_SOURCES = ['phone', 'facebook', 'zalo', 'walk_in', 'other'] as const;
export const orderSource = z.enum(ORDER_SOURCES);
export const PAYMENT_METHODS = ['cod', 'prepaid'] as const;
export const paymentMethod = z.enum(PAYMENT_METHODS);

export const ORDER_STATUSES = [
  'new', 'awaiting_stock', 'ready_to_pack', 'packing', 'packed', 'shipped', 'delivered', 'completed',
  'cancelled', 'delivery_failed', 'returning', 'returned',
] as const;
export const orderStatus = z.enum(ORDER_STATUSES);

export const MOVEMENT_KINDS = [
  'receipt', 'reserve', 'release', 'ship', 'return_restock', 'write_off', 'count_adjust',
  'transfer_in', 'transfer_out', 'adjust', 'initial',
] as const;
export const movementKind = z.enum(MOVEMENT_KINDS);

export const operatorRef = z.object({ id, name: z.string(), role });

/**
 * An address as DESIGN.md / specs §C3 recommend: the raw text is never rewritten; the 2025
 * two-level form (province → ward) and the old three-level form are both kept when given.
 */
export const addressInput = z.object({
  recipientName: text(120).default(''),
  phone: text(30).default(''),
  street: text(250).default(''),
  provinceName: text(120).default(''),
  provinceCode: text(20).optional(),
  wardName: text(120).default(''),
  wardCode: text(20).optional(),
  legacy: z
    .object({ provinceName: text(120), districtName: text(120), wardName: text(120) })
    .optional(),
  rawText: text(500).optional(),
});
export type AddressInput = z.input<typeof addressInput>;

export const storedAddress = z.object({
  recipientName: z.string(),
  phone: z.string(),
  rawText: z.string(),
  scheme: z.enum(['new2', 'legacy3', 'unknown']),
  streetLine: z.string(),
  current: z.object({ provinceCode: z.string(), provinceName: z.string(), wardCode: z.string(), wardName: z.string() }).optional(),
  legacy: z.object({ provinceName: z.string(), districtName: z.string(), wardName: z.string() }).optional(),
});
export type StoredAddress = z.infer<typeof storedAddress>;
