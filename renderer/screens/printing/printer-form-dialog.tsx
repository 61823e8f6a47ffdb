import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterProfileOut } from '../../../main/api/printing.js';
import { PRINT_PURPOSES } from '../../../main/domain/printing/print-documents.js';
import { MEDIA_NAMES, PRINTER_LANGUAGES, profileFields } from '../../../main/domain/printing/printer-profile-rules.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner } from '../../components/feedback.js';
import { CheckboxField, NumberField, RadioGroup, SelectField, TextField } from '../../components/field.js';
import { useAction } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { useFormErrors } from '../../lib/form.js';
import { toast } from '../../state/toast-store.js';
import { combinationKey, FIELD_OF_PATH, fromForm, NEW_PRINTER, toForm, type PrinterForm } from './printer-form.js';

const rename = (errs: Record<string, string>) => Object.fromEntries(Object.entries(errs).map(([k, v]) => [FIELD_OF_PATH[k] ?? k, v]));

/** Adds or edits one printer of the station; a language the media cannot take is refused as you choose. */
export function PrinterFormDialog({ station, printer, onClose }: { station: string; printer: PrinterProfileOut | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation('printing');
  const editing = printer !== null && printer !== 'new' ? printer : null;
  const [form, setForm] = useState<PrinterForm>(() => (editing ? toForm(editing) : NEW_PRINTER));
  const create = useAction('printers.create');
  const update = useAction('printers.update');
  const archive = useAction('printers.delete');
  const saving = editing ? update : create;
  const clientErrors = useMemo(() => {
    const errs = rename(validate(t, profileFields, fromForm(form)));
    const combo = combinationKey(form);
    if (combo) errs.language = t(combo);
    return errs;
  }, [t, form]);
  const serverErrors = useMemo(() => rename(apiFieldErrors(t, saving.error)), [t, saving.error]);
  const errors = useFormErrors(clientErrors, serverErrors);
  const set = <K extends keyof PrinterForm>(key: K, value: PrinterForm[K]) => {
    errors.touch(key);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = async () => {
    if (saving.pending || !errors.attempt()) return;
    const input = fromForm(form);
    const saved = editing ? await update.run({ id: editing.id, ...input }) : await create.run({ station, ...input });
    if (saved) {
      toast('success', t('form.saved', { name: saved.name }));
      onClose();
    }
  };
  const remove = async () => {
    if (!editing) return;
    if (await archive.run({ id: editing.id })) {
      toast('success', t('form.archived', { name: editing.name }));
      onClose();
    }
  };
  const options = <T extends string>(values: readonly T[], ns: string) => values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));

  return (
    <Dialog open={printer !== null} onClose={onClose} onSubmit={() => void submit()} size="md" title={editing ? t('form.editTitle') : t('form.newTitle')}
      footer={(
        <>
          {editing ? <Button variant="danger" onClick={() => void remove()} busy={archive.pending}>{t('form.archive')}</Button> : null}
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={saving.pending} shortcut="Ctrl+Enter">{t('common:actions.save')}</Button>
        </>
      )}>
      <div className="printer-form-grid">
        <TextField className="span-2" label={t('form.name')} required value={form.name} onChange={(v) => set('name', v)} error={errors.errorFor('name')} data-autofocus />
        <fieldset className="printer-purposes span-2">
          <legend>{t('form.purposes')}</legend>
          {PRINT_PURPOSES.map((p) => (
            <CheckboxField key={p} label={t(`purpose.${p}`)} checked={form.purposes.includes(p)}
              onChange={(on) => set('purposes', on ? [...form.purposes, p] : form.purposes.filter((x) => x !== p))} />
          ))}
        </fieldset>
        <SelectField className="span-2" label={t('form.transport')} value={form.transportKind} onChange={(v) => set('transportKind', v)} options={options(['tcp', 'os', 'file'] as const, 'transport')}
          hint={form.transportKind === 'os' ? t('printers.osNote') : undefined} />
        {form.transportKind === 'tcp' ? (
          <>
            <TextField label={t('form.host')} required value={form.host} onChange={(v) => set('host', v)} error={errors.errorFor('host')} className="mono-field" />
            <NumberField label={t('form.port')} value={form.port} onChange={(v) => set('port', v)} error={errors.errorFor('port')} />
          </>
        ) : form.transportKind === 'os' ? (
          <TextField className="span-2" label={t('form.printerName')} required value={form.printerName} onChange={(v) => set('printerName', v)} error={errors.errorFor('printerName')} />
        ) : (
          <TextField className="span-2 mono-field" label={t('form.path')} required value={form.path} onChange={(v) => set('path', v)} error={errors.errorFor('path')} />
        )}
        <SelectField label={t('form.language')} value={form.language} onChange={(v) => set('language', v)} options={options(PRINTER_LANGUAGES, 'language')} error={errors.errorFor('language')} />
        <SelectField label={t('form.media')} value={form.media} onChange={(v) => set('media', v)} options={options(MEDIA_NAMES, 'media')} />
        <RadioGroup label={t('form.dpi')} value={form.dpi} onChange={(v) => set('dpi', v)} options={[{ value: '203', label: '203 dpi' }, { value: '300', label: '300 dpi' }]} />
        <NumberField label={t('form.darkness')} value={form.darkness} onChange={(v) => set('darkness', v)} error={errors.errorFor('darkness')} />
        <NumberField label={t('form.offsetX')} hint={t('form.offsetHint')} value={form.offsetXmm} onChange={(v) => set('offsetXmm', v)} error={errors.errorFor('offsetXmm')} step="0.5" />
        <NumberField label={t('form.offsetY')} value={form.offsetYmm} onChange={(v) => set('offsetYmm', v)} error={errors.errorFor('offsetYmm')} step="0.5" />
        <CheckboxField label={t('form.active')} checked={form.active} onChange={(v) => set('active', v)} />
      </div>
      <ErrorBanner error={saving.error && Object.keys(serverErrors).length === 0 ? saving.error : archive.error} />
    </Dialog>
  );
}
