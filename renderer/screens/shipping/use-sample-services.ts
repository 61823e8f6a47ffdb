import { useEffect, useState } from 'react';
import { call, toApiError, type ApiError } from '../../lib/api.js';
import type { BookingDefaults, ServiceQuote } from './booking-rules.js';

/**
 * The services an account offers, learnt by pricing one of the selected orders (its address matched
 * first, its parcel from the defaults): the contract has no plain service list, and the services a
 * carrier offers depend on the route. Also returns that order's booking defaults.
 */
export function useSampleServices(orderId: number | null, accountId: number | null) {
  const [defaults, setDefaults] = useState<BookingDefaults | null>(null);
  const [services, setServices] = useState<ServiceQuote[] | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (orderId === null) return;
    let live = true;
    call('shipping.forOrder', { orderId }).then((r) => live && setDefaults(r.defaults), () => undefined);
    return () => {
      live = false;
    };
  }, [orderId]);

  useEffect(() => {
    setServices(null);
    setError(undefined);
    if (orderId === null || accountId === null || defaults === null) return;
    let live = true;
    setLoading(true);
    (async () => {
      const match = await call('shipping.resolveAddress', { orderId, accountId });
      if (!match.ok) throw new Error('unmatched');
      return call('shipping.quote', {
        orderId, accountId, codVnd: defaults.codVnd, insuranceVnd: defaults.insuranceVnd, weightG: defaults.weightG,
        lengthCm: defaults.lengthCm, widthCm: defaults.widthCm, heightCm: defaults.heightCm, payer: defaults.payer,
      });
    })().then(
      (list) => {
        if (!live) return;
        setServices(list);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        // An unmatched sample address only means this order cannot price the route; the operator
        // can still type a service code.
        setError(err instanceof Error && err.message === 'unmatched' ? undefined : toApiError(err));
        setServices([]);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [orderId, accountId, defaults]);

  return { defaults, services, error, loading };
}
