// What a US-layout keyboard types for a physical key (KeyboardEvent.code). Scanners in keyboard
// mode send key *positions* (HID usages) for a US layout by default; decoding those positions with
// this fixed table instead of trusting `event.key` means neither the OS layout (AZERTY, QWERTZ)
// nor a Vietnamese input method (Unikey/EVKey in Telex or VNI) can rewrite a scanned code.

const PAIRS: Record<string, readonly [string, string]> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Backquote: ['`', '~'],
  Space: [' ', ' '],
};

const DIGIT_SHIFTED = ')!@#$%^&*(';

// The numpad types the same with or without Shift; NumpadEnter is a suffix key, not a character.
const NUMPAD: Record<string, string> = {
  NumpadDecimal: '.',
  NumpadAdd: '+',
  NumpadSubtract: '-',
  NumpadMultiply: '*',
  NumpadDivide: '/',
  NumpadEqual: '=',
  NumpadComma: ',',
};

/** The character a US layout types for `code`, or null for keys that type nothing (Enter, F13, Shift). */
export function usCharOf(code: string, shiftKey: boolean): string | null {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shiftKey ? letter : letter.toLowerCase();
  const digit = /^Digit([0-9])$/.exec(code)?.[1];
  if (digit) return shiftKey ? DIGIT_SHIFTED[Number(digit)] : digit;
  const pad = /^Numpad([0-9])$/.exec(code)?.[1];
  if (pad) return pad;
  if (code in NUMPAD) return NUMPAD[code];
  const pair = PAIRS[code];
  if (pair) return pair[shiftKey ? 1 : 0];
  return null;
}

/** Keys that only modify others: a scanner presses Shift for capitals; they are not part of a burst. */
export function isModifierCode(code: string): boolean {
  return /^(Shift|Control|Alt|Meta|OS)(Left|Right)?$/.test(code) || code === 'CapsLock' || code === 'NumLock';
}

/** Inverse table for tests and the calibration page: the code and shift state that type `ch` on a US layout. */
export function usKeyFor(ch: string): { code: string; shiftKey: boolean } | null {
  if (/^[a-z]$/.test(ch)) return { code: `Key${ch.toUpperCase()}`, shiftKey: false };
  if (/^[A-Z]$/.test(ch)) return { code: `Key${ch}`, shiftKey: true };
  if (/^[0-9]$/.test(ch)) return { code: `Digit${ch}`, shiftKey: false };
  const shiftedDigit = DIGIT_SHIFTED.indexOf(ch);
  if (shiftedDigit >= 0) return { code: `Digit${shiftedDigit}`, shiftKey: true };
  for (const [code, [plain, shifted]] of Object.entries(PAIRS)) {
    if (ch === plain) return { code, shiftKey: false };
    if (ch === shifted) return { code, shiftKey: true };
  }
  return null;
}
