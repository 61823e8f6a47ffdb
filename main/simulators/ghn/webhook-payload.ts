// The callback GHN POSTs to the shop's URL (spec A1.8): PascalCase keys, one `Type` per kind of change.

import type { GhnOrder } from './order-store.js';
import { GHN_STATUS_TEXT } from './statuses.js';

export type GhnWebhookType = 'create' | 'switch_status' | 'update_weight' | 'update_cod' | 'update_fee';

const REASONS: Partial<Record<string, string>> = {
  delivery_fail: 'Không liên lạc được với người nhận',
  return_fail: 'Người gửi hẹn lại ngày nhận hàng trả',
  lost: 'Hàng thất lạc trong quá trình vận chuyển',
  damage: 'Hàng hư hỏng trong quá trình vận chuyển',
};

export function ghnWebhookPayload(o: GhnOrder, type: GhnWebhookType, now: number): Record<string, unknown> {
  const f = o.fee;
  return {
    CODAmount: o.input.codAmount,
    CODTransferDate: null,
    ClientOrderCode: o.input.clientOrderCode ?? '',
    ConvertedWeight: o.convertedWeight,
    Description: GHN_STATUS_TEXT[o.status],
    Fee: {
      CODFailedFee: f.cod_failed_fee,
      CODFee: f.cod_fee,
      Coupon: f.coupon,
      DeliverRemoteAreasFee: f.deliver_remote_areas_fee,
      DocumentReturn: f.document_return,
      DoubleCheck: f.double_check,
      Insurance: f.insurance,
      MainService: f.main_service,
      PickRemoteAreasFee: f.pick_remote_areas_fee,
      R2S: f.r2s,
      Return: f.return,
      StationDO: f.station_do,
      StationPU: f.station_pu,
      Total: o.totalFee,
    },
    Height: o.input.height,
    IsPartialReturn: false,
    Length: o.input.length,
    OrderCode: o.orderCode,
    PartialReturnCode: '',
    PaymentType: o.input.paymentTypeId,
    Reason: REASONS[o.status] ?? '',
    ReasonCode: '',
    ShopID: o.shopId,
    Status: o.status,
    Time: new Date(now).toISOString(),
    TotalFee: o.totalFee,
    Type: type,
    Warehouse: o.status === 'ready_to_pick' ? '' : 'Bưu Cục 9 Lê Lai-Q.1-HCM',
    Weight: o.input.weight,
    Width: o.input.width,
  };
}
