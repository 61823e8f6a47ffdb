import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../main/api/orders.js';
import { call, toApiError, useAction, type ApiError } from '../../lib/api.js';
import { apiFieldErrors, type FieldErrors } from '../../lib/errors.js';
import { formatNumber, formatVnd } from '../../lib/format.js';
import { useFormErrors } from '../../lib/form.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { toast } from '../../state/toast-store.js';
import {
  bookInput, codForPayer, draftIssues, draftWarnings, limitsOfAccount, pickService, quoteInput,
  type BookingDefaults, type BookingDraft, type CarrierLimits, type DraftField, type DraftIssue, type ServiceQuote,
} from './booking-rules.js';

/** Only the contract's bounds, for an account whose limits the core did not list (switched off). */
const UNKNOWN_LIMITS: CarrierLimits = { maxCod: 100_000_000_000, maxInsurance: 100_000_000_000, maxWeightG: 1_000_000, maxSideCm: 1000, insuranceWarnAbove: null };

export function limitText(field: DraftField, n: number): string {
  if (field === 'codVnd' || field === 'insuranceVnd') return formatVnd(n);
  if (field === 'weightG') return `${formatNumber(n)} g`;
  return `${formatNumber(n)} cm`;
}

/**
 * State of the booking form: the draft, its checks as the operator types, the quote that follows the
 * parcel (debounced, only once the address matches), the chosen service and the booking itself.
 */
export function useBookingForm(order: Order, defaults: BookingDefaults, start: BookingDraft, onBooked: () => void) {
  const { t } = useTranslation('shipping');
  const [draft, setDraft] = useState(start);
  const [codEdited, setCodEdited] = useState(start.codVnd !== defaults.codVnd);
  const [addressOk, setAddressOk] = useState(false);
  const [services, setServices] = useState<ServiceQuote[] | null>(null);
  const [serviceCode, setServiceCode] = useState<string | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [quoteError, setQuoteError] = useState<ApiError>();
  const [noService, setNoService] = useState(false);
  const book = useAction('shipping.book');

  const accountLimits = limitsOfAccount(defaults, draft.accountId);
  const limitsKnown = accountLimits !== null;
  const limits = accountLimits ?? UNKNOWN_LIMITS;
  const issues = useMemo(() => draftIssues(draft, limits), [draft, limits]);
  const warnings = draftWarnings(draft, limits);
  const clientErrors = useMemo<FieldErrors>(() => {
    const out: FieldErrors = {};
    for (const [field, issue] of Object.entries(issues) as [DraftField, DraftIssue][]) out[field] = issueText(field, issue);
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [issues, t]);
  const serverErrors = useMemo(() => apiFieldErrors(t, book.error), [t, book.error]);
  const form = useFormErrors(clientErrors, serverErrors);
  // A refusal that names one of the form's boxes shows under it; anything else (address, a second
  // booking, offline) shows as a banner above the Book button.
  const fieldRefusal = Object.keys(serverErrors).some((k) => k in start);

  function issueText(field: DraftField, issue: DraftIssue): string {
    if (issue.kind === 'required') return t('errors:validation.required');
    if (issue.kind === 'min') return t('errors:validation.min', { min: issue.limit });
    if (field === 'note') return t('errors:validation.tooLong', { max: issue.limit });
    return t('book.overLimit', { limit: limitText(field, issue.limit) });
  }

  const set = <K extends keyof BookingDraft>(key: K, value: BookingDraft[K]) => {
    form.touch(key);
    setDraft((d) => {
      const next = { ...d, [key]: value };
      // The COD follows who pays shipping until the operator types their own amount.
      if (key === 'payer' && !codEdited) next.codVnd = codForPayer(order, value as BookingDraft['payer']);
      return next;
    });
    if (key === 'codVnd') setCodEdited(true);
    if (key === 'accountId') {
      setServices(null);
      setServiceCode(null);
    }
  };

  const quoteFor = quoteInput(order.id, draft, limits);
  const quoteKey = useDebounced(addressOk && quoteFor ? JSON.stringify(quoteFor) : null, 350);
  useEffect(() => {
    if (quoteKey === null) return;
    let live = true;
    setQuoting(true);
    call('shipping.quote', JSON.parse(quoteKey)).then(
      (list) => {
        if (!live) return;
        setServices(list);
        setQuoteError(undefined);
        setServiceCode((current) => pickService(list, current));
        setQuoting(false);
      },
      (err: unknown) => {
        if (!live) return;
        setQuoteError(toApiError(err));
        setQuoting(false);
      },
    );
    return () => {
      live = false;
    };
  }, [quoteKey]);

  const service = services?.find((s) => s.serviceCode === serviceCode) ?? null;
  const submit = async () => {
    if (book.pending) return;
    const valid = form.attempt();
    setNoService(service === null);
    if (!valid || !quoteFor || !addressOk || !service) return;
    const res = await book.run(bookInput(quoteFor, service));
    if (!res) return;
    toast('success', t('book.requested', { number: order.number }));
    onBooked();
  };

  return {
    draft, set, form, limits, limitsKnown, warnings, addressOk, setAddressOk, services, serviceCode, setServiceCode,
    quoting, quoteError, service, submit, book, fieldRefusal, noService: noService && service === null,
  };
}

export type BookingFormState = ReturnType<typeof useBookingForm>;
