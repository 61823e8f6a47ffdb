import { SelectField } from '../../components/field.js';
import type { Warehouse } from './use-warehouses.js';

export interface WarehouseSelectProps {
  label: string;
  warehouses: readonly Warehouse[];
  value: number | null;
  onChange: (id: number | null) => void;
  /** Label of an extra first option meaning "no filter"; without it a warehouse must be chosen. */
  allLabel?: string;
  hideLabel?: boolean;
  className?: string;
}

/** A warehouse dropdown showing "CODE · Name"; inactive ones are marked so history stays readable. */
export function WarehouseSelect({ label, warehouses, value, onChange, allLabel, hideLabel, className }: WarehouseSelectProps) {
  const options = [
    ...(allLabel !== undefined ? [{ value: '', label: allLabel }] : []),
    ...warehouses.map((w) => ({ value: String(w.id), label: `${w.code} · ${w.name}${w.active ? '' : ' (–)'}` })),
  ];
  return (
    <SelectField
      label={label}
      hideLabel={hideLabel}
      className={className}
      value={value === null ? '' : String(value)}
      onChange={(v) => onChange(v === '' ? null : Number(v))}
      options={options}
    />
  );
}
