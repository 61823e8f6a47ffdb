import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../app/shortcuts.js';
import { AddressView } from '../../components/address.js';
import { Button } from '../../components/button.js';
import { ErrorBanner, Loading, Money } from '../../components/feedback.js';
import { KeyValues, PageHeader, Section } from '../../components/layout.js';
import { StatusBadge, Tag } from '../../components/status-badge.js';
import { useCommand } from '../../lib/api.js';
import { formatDateTime, formatPhone } from '../../lib/format.js';
import { href, navigate, useParams } from '../../lib/router.js';
import { ShipmentPanel } from '../shipping/shipment-panel.js';
import { ShopeeLogisticsPanel } from '../shopee-logistics/shopee-logistics-panel.js';
import { OrderActions } from './order-actions.js';
import { OrderLinesTable } from './order-lines-table.js';
import { OrderTimeline } from './order-timeline.js';

export function OrderDetailScreen() {
  const { t } = useTranslation('orders');
  const id = Number(useParams().id);
  // The outbox books and tracks in the background and reports only jobs.changed: when the shipping
  // panel sees its shipments change, the order is read again (tracking number, status, history).
  const [shipments, setShipments] = useState('');
  const { data: order, error, loading } = useCommand('orders.get', Number.isInteger(id) && id > 0 ? { id } : null, [shipments]);
  useShortcut('Escape', () => navigate('/orders'));

  if (!order) return <div className="screen">{loading ? <Loading /> : <ErrorBanner error={error} />}</div>;

  return (
    <div className="screen">
      <PageHeader
        title={<>{order.number}</>}
        subtitle={
          <>
            <StatusBadge status={order.status} />
            <Tag>{t(`common:channels.${order.channel}`)}</Tag>
            <span>{order.channel === 'manual' ? t(`common:sources.${order.source}`, { defaultValue: order.source }) : order.source}</span>
            <span className="num">{t('detail.created', { at: formatDateTime(order.createdAt) })}</span>
          </>
        }
        actions={<Button variant="ghost" shortcut="Esc" onClick={() => navigate('/orders')}>{t('detail.back')}</Button>}
      >
        <OrderActions order={order} />
      </PageHeader>
      <ErrorBanner error={error} />
      <div className="detail-grid">
        <div className="detail-main">
          <Section title={t('detail.lines')}>
            <OrderLinesTable order={order} />
          </Section>
          <ShipmentPanel order={order} onShipmentsChange={setShipments} />
          {order.channel === 'shopee' ? <ShopeeLogisticsPanel orderId={order.id} /> : null}
          <Section title={t('detail.timeline')}>
            <OrderTimeline events={order.events} />
          </Section>
        </div>
        <div className="detail-side">
          <Section title={t('detail.buyer')}>
            <KeyValues
              items={[
                { label: t('form.buyerName'), value: order.customerId ? <a href={href(`/customers/${order.customerId}`)}>{order.buyerName}</a> : order.buyerName },
                { label: t('form.buyerPhone'), value: <span className="num">{formatPhone(order.buyerPhone)}</span> },
              ]}
            />
          </Section>
          <Section title={t('detail.address')}>
            <AddressView address={order.address} />
          </Section>
          <Section title={t('detail.payment')}>
            <KeyValues
              items={[
                { label: t('detail.method'), value: t(`common:payment.${order.paymentMethod}`) },
                ...(order.paymentMethod === 'cod' ? [{ label: t('detail.codAmount'), value: <Money value={order.total} strong /> }] : []),
              ]}
            />
          </Section>
          <Section title={t('detail.info')}>
            <KeyValues
              items={[
                { label: t('detail.warehouse'), value: order.warehouseCode },
                { label: t('detail.tracking'), value: order.trackingNumber ?? '' },
                { label: t('detail.externalId'), value: order.externalId ?? '' },
                { label: t('detail.shipBy'), value: order.shipBy ? formatDateTime(order.shipBy) : '' },
                { label: t('detail.note'), value: order.note },
              ]}
            />
          </Section>
        </div>
      </div>
    </div>
  );
}
