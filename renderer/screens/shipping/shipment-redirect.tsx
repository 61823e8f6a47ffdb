import { useEffect } from 'react';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { useCommand } from '../../lib/api.js';
import { navigate, useParams } from '../../lib/router.js';

/**
 * "/shipments/:id" opens the shipment's order, where the shipment lives. Jobs and exceptions know a
 * shipment's id but not always its order's, so they link here.
 */
export function ShipmentRedirect() {
  const id = Number(useParams().id);
  const { data, error } = useCommand('shipping.get', Number.isInteger(id) && id > 0 ? { id } : null);
  useEffect(() => {
    if (data) navigate(`/orders/${data.orderId}`, { replace: true });
  }, [data]);
  return <div className="screen">{error ? <ErrorBanner error={error} /> : <Loading />}</div>;
}
