// Order statuses (spec §1.5) and what each means for the packages of the order.

export type OrderStatus =
  | 'UNPAID'
  | 'PENDING'
  | 'READY_TO_SHIP'
  | 'PROCESSED'
  | 'RETRY_SHIP'
  | 'SHIPPED'
  | 'TO_CONFIRM_RECEIVE'
  | 'COMPLETED'
  | 'IN_CANCEL'
  | 'CANCELLED'
  | 'TO_RETURN';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'UNPAID', 'PENDING', 'READY_TO_SHIP', 'PROCESSED', 'RETRY_SHIP', 'SHIPPED', 'TO_CONFIRM_RECEIVE', 'COMPLETED', 'IN_CANCEL', 'CANCELLED', 'TO_RETURN',
];

export const isOrderStatus = (s: unknown): s is OrderStatus => typeof s === 'string' && (ORDER_STATUSES as readonly string[]).includes(s);

export type LogisticsStatus =
  | 'LOGISTICS_NOT_START'
  | 'LOGISTICS_READY'
  | 'LOGISTICS_REQUEST_CREATED'
  | 'LOGISTICS_PICKUP_DONE'
  | 'LOGISTICS_DELIVERY_DONE'
  | 'LOGISTICS_INVALID'
  | 'LOGISTICS_REQUEST_CANCELED'
  | 'LOGISTICS_PICKUP_FAILED'
  | 'LOGISTICS_PICKUP_RETRY'
  | 'LOGISTICS_DELIVERY_FAILED'
  | 'LOGISTICS_LOST';

/** The happy path the ticker walks; side exits are taken by seller/buyer actions or the control API. */
export const HAPPY_PATH: readonly OrderStatus[] = ['UNPAID', 'READY_TO_SHIP', 'PROCESSED', 'SHIPPED', 'TO_CONFIRM_RECEIVE', 'COMPLETED'];

export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['COMPLETED', 'CANCELLED']);

/** Before the parcel left: the only time a seller may cancel, and stock goes back on cancel. */
export const BEFORE_PICKUP: ReadonlySet<OrderStatus> = new Set(['UNPAID', 'PENDING', 'READY_TO_SHIP', 'PROCESSED', 'RETRY_SHIP', 'IN_CANCEL']);

/** Package status that goes with an order status when the whole order moves at once. */
export function packageStatusFor(status: OrderStatus, current: LogisticsStatus): LogisticsStatus {
  switch (status) {
    case 'UNPAID':
    case 'PENDING':
      return 'LOGISTICS_NOT_START';
    case 'READY_TO_SHIP':
      return current === 'LOGISTICS_REQUEST_CREATED' ? current : 'LOGISTICS_READY';
    case 'PROCESSED':
      return 'LOGISTICS_REQUEST_CREATED';
    case 'RETRY_SHIP':
      return 'LOGISTICS_PICKUP_RETRY';
    case 'SHIPPED':
      return 'LOGISTICS_PICKUP_DONE';
    case 'TO_CONFIRM_RECEIVE':
    case 'COMPLETED':
    case 'TO_RETURN':
      return 'LOGISTICS_DELIVERY_DONE';
    case 'CANCELLED':
      return current === 'LOGISTICS_PICKUP_DONE' || current === 'LOGISTICS_DELIVERY_FAILED' || current === 'LOGISTICS_LOST' ? current : 'LOGISTICS_REQUEST_CANCELED';
    case 'IN_CANCEL':
      return current;
  }
}
