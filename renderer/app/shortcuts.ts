import { useEffect, useRef } from 'react';

// One keydown listener for the whole app. A binding is a combo ("Ctrl+K", "Alt+1", "/", "N") or a
// two-key sequence ("G O"). Bindings registered later win, so a screen can take over a key while it
// is mounted. While the user types in a field, only bindings marked `allowInInput` fire; while a
// dialog is open, only those marked `allowInDialog` do.

export interface ShortcutOptions {
  allowInInput?: boolean;
  allowInDialog?: boolean;
  enabled?: boolean;
}

interface Binding extends ShortcutOptions {
  keys: string;
  handler: { current: (e: KeyboardEvent) => void };
}

const bindings: Binding[] = [];
let pendingPrefix: string | null = null;
let pendingTimer: number | undefined;
let installed = false;

const NAMED: Record<string, string> = { ' ': 'Space', Esc: 'Escape' };

/** The normalised combo of a key event, e.g. "Ctrl+Shift+K", "Alt+1", "?", "G". */
export function comboOf(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  let key = NAMED[e.key] ?? e.key;
  // With a modifier, or when an input method rewrote the letter (Vietnamese Telex), the physical
  // key is more reliable than the produced character.
  const fromCode = /^Key([A-Z])$/.exec(e.code)?.[1] ?? /^Digit(\d)$/.exec(e.code)?.[1];
  const modified = e.ctrlKey || e.metaKey || e.altKey;
  if (fromCode && (modified || !/^[\x20-\x7e]$/.test(key))) key = fromCode;
  if (key.length === 1) key = key.toUpperCase();
  const printable = key.length === 1 && !/[A-Z0-9]/.test(key);
  const mods = [
    e.ctrlKey || e.metaKey ? 'Ctrl' : '',
    e.altKey ? 'Alt' : '',
    // Shift is part of the character for "?" or "/", so it is not a separate modifier there.
    e.shiftKey && !printable ? 'Shift' : '',
  ].filter(Boolean);
  return [...mods, key].join('+');
}

export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type);
  return (el as HTMLElement).isContentEditable === true;
}

function usable(b: Binding, inInput: boolean, inDialog: boolean): boolean {
  if (b.enabled === false) return false;
  if (inInput && !b.allowInInput) return false;
  if (inDialog && !b.allowInDialog) return false;
  return true;
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return;
  if (['Control', 'Alt', 'Shift', 'Meta'].includes(e.key)) return;
  const combo = comboOf(e);
  const inInput = isEditable(document.activeElement);
  const inDialog = document.querySelector('dialog[open]') !== null;
  const candidates = [pendingPrefix ? `${pendingPrefix} ${combo}` : null, combo].filter((k): k is string => k !== null);
  window.clearTimeout(pendingTimer);
  const hadPrefix = pendingPrefix !== null;
  pendingPrefix = null;
  for (const keys of candidates) {
    for (let i = bindings.length - 1; i >= 0; i--) {
      const b = bindings[i];
      if (b.keys === keys && usable(b, inInput, inDialog)) {
        e.preventDefault();
        b.handler.current(e);
        return;
      }
    }
  }
  if (hadPrefix) return;
  // Start a sequence when some binding begins with this key.
  if (bindings.some((b) => b.keys.startsWith(`${combo} `) && usable(b, inInput, inDialog))) {
    pendingPrefix = combo;
    pendingTimer = window.setTimeout(() => (pendingPrefix = null), 1500);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', onKeyDown);
}

/** Binds `keys` (one combo, or several separated by " | ") while the component is mounted. */
export function useShortcut(keys: string, handler: (e: KeyboardEvent) => void, options: ShortcutOptions = {}): void {
  const ref = useRef(handler);
  ref.current = handler;
  const { allowInInput, allowInDialog, enabled } = options;
  useEffect(() => {
    install();
    const added: Binding[] = keys.split(' | ').map((k) => ({ keys: k.trim(), handler: ref, allowInInput, allowInDialog, enabled }));
    bindings.push(...added);
    return () => {
      for (const b of added) bindings.splice(bindings.indexOf(b), 1);
    };
  }, [keys, allowInInput, allowInDialog, enabled]);
}

/** Focuses the current screen's main search box (marked with data-search). */
export function focusSearch(): void {
  const focus = () => {
    const el = document.querySelector<HTMLInputElement>('[data-search]');
    el?.focus();
    el?.select();
    return el;
  };
  const first = focus();
  // "/" typed right after Alt+digit can arrive before the hash change has swapped the screens: the
  // old screen's box gets the focus and then goes away. For a few frames, follow the new screen's.
  let frames = 20;
  const follow = () => {
    if (!first?.isConnected && focus()) return;
    if (frames-- > 0) window.requestAnimationFrame(follow);
  };
  window.requestAnimationFrame(follow);
}
