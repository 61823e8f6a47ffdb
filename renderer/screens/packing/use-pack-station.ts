import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, useCommand, type Output } from '../../lib/api.js';
import { scanFeedback, type Scan } from '../../lib/scanner/index.js';
import { packError, scanMessage, skippedNote, skipReason } from './pack-messages.js';
import { useQuietCommand } from './use-quiet-command.js';

export type Session = NonNullable<Output<'packing.current'>>;
export interface Feedback { kind: 'ok' | 'error' | 'info'; text: string; at: number }
type Match = Output<'packing.handleScan'>['match'];

/**
 * The pack station's state and its scan handling. Scans arrive one at a time (the scanner's FIFO
 * waits for each promise), so a burst of 20 is handled as 20 calls in order, none merged.
 */
export function usePackStation() {
  const { t } = useTranslation();
  const station = useCommand('stations.current', {});
  const [session, setSession] = useState<Session | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [sequence, setSequence] = useState<number[]>([]);
  const [pendingSwitch, setPendingSwitch] = useState<Match | null>(null);
  const [lastOkCode, setLastOkCode] = useState<string | null>(null);
  const [lastPacked, setLastPacked] = useState<{ orderId: number; number: string } | null>(null);
  /** A scan from the queue view is being handled (it usually opens an order, which hides the queue). */
  const [routing, setRouting] = useState(false);
  // What the next scan in the FIFO sees: set with the state, before the order view has even rendered.
  const sessionRef = useRef<Session | null>(null);
  /** Moves with every result of the screen's own, so an older re-read never replaces it. */
  const epoch = useRef(0);
  const scanning = useRef(0);
  const sound = station.data?.packing.sound ?? true;

  /** Shows a session the screen's own command answered with (or none). */
  const show = useCallback((s: Session | null) => {
    sessionRef.current = s;
    epoch.current++;
    setSession(s);
  }, []);

  // The core's view wins whenever it changes (another desk, a cancellation from the marketplace), read
  // once the events of the packer's own scans have quietened down: every scan's reply already carries it.
  const current = useQuietCommand('packing.current', {}, (s) => {
    if (JSON.stringify(s) === JSON.stringify(sessionRef.current)) return;
    sessionRef.current = s;
    setSession(s);
  }, { busy: () => scanning.current > 0, epoch: () => epoch.current });

  useEffect(() => {
    if (sound) scanFeedback.prepare();
  }, [sound]);

  const say = useCallback((kind: Feedback['kind'], text: string) => {
    setFeedback({ kind, text, at: Date.now() });
    if (!sound) return;
    if (kind === 'error') scanFeedback.error();
    else if (kind === 'ok') scanFeedback.ok();
  }, [sound]);

  /** `after` keeps what just happened (a packed order) in front of the news of the next one. */
  const opened = useCallback((s: Session, after?: string) => {
    // One commit with the banner: the queue stays mounted, hidden (pack-station-screen), so the order
    // view is all that renders.
    show(s);
    setLastOkCode(null);
    const text = t('packing:opened', { number: s.order.number });
    say(after ? 'ok' : 'info', after ? `${after} · ${text}` : text);
  }, [say, show, t]);

  const open = useCallback(async (orderId: number, after?: string): Promise<boolean> => {
    try {
      opened(await call('packing.open', { orderId }), after);
      return true;
    } catch (err) {
      say('error', packError(t, err));
      return false;
    }
  }, [opened, say, t]);

  /** Leaves the open order (its counts are cleared) and opens the next one, if any. */
  const release = useCallback(async () => {
    const s = sessionRef.current;
    if (!s) return;
    try {
      await call('packing.release', { sessionId: s.id });
      show(null);
    } catch (err) {
      say('error', packError(t, err));
    }
  }, [say, show, t]);

  /**
   * Opens the pick list's orders one after another. Orders no longer waiting (packed, cancelled, open at
   * another desk) are skipped, and the message names each with why, ahead of the order that opened.
   */
  const openFromSequence = useCallback(async (ids: number[], after?: string): Promise<void> => {
    const skipped: string[] = [];
    let rest = ids;
    while (rest.length) {
      const [first, ...more] = rest;
      rest = more;
      setSequence(more);
      try {
        const s = await call('packing.open', { orderId: first });
        show(s);
        setLastOkCode(null);
        say(after ? 'ok' : 'info', [after, skippedNote(t, skipped), t('packing:opened', { number: s.order.number })].filter(Boolean).join(' · '));
        return;
      } catch (err) {
        skipped.push(skipReason(t, err));
      }
    }
    setSequence([]);
    say(after ? 'ok' : 'info', [after, skippedNote(t, skipped), t('packing:pickListFinished')].filter(Boolean).join(' · '));
  }, [say, show, t]);

  const follow = useCallback(async (match: Match) => {
    if (match.kind === 'order') await open(match.orderId);
    else if (match.kind === 'pick_list') {
      say('info', t('packing:pickListOpened', { code: match.code, count: match.orderIds.length }));
      await openFromSequence(match.orderIds);
    }
  }, [open, openFromSequence, say, t]);

  /** Shows what packing.scan did: the session as it now is, the result's sound and message. */
  const counted = useCallback((code: string, r: Output<'packing.scan'>) => {
    show(r.session);
    say(r.result === 'ok' ? 'ok' : 'error', scanMessage(t, code, r));
    if (r.result === 'ok') setLastOkCode(code);
  }, [say, show, t]);

  const count = useCallback(async (sessionId: number, code: string, quantity?: number) => {
    try {
      const r = await call('packing.scan', { sessionId, code, ...(quantity !== undefined ? { quantity } : {}) });
      counted(code, r);
      return r;
    } catch (err) {
      say('error', packError(t, err));
      return undefined;
    }
  }, [counted, say, t]);

  const onScan = useCallback(async (scan: Scan) => {
    const s = sessionRef.current;
    const code = scan.code.trim();
    // Only scans at the queue flag it: a flag set on every item scan would re-render the open order twice more.
    const fromQueue = !s || s.status !== 'open';
    if (fromQueue) setRouting(true);
    scanning.current++;
    try {
      // One command routes the code and counts it or opens its order: a scan waits on one round trip.
      const r = await call('packing.handleScan', { code, ...(s && s.status === 'open' ? { sessionId: s.id } : {}) });
      const m = r.match;
      switch (r.action) {
        case 'count': if (r.scan) counted(code, r.scan); break;
        // The core lets go of the open order itself when nothing on it was counted.
        case 'open_order': if (r.opened) opened(r.opened); break;
        case 'open_pick_list': await follow(m); break;
        case 'confirm_switch': setPendingSwitch(m); say('info', t('packing:switchAsk')); break;
        case 'same_order': say('info', t('packing:sameOrder')); break;
        case 'info':
          say('info', m.kind === 'product' ? t('packing:productNoOrder', { sku: m.sku, name: m.name }) : m.kind === 'bin' ? t('packing:binScanned', { code: m.code }) : code);
          break;
        default: say('error', t('packing:scan.unknown', { code }));
      }
    } catch (err) {
      say('error', packError(t, err));
    } finally {
      scanning.current--;
      if (fromQueue) setRouting(false);
    }
  }, [counted, follow, opened, say, t]);

  const confirmSwitch = useCallback(async () => {
    const m = pendingSwitch;
    setPendingSwitch(null);
    if (!m) return;
    await release();
    await follow(m);
  }, [follow, pendingSwitch, release]);

  return {
    station: station.data, session, setSession: show, feedback, routing, say, sequence, openFromSequence, open, release, onScan, count, lastOkCode,
    lastPacked, setLastPacked, pendingSwitch, confirmSwitch, cancelSwitch: () => setPendingSwitch(null), reload: current.reload,
  };
}

export type PackStation = ReturnType<typeof usePackStation>;
