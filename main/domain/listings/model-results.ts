// Shopee's update_stock / update_price answer success with per-model failures (spec §6): a model counts
// as written only when it is not in `failure_list` and is in `success_list` (or every model of the batch is).

export interface ModelResults {
  success_list: { model_id?: string | null }[];
  failure_list: { model_id?: string | null; failed_reason?: string | null }[];
}

/** Per model of `batch`, in order: written, or why not (Shopee's reason, or that it did not confirm it). */
export function modelResults(batch: readonly { modelId: string }[], res: ModelResults): ({ ok: true } | { ok: false; reason: string })[] {
  const failed = new Map(res.failure_list.map((f) => [f.model_id ?? '', f.failed_reason ?? '']));
  const succeeded = new Set(res.success_list.map((s) => s.model_id ?? ''));
  return batch.map((e) => {
    const reason = failed.get(e.modelId);
    const ok = reason === undefined && (succeeded.has(e.modelId) || res.success_list.length === batch.length);
    return ok ? { ok: true } : { ok: false, reason: reason || 'Shopee did not confirm this model' };
  });
}
