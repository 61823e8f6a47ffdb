import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogContract, productInput } from '../../../main/api/catalog.js';
import { apiFieldErrors, validate, type FieldErrors } from '../../lib/errors.js';
import { useFormErrors } from '../../lib/form.js';
import { draftIssues, type DraftIssue } from './product-checks.js';
import { toCreateInput, toUpdateInput, type ProductDraft } from './product-draft.js';

const updateSchema = catalogContract['catalog.update'].input;

/** "sku" → "the product SKU", "variants.2.barcodes.0" → "variant 3": where a duplicate was first typed. */
function placeOf(t: TFunction, path: string): string {
  const variant = /^variants\.(\d+)\./.exec(path);
  return variant ? t('catalog:check.inVariant', { n: Number(variant[1]) + 1 }) : t('catalog:check.inProductSku');
}

function issueText(t: TFunction, issue: DraftIssue): string {
  const params = { ...issue.params };
  if (issue.code === 'code_duplicate') params.other = placeOf(t, String(issue.params?.other ?? ''));
  return t(`catalog:check.${issue.code}`, params);
}

/** The contract's own schema first, then the form-only checks for fields the schema passed. */
export function productClientErrors(t: TFunction, d: ProductDraft): FieldErrors {
  const errors = d.id === undefined ? validate(t, productInput, toCreateInput(d)) : validate(t, updateSchema, toUpdateInput({ ...d, id: d.id }));
  for (const issue of draftIssues(d)) if (!(issue.path in errors)) errors[issue.path] = issueText(t, issue);
  return errors;
}

export function useProductErrors(draft: ProductDraft, serverError: unknown) {
  const { t } = useTranslation('catalog');
  const clientErrors = useMemo(() => productClientErrors(t, draft), [t, draft]);
  const serverErrors = useMemo(() => apiFieldErrors(t, serverError), [t, serverError]);
  return { ...useFormErrors(clientErrors, serverErrors), clientErrors };
}

export type ProductErrors = ReturnType<typeof useProductErrors>;
