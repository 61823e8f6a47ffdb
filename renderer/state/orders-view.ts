import { create } from 'zustand';
import type { OrderFilter } from '../../main/api/orders.js';
import { ORDER_SORTS } from '../../main/api/orders.js';

export type OrderSort = (typeof ORDER_SORTS)[number];

/** The order list's filters as the user set them; kept when they open an order and come back. */
export interface OrdersView {
  status: OrderFilter['statuses'][number] | 'all';
  channel: OrderFilter['channels'][number] | 'all';
  warehouseId: number | 'all';
  paymentMethod: NonNullable<OrderFilter['paymentMethod']> | 'all';
  /** Vietnamese calendar days, "YYYY-MM-DD" or "". */
  from: string;
  to: string;
  query: string;
  sort: OrderSort;
  /** Row that had the keyboard focus, restored when coming back from an order. */
  activeIndex: number;
}

export const DEFAULT_ORDERS_VIEW: OrdersView = {
  status: 'all', channel: 'all', warehouseId: 'all', paymentMethod: 'all', from: '', to: '', query: '', sort: 'created_desc', activeIndex: 0,
};

interface Store extends OrdersView {
  set: (patch: Partial<OrdersView>) => void;
  reset: () => void;
}

export const useOrdersView = create<Store>((set) => ({
  ...DEFAULT_ORDERS_VIEW,
  set: (patch) => set({ ...patch, ...('activeIndex' in patch ? {} : { activeIndex: 0 }) }),
  reset: () => set(DEFAULT_ORDERS_VIEW),
}));
