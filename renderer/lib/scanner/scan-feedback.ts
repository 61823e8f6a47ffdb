// Sounds a packer hears without looking: a short high beep for a good scan, a low harsh buzz
// for an error. Generated with WebAudio, so no audio files ship and nothing needs loading.

let ctx: AudioContext | null = null;
let resuming = false;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  ctx ??= new AudioContext();
  // Chromium starts a context suspended until a user gesture; a key press counts. Asked once at a
  // time: a resume per scan costs the scan's feedback a few ms while the first one is still pending.
  if (ctx.state === 'suspended' && !resuming) {
    resuming = true;
    void ctx.resume().catch(() => undefined).finally(() => (resuming = false));
  }
  return ctx;
}

function tone(ac: AudioContext, at: number, freq: number, ms: number, type: OscillatorType, volume: number): void {
  const osc = ac.createOscillator();
  const gain = ac.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  // Short ramps avoid clicks at the start and end of each tone.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(volume, at + 0.005);
  gain.gain.setValueAtTime(volume, at + ms / 1000 - 0.01);
  gain.gain.linearRampToValueAtTime(0, at + ms / 1000);
  osc.connect(gain).connect(ac.destination);
  osc.start(at);
  osc.stop(at + ms / 1000 + 0.01);
}

export const scanFeedback = {
  /** Makes the audio context ahead of the first scan (a screen that beeps calls it on mount): making it takes longer than a beep. */
  prepare(): void {
    audio();
  },
  /** One short high beep: the scan counted. */
  ok(): void {
    const ac = audio();
    if (ac) tone(ac, ac.currentTime, 1760, 70, 'sine', 0.25);
  },
  /** Three low square-wave buzzes (~0.5 s): unmistakable, even on a noisy floor. */
  error(): void {
    const ac = audio();
    if (!ac) return;
    for (let i = 0; i < 3; i++) tone(ac, ac.currentTime + i * 0.17, 180, 130, 'square', 0.3);
  },
  /** Two mid beeps: done (order packed, label sent). */
  done(): void {
    const ac = audio();
    if (!ac) return;
    tone(ac, ac.currentTime, 1320, 80, 'sine', 0.25);
    tone(ac, ac.currentTime + 0.12, 1760, 120, 'sine', 0.25);
  },
};
