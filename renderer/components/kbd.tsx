/** Shows a shortcut like "Ctrl+K" or "G O" as key caps. Hidden from screen readers: the control
 *  it belongs to announces it through aria-keyshortcuts instead. */
export function Kbd({ keys, className }: { keys: string; className?: string }) {
  const groups = keys.split(' | ')[0].split(' ');
  return (
    <span className={`kbd-group ${className ?? ''}`} aria-hidden="true">
      {groups.map((g, i) => (
        <span key={i} className="kbd-seq">
          {g.split('+').map((k, j) => (
            <kbd key={j}>{k}</kbd>
          ))}
        </span>
      ))}
    </span>
  );
}

/** The value for aria-keyshortcuts ("Control+K"). Two-key sequences such as "G O" cannot be
 *  expressed there (a space separates alternatives), so they are left out. */
export function ariaShortcut(keys: string | undefined): string | undefined {
  if (!keys) return undefined;
  const combos = keys
    .split(' | ')
    .filter((k) => !k.includes(' '))
    .map((k) => k.replace(/\bCtrl\b/g, 'Control'));
  return combos.length ? combos.join(' ') : undefined;
}
