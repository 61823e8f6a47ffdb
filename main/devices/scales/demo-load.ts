// The demo shop's desk has nobody to put parcels on its simulated scale, so this does: a parcel of a
// plausible weight lands, stays long enough to be weighed, is lifted off, and the next one follows.

export interface DemoLoadOptions {
  holdMs?: number;
  gapMs?: number;
  random?: () => number;
}

export function startDemoLoad(scale: { place(grams: number): void; remove(): void }, opts: DemoLoadOptions = {}): () => void {
  const holdMs = opts.holdMs ?? 10_000;
  const gapMs = opts.gapMs ?? 3_000;
  const random = opts.random ?? Math.random;
  let timer: ReturnType<typeof setTimeout>;
  const next = (loaded: boolean) => {
    if (loaded) scale.remove();
    else scale.place(150 + Math.round(random() * 2350)); // 150 g – 2.5 kg: the parcels online shops send most
    timer = setTimeout(() => next(!loaded), loaded ? gapMs : holdMs);
    timer.unref?.();
  };
  timer = setTimeout(() => next(false), 500);
  timer.unref?.();
  return () => clearTimeout(timer);
}
