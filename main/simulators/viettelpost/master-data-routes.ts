// Category endpoints (old and new schemes) and the sender stores of listInventory. Categories are
// public (no token); listInventory belongs to the account.

import type { Route, SimReply, SimRequest } from '../shared/sim-server.js';
import { VTP_DISTRICTS, VTP_PROVINCES, VTP_WARDS } from './data/legacy-units.js';
import { VTP_NEW_PROVINCES, VTP_NEW_WARDS } from './data/new-units.js';
import type { VtpAuth } from './vtp-auth.js';
import { looseInt } from './vtp-fields.js';
import { vtpError, vtpOk } from './vtp-replies.js';

export interface VtpStore {
  GROUPADDRESS_ID: number;
  CUS_ID: number;
  NAME: string;
  PHONE: string;
  ADDRESS: string;
  PROVINCE_ID: number;
  DISTRICT_ID: number;
  WARDS_ID: number;
}

/** An id query parameter where -1 means "all". */
function idQuery(req: SimRequest, name: string): { all: true } | { id: number } | { error: SimReply } {
  const id = looseInt(req.query.get(name) ?? undefined);
  if (id === undefined || Number.isNaN(id)) return { error: vtpError(`Incorrect data: ${name}`) };
  return id === -1 ? { all: true } : { id };
}

const provinceOut = ({ PROVINCE_ID, PROVINCE_CODE, PROVINCE_NAME }: { PROVINCE_ID: number; PROVINCE_CODE: string; PROVINCE_NAME: string }) => ({
  PROVINCE_ID,
  PROVINCE_CODE,
  PROVINCE_NAME,
});

export function masterDataRoutes(auth: VtpAuth, storesOf: (cusId: number) => VtpStore[]): Route[] {
  const get = (path: string, handler: (req: SimRequest) => SimReply): Route => ({ methods: ['GET'], path, handler });
  return [
    get('/v2/categories/listProvince', () => vtpOk(VTP_PROVINCES.map(provinceOut))),
    get('/v2/categories/listProvinceById', (req) => {
      const q = idQuery(req, 'provinceId');
      if ('error' in q) return q.error;
      return vtpOk(VTP_PROVINCES.filter((p) => 'all' in q || p.PROVINCE_ID === q.id).map(provinceOut));
    }),
    get('/v2/categories/listDistrict', (req) => {
      const q = idQuery(req, 'provinceId');
      if ('error' in q) return q.error;
      return vtpOk(VTP_DISTRICTS.filter((d) => 'all' in q || d.PROVINCE_ID === q.id));
    }),
    get('/v2/categories/listWards', (req) => {
      const q = idQuery(req, 'districtId');
      if ('error' in q) return q.error;
      return vtpOk(VTP_WARDS.filter((w) => 'all' in q || w.DISTRICT_ID === q.id));
    }),
    get('/v3/categories/listProvinceNew', () => vtpOk(VTP_NEW_PROVINCES.map(provinceOut))),
    get('/v3/categories/listWardsNew', (req) => {
      const q = idQuery(req, 'provinceId');
      if ('error' in q) return q.error;
      return vtpOk(VTP_NEW_WARDS.filter((w) => 'all' in q || w.PROVINCE_ID === q.id));
    }),
    get('/v2/user/listInventory', auth.withToken((_req, _body, account) => vtpOk(storesOf(account.cusId)))),
  ];
}
