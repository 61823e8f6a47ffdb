import type { z } from 'zod';
import type { AppContract, CommandName, EventName } from '../api/index.js';
import type { Role } from '../api/contract.js';
import type { Store } from '../store/store.js';
import type { SecretBox } from './secret-box.js';

export interface SignedInOperator {
  id: number;
  name: string;
  role: Role;
}

/** What a transport (window, WebSocket, CLI) knows about the caller. */
export interface SessionState {
  operator: SignedInOperator | null;
  remote: boolean;
  /** The desk a browser on the LAN named itself; unset means this install's own station setting. */
  station?: string;
}

/** What commands may ask of the job runner (the outbox's worker). */
export interface JobsControl {
  readonly online: boolean;
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  wake(): void;
}

/** The print queue's worker and the demo's virtual printers (main/domain/printing). */
export interface PrintingServices {
  wake(): void;
  /** True in the desktop app, where the Electron host prints PDFs to OS printers. */
  readonly osPrintAvailable: boolean;
  /** Labels the demo's virtual printers received, newest first. */
  virtualLabels(): { id: number; printer: 'label' | 'slip'; at: number; language: string; png: Buffer; widthDots: number; heightDots: number }[];
}

export interface CoreServices {
  dataDir: string;
  version: string;
  jobs: JobsControl;
  printing?: PrintingServices;
  secrets: SecretBox;
  backupNow(): Promise<{ file: string; sizeBytes: number; createdAt: number }>;
  listBackups(): { file: string; sizeBytes: number; createdAt: number }[];
  /** Starts the demo shop's loopback carriers and points its accounts at them (idempotent). */
  startDemoNetwork(): Promise<void>;
}

export interface CommandContext {
  store: Store;
  now(): number;
  session: SessionState;
  /** The signed-in operator's id, for audit columns (null for commands that run before sign-in). */
  operatorId: number | null;
  /** Queued; published only after the command's transaction commits. */
  emit(name: EventName, payload?: unknown): void;
  services: CoreServices;
}

type In<K extends CommandName> = z.output<AppContract[K]['input']>;
type Out<K extends CommandName> = z.input<AppContract[K]['output']>;

/** A sync handler runs inside the command's one transaction (DESIGN.md rule 3). */
export type SyncHandler<K extends CommandName> = (ctx: CommandContext, input: In<K>) => Out<K>;
/** An async handler (file parsing, network) opens its own short transactions with `ctx.store.tx`. */
export type AsyncHandler<K extends CommandName> = { async: (ctx: CommandContext, input: In<K>) => Promise<Out<K>> };
export type Handler<K extends CommandName> = SyncHandler<K> | AsyncHandler<K>;

export type HandlersFor<C> = { [K in keyof C & CommandName]: Handler<K> };
export type Handlers = HandlersFor<AppContract>;
