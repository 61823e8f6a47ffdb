import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../app/shortcuts.js';
import { AddressView } from '../../components/address.js';
import { Button } from '../../components/button.js';
import { ErrorBanner, Loading, Money } from '../../components/feedback.js';
import { KeyValues, PageHeader, Section } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useAction, useCommand } from '../../lib/api.js';
import { formatDate, formatNumber, formatPhone } from '../../lib/format.js';
import { navigate, useParams } from '../../lib/router.js';
import { toast } from '../../state/toast-store.js';
import { AddressDialog } from './address-dialog.js';
import { CustomerOrders } from './customer-orders.js';

export function CustomerDetailScreen() {
  const { t } = useTranslation('customers');
  const id = Number(useParams().id);
  const { data: c, error, loading } = useCommand('customers.get', id > 0 ? { id } : null);
  const remove = useAction('customers.removeAddress');
  const [adding, setAdding] = useState(false);
  useShortcut('Escape', () => navigate('/customers'));
  useShortcut('E', () => navigate(`/customers/${id}/edit`));
  useShortcut('A', () => setAdding(true));

  if (!c) return <div className="screen">{loading ? <Loading /> : <ErrorBanner error={error} />}</div>;

  return (
    <div className="screen">
      <PageHeader
        title={c.name}
        subtitle={<span>{t('detail.since', { date: formatDate(c.createdAt) })}</span>}
        actions={
          <>
            <Button variant="ghost" shortcut="Esc" onClick={() => navigate('/customers')}>{t('detail.back')}</Button>
            <Button shortcut="E" onClick={() => navigate(`/customers/${c.id}/edit`)}>{t('common:actions.edit')}</Button>
            <Button variant="primary" onClick={() => navigate(`/orders/new?customer=${c.id}`)}>{t('detail.newOrder')}</Button>
          </>
        }
      />
      <div className="detail-grid">
        <div className="detail-main">
          <Section title={t('detail.orders')} actions={<span className="muted small">{t('detail.ordersHint')}</span>}>
            <CustomerOrders phone={c.phone} name={c.name} />
          </Section>
        </div>
        <div className="detail-side">
          <Section title={t('detail.info')}>
            <KeyValues
              items={[
                { label: t('form.phone'), value: <span className="num">{formatPhone(c.phone)}</span> },
                { label: t('form.email'), value: c.email },
                { label: t('detail.orderCount'), value: <span className="num">{formatNumber(c.orderCount)}</span> },
                { label: t('detail.totalSpent'), value: <Money value={c.totalSpent} /> },
                { label: t('form.note'), value: c.note },
              ]}
            />
          </Section>
          <Section title={t('detail.addresses')} actions={<Button size="sm" shortcut="A" onClick={() => setAdding(true)}>{t('detail.addAddress')}</Button>}>
            {c.addresses.length === 0 ? <p className="muted">{t('detail.noAddresses')}</p> : null}
            <ul className="address-list">
              {c.addresses.map((a) => (
                <li key={a.id} className="address-item">
                  <div className="address-item-head">
                    <strong>{a.label || a.address.recipientName || a.address.streetLine || '—'}</strong>
                    {a.isDefault ? <Tag tone="info">{t('detail.default')}</Tag> : null}
                    <Button
                      size="sm"
                      variant="ghost"
                      className="push-right"
                      aria-label={t('detail.removeAddress', { label: a.label || a.address.streetLine })}
                      busy={remove.pending}
                      onClick={async () => {
                        if (await remove.run({ customerId: c.id, addressId: a.id })) toast('success', t('detail.removed'));
                      }}
                    >
                      {t('common:actions.remove')}
                    </Button>
                  </div>
                  <AddressView address={a.address} />
                </li>
              ))}
            </ul>
            <ErrorBanner error={remove.error} />
          </Section>
        </div>
      </div>
      <AddressDialog customerId={c.id} open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
